package org.campus.testkit.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.campus.api.workflow.LmsId;
import org.campus.spi.transfer.ItemOutcome;
import org.campus.spi.transfer.OwnedRows;
import org.campus.spi.transfer.TransferUser;
import org.campus.spi.transfer.TransferredItem;
import org.junit.jupiter.api.Test;

/** The SPI's helper for providers of user-owned rows, with the kit's own requests and contexts. */
class OwnedRowsTest {

    private static TransferredItem item(long row, ItemOutcome outcome) {
        return new Requests.Transferred(new SimpleItem("share:" + row, "share", "Share " + row, null, Map.of(),
                Set.of(), false, null, Optional.empty()), Optional.empty(), outcome, Optional.empty());
    }

    @Test
    void rowIdReadsTheNumberAfterThePrefixAndRefusesAnythingElse() {
        assertEquals(42L, OwnedRows.rowId("share:42", "share:"));
        assertThrows(IllegalArgumentException.class, () -> OwnedRows.rowId("record:42", "share:"));
        assertThrows(IllegalArgumentException.class, () -> OwnedRows.rowId("share:x", "share:"));
        assertThrows(IllegalArgumentException.class, () -> OwnedRows.rowId(null, "share:"));
    }

    @Test
    void batchesKeepTheOrderAndReadTheItemsOnlyAsFarAsTheBatchAtHand() {
        List<TransferredItem> all = List.of(item(5, ItemOutcome.TRANSFERRED), item(3, ItemOutcome.TRANSFERRED),
                item(9, ItemOutcome.TRANSFERRED), item(1, ItemOutcome.TRANSFERRED), item(7, ItemOutcome.TRANSFERRED));
        AtomicInteger read = new AtomicInteger();
        Iterable<TransferredItem> counted = () -> all.stream().peek(t -> read.incrementAndGet()).iterator();

        Iterator<Map<Long, TransferredItem>> batches = OwnedRows.batches(counted, "share:", 2).iterator();
        assertEquals(List.of(5L, 3L), new ArrayList<>(batches.next().keySet()));
        assertEquals(2, read.get(), "the first batch read two items, no more");
        assertEquals(List.of(9L, 1L), new ArrayList<>(batches.next().keySet()));
        assertEquals(List.of(7L), new ArrayList<>(batches.next().keySet()));
        assertFalse(batches.hasNext());
        assertThrows(IllegalArgumentException.class, () -> OwnedRows.batches(all, "share:", 0));
    }

    @Test
    void verifyOwnersReportsMovedStayedAndLostFromTheOwnersFoundPerBatch() {
        LmsId from = LmsId.of(1);
        LmsId to = LmsId.of(2);
        List<TransferredItem> all = List.of(item(10, ItemOutcome.TRANSFERRED), item(11, ItemOutcome.TRANSFERRED),
                item(12, ItemOutcome.TRANSFERRED), item(13, ItemOutcome.FAILED));
        RecordingVerificationContext context = new RecordingVerificationContext(
                Set.of("share:10", "share:11", "share:12", "share:13"));
        List<Integer> batchSizes = new ArrayList<>();

        OwnedRows.verifyOwners(new Requests.Verification(new TransferUser(from, "Old account"),
                new TransferUser(to, "New account"), "7", all), context, "share:", "share", 3, rows -> {
                    batchSizes.add(rows.size());
                    return rows.contains(10L) ? Map.of(10L, to, 11L, from) : Map.of(13L, from);
                }, "the share no longer exists");

        assertEquals(List.of(3, 1), batchSizes);
        assertEquals(List.of("share:10 share/10 MOVED->MOVED", "share:11 share/11 MOVED->STAYED",
                "share:12 share/12 MOVED->LOST (the share no longer exists)", "share:13 share/13 STAYED->STAYED"),
                context.objects.stream().map(o -> o.itemId() + " " + o.objectType() + "/" + o.objectId() + " "
                        + o.expected() + "->" + o.actual() + (o.detail() == null ? "" : " (" + o.detail() + ")"))
                        .toList());
    }
}
