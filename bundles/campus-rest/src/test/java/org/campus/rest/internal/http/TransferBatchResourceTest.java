package org.campus.rest.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.campus.api.ConflictException;
import org.campus.api.FieldError;
import org.campus.api.InvalidInputException;
import org.campus.api.Page;
import org.campus.api.transfer.NewTransferBatch;
import org.campus.api.transfer.TransferBatch;
import org.campus.api.transfer.TransferBatchRow;
import org.campus.api.transfer.TransferBatchRowStatus;
import org.campus.api.transfer.TransferBatchService;
import org.campus.api.transfer.TransferBatchState;
import org.campus.api.workflow.LmsId;
import org.campus.spi.transfer.Resolution;
import org.campus.spi.transfer.SourceAccount;
import org.campus.spi.transfer.TransferUser;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The batch routes over a fake service, every answer checked against the OpenAPI document. */
class TransferBatchResourceTest {

    private final TestServlets t = new TestServlets(1_048_576);
    private final ObjectMapper mapper = new ObjectMapper();

    private FakeHttp.Response upload(String query, String type, byte[] csv) throws Exception {
        FakeHttp.Request r = new FakeHttp.Request("POST", "/transfers/batches").bearer("lms-all").body(type, csv);
        if (query != null) {
            String[] kv = query.split("=", 2);
            r.param(kv[0], kv[1]);
        }
        return t.call(r);
    }

    private FakeHttp.Response get(String path) throws Exception {
        return t.call(new FakeHttp.Request("GET", path).bearer("lms-all"));
    }

    private JsonNode body(FakeHttp.Response r) throws Exception {
        return mapper.readTree(r.body());
    }

    private static TransferBatch batch(TransferBatchState state) {
        Map<TransferBatchRowStatus, Integer> counts = new EnumMap<>(TransferBatchRowStatus.class);
        for (TransferBatchRowStatus s : TransferBatchRowStatus.values()) {
            counts.put(s, 0);
        }
        counts.put(TransferBatchRowStatus.PENDING, 2);
        counts.put(TransferBatchRowStatus.NEEDS_RESOLUTION, 1);
        return new TransferBatch(77, state, Resolution.MERGE, SourceAccount.LEFT_AS_IS, "moodle (key k1)",
                Instant.parse("2026-12-02T10:00:00Z"), null, state.isEnded() ? Instant.parse("2026-12-02T10:05:00Z")
                        : null, 12, 3, counts, null);
    }

    @Test
    void anUploadAnswers201WithTheBatchItsCountsAndItsRowsLink() throws Exception {
        t.answers.put("submit", args -> batch(TransferBatchState.QUEUED));
        byte[] csv = "fromUserId,toUserId\n5,6\n7,8\n9,u-10\n".getBytes(StandardCharsets.UTF_8);

        FakeHttp.Response r = upload("resolution=merge", "text/csv; charset=utf-8", csv);

        assertEquals(201, r.status, r.body());
        JsonNode b = body(r);
        assertEquals(77, b.get("id").asLong());
        assertEquals("queued", b.get("state").asText());
        assertEquals(2, b.get("counts").get("pending").asInt());
        assertEquals(1, b.get("counts").get("needsResolution").asInt());
        assertTrue(b.get("rows").asText().endsWith("/transfers/batches/77/rows"));
        assertTrue(r.headers.get("Location").endsWith("/transfers/batches/77"));
        NewTransferBatch asked = (NewTransferBatch) t.lastArgs.get("submit")[0];
        assertEquals(Resolution.MERGE, asked.resolution());
        assertEquals(new String(csv, StandardCharsets.UTF_8), new String(asked.csv(), StandardCharsets.UTF_8));
    }

    @Test
    void everyBadLineIsOne400NamingLineAndColumn() throws Exception {
        t.answers.put("submit", args -> {
            throw new InvalidInputException(List.of(new FieldError("lines[1].toUserId", "equals fromUserId"),
                    new FieldError("lines[3].fromUserId", "is missing")));
        });

        FakeHttp.Response r = upload(null, "text/csv", "fromUserId,toUserId\n1,1\n2,3\n,4\n".getBytes(StandardCharsets.UTF_8));

        assertEquals(400, r.status);
        assertEquals("application/problem+json", r.contentType);
        assertEquals("lines[1].toUserId", body(r).get("errors").get(0).get("field").asText());
        assertEquals("lines[3].fromUserId", body(r).get("errors").get(1).get("field").asText());
    }

    @Test
    void wrongTypeTooLargeAndBadOptionsAreRefusedBeforeTheService() throws Exception {
        byte[] csv = "fromUserId,toUserId\n1,2\n".getBytes(StandardCharsets.UTF_8);

        assertEquals(415, upload(null, "application/json", csv).status);
        assertEquals(413, upload(null, "text/csv", new byte[TransferBatchService.MAX_BYTES + 1]).status);
        FakeHttp.Response badResolution = upload("resolution=overwrite", "text/csv", csv);
        assertEquals(400, badResolution.status);
        assertEquals("resolution", body(badResolution).get("errors").get(0).get("field").asText());
        FakeHttp.Response empty = upload(null, "text/csv", new byte[0]);
        assertEquals("body", body(empty).get("errors").get(0).get("field").asText());
        assertFalse(t.serviceCalls.contains("submit"));
    }

    @Test
    void listGetRowsAndCancel() throws Exception {
        t.answers.put("list", args -> new Page<>(List.of(batch(TransferBatchState.RUNNING)), null));
        t.answers.put("find", args -> java.util.Optional.of(batch(TransferBatchState.COMPLETED)));
        t.answers.put("rows", args -> new Page<>(List.of(new TransferBatchRow(1, new TransferUser(LmsId.of(5), "Ann"),
                new TransferUser(LmsId.of("u-6"), "Ann B"), TransferBatchRowStatus.NEEDS_RESOLUTION, null,
                "1 conflicting item(s) do not offer merge: notes:n1", Instant.parse("2026-12-02T10:01:00Z"))), "id:1"));
        t.answers.put("cancel", args -> {
            throw new ConflictException("transfer batch 77 has ended (completed)");
        });

        assertEquals("running", body(get("/transfers/batches")).get("items").get(0).get("state").asText());
        assertEquals("completed", body(get("/transfers/batches/77")).get("state").asText());
        JsonNode row = body(get("/transfers/batches/77/rows")).get("items").get(0);
        assertEquals("needs_resolution", row.get("status").asText());
        assertEquals(5, row.get("fromUserId").asInt());
        assertTrue(row.get("transferId").isNull());
        FakeHttp.Response cancel = t.call(new FakeHttp.Request("POST", "/transfers/batches/77/cancel").bearer("lms-all"));
        assertEquals(409, cancel.status);
    }
}
