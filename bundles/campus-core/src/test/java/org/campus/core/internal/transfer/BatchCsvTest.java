package org.campus.core.internal.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.campus.api.FieldError;
import org.campus.api.InvalidInputException;
import org.campus.api.transfer.TransferBatchService;
import org.junit.jupiter.api.Test;

class BatchCsvTest {

    private static List<BatchCsv.Row> parse(String text) {
        return BatchCsv.parse(text.getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, String> errors(String text) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> parse(text));
        return e.errors().stream().collect(Collectors.toMap(FieldError::field, FieldError::message, (a, b) -> a + " | " + b,
                java.util.LinkedHashMap::new));
    }

    @Test
    void readsQuotedCommasEscapedQuotesAndEmbeddedNewlinesWithCrlfAndABom() {
        List<BatchCsv.Row> rows = parse("\uFEFFFromUserId,TOUSERID,fromName,toName\r\n"
                + "5,6,\"Smith, Jane\",\"Jane \"\"JJ\"\" Smith\"\r\n"
                + "alice,bob,\"two\nlines\",\r\n");

        assertEquals(2, rows.size());
        assertEquals("5", rows.get(0).from().id().value());
        assertTrue(rows.get(0).from().id().numeric(), "a whole number is taken as one");
        assertEquals("Smith, Jane", rows.get(0).from().displayName());
        assertEquals("Jane \"JJ\" Smith", rows.get(0).to().displayName());
        assertEquals("two lines", rows.get(1).from().displayName(), "a line break in a name is a space");
        assertEquals("user bob", rows.get(1).to().displayName(), "no name: the id stands for it");
        assertFalse(rows.get(1).from().id().numeric());
        assertEquals(2, rows.get(1).line());
    }

    @Test
    void columnsInAnyOrderWithLfOnlyAndNoFinalNewline() {
        List<BatchCsv.Row> rows = parse("toUserId,fromUserId\n2,1\n4,3");
        assertEquals(List.of("1->2", "3->4"),
                rows.stream().map(r -> r.from().id().value() + "->" + r.to().id().value()).toList());
    }

    @Test
    void aNumberWithALeadingZeroStaysText() {
        assertFalse(parse("fromUserId,toUserId\n007,8\n").get(0).from().id().numeric());
    }

    @Test
    void everyBadLineIsReportedAtOnceNamingLineAndColumn() {
        String tooLong = "x".repeat(256);
        Map<String, String> errors = errors("fromUserId,toUserId,fromName\n"
                + "1,2,Ann\n"
                + ",3,\n"
                + "4,4,\n"
                + "1,2,Again\n"
                + tooLong + ",5,\n"
                + "6,\"a\u0001b\",\n"
                + "7,8,x,extra\n");

        assertEquals("is missing", errors.get("lines[2].fromUserId"));
        assertTrue(errors.get("lines[3].toUserId").contains("equals fromUserId"), errors.toString());
        assertTrue(errors.get("lines[4].toUserId").contains("duplicate pair: line 1"), errors.toString());
        assertTrue(errors.get("lines[5].fromUserId").contains("not an LMS id"), errors.toString());
        assertTrue(errors.get("lines[6].toUserId").contains("not an LMS id"), errors.toString());
        assertTrue(errors.get("lines[7]").contains("4 fields"), errors.toString());
        assertFalse(errors.containsKey("lines[1].fromUserId"));
    }

    @Test
    void theHeaderIsRequiredAndUnknownColumnsAreRefused() {
        assertTrue(errors("fromUserId,toUserId,email\n1,2,x\n").get("header").contains("unknown column 'email'"));
        assertTrue(errors("fromUserId,name\n1,2\n").get("header").contains("lacks the column toUserId"));
        assertTrue(errors("1,2\n").get("header").contains("unknown column '1'"));
        assertTrue(errors("").containsKey("header"));
        assertTrue(errors("fromUserId,toUserId\n").get("lines").contains("no data line"));
        assertTrue(errors("fromUserId,toUserId,fromUserid\n1,2,3\n").get("header").contains("twice"));
    }

    @Test
    void malformedQuotingIsReportedOnItsLine() {
        assertTrue(errors("fromUserId,toUserId\n1,2\n3,\"4\n").get("lines[2]").contains("not closed"));
        assertTrue(errors("fromUserId,toUserId\n1,2\"x\"\n").get("lines[1]").contains("quote inside"));
        assertTrue(errors("fromUserId,toUserId\n1,\"2\"x\n").get("lines[1]").contains("after a quoted field"));
    }

    @Test
    void blankLinesAreIgnoredButCountAsLines() {
        List<BatchCsv.Row> rows = parse("fromUserId,toUserId\n1,2\n\n3,4\n");
        assertEquals(List.of(1, 3), rows.stream().map(BatchCsv.Row::line).toList());
    }

    @Test
    void limitsOfRowsAndBytes() {
        StringBuilder csv = new StringBuilder("fromUserId,toUserId\n");
        for (int i = 0; i < TransferBatchService.MAX_ROWS; i++) {
            csv.append(i).append(",t").append(i).append('\n');
        }
        assertEquals(TransferBatchService.MAX_ROWS, parse(csv.toString()).size());
        csv.append("x,y\n");
        assertTrue(errors(csv.toString()).get("lines").contains("at most 1000"));
        byte[] big = new byte[TransferBatchService.MAX_BYTES + 1];
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> BatchCsv.parse(big));
        assertEquals("body", e.errors().get(0).field());
    }

    @Test
    void textThatIsNotUtf8IsRefused() {
        byte[] latin1 = "fromUserId,toUserId\nJ\u00f6rg,2\n".getBytes(StandardCharsets.ISO_8859_1);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> BatchCsv.parse(latin1));
        assertEquals("body", e.errors().get(0).field());
    }
}
