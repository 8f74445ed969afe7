package org.campus.rest.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.campus.api.ConflictException;
import org.campus.api.InvalidInputException;
import org.campus.api.Page;
import org.campus.api.transfer.ItemCounts;
import org.campus.api.transfer.ItemResult;
import org.campus.api.transfer.NewTransfer;
import org.campus.api.transfer.PreviewConflict;
import org.campus.api.transfer.PreviewItem;
import org.campus.api.transfer.ProviderListing;
import org.campus.api.transfer.ResolutionOffer;
import org.campus.api.transfer.Transfer;
import org.campus.api.transfer.TransferItemResult;
import org.campus.api.transfer.TransferPreview;
import org.campus.api.transfer.TransferState;
import org.campus.api.transfer.TransferVerification;
import org.campus.api.transfer.UndoItem;
import org.campus.api.transfer.UndoOutcome;
import org.campus.api.transfer.UndoRefusedException;
import org.campus.api.transfer.UndoResult;
import org.campus.api.transfer.VerificationCount;
import org.campus.api.workflow.LmsId;
import org.campus.spi.transfer.Resolution;
import org.campus.spi.transfer.SourceAccount;
import org.campus.spi.transfer.TransferUser;
import org.campus.spi.transfer.UndoRefusal;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The transfer routes over a fake service, every answer checked against the OpenAPI document. */
class TransferResourceTest {

    private final TestServlets t = new TestServlets(1_048_576);
    private final ObjectMapper mapper = new ObjectMapper();
    private static final TransferUser FROM = new TransferUser(LmsId.of(5), "Ann A");
    private static final TransferUser TO = new TransferUser(LmsId.of("u-7"), "Ann B");

    private FakeHttp.Response post(String path, String json) throws Exception {
        return t.call(new FakeHttp.Request("POST", path).bearer("lms-all").json(json));
    }

    private FakeHttp.Response get(String path) throws Exception {
        return t.call(new FakeHttp.Request("GET", path).bearer("lms-all"));
    }

    private JsonNode body(FakeHttp.Response r) throws Exception {
        return mapper.readTree(r.body());
    }

    private static Transfer transfer(TransferState state, TransferVerification verification) {
        return new Transfer(42, FROM, TO, state, SourceAccount.LEFT_AS_IS, "moodle (key k1)",
                Instant.parse("2026-12-02T10:00:00Z"), null, state.isEnded() ? Instant.parse("2026-12-02T10:01:00Z") : null,
                99, state.isEnded() ? 100 : 0, null, new ItemCounts(2, 0, 1, 1, 0, 0, 0, 0), verification, null, null,
                null, null, null);
    }

    @Test
    void previewGroupsTheItemsByTypeWithConflictsAndTheirResolutions() throws Exception {
        PreviewConflict conflict = new PreviewConflict("Both accounts are enrolled",
                List.of(new ResolutionOffer(Resolution.MERGE, "union of both", false, null),
                        new ResolutionOffer(Resolution.SKIP, "nothing happens", false, null)), Resolution.MERGE);
        t.answers.put("preview", args -> new TransferPreview((TransferUser) args[0], (TransferUser) args[1],
                SourceAccount.LEFT_AS_IS, "The source account stays as it is.", List.of(
                        new PreviewItem("moodle:enrolment:12", "moodle", "enrolment", "Physics 101", null,
                                List.of(LmsId.of(12)), false, null, conflict),
                        new PreviewItem("sharing:share:3", "sharing", "share", "Shared quiz", "to MoodleNet",
                                List.of(), true, "no undo", null),
                        new PreviewItem("moodle:enrolment:13", "moodle", "enrolment", "Chemistry", null,
                                List.of(LmsId.of(13)), false, null, null)),
                List.of(new ProviderListing("moodle", "Moodle", true, 2, ProviderListing.Outcome.LISTED, null)),
                List.of("1 item(s) cannot be undone once transferred.")));

        FakeHttp.Response r = post("/transfers/preview", "{\"fromUserId\":5,\"toUserId\":\"u-7\"}");

        assertEquals(200, r.status, r.body());
        JsonNode groups = body(r).get("groups");
        assertEquals(2, groups.size());
        assertEquals("enrolment", groups.get(0).get("type").asText());
        JsonNode first = groups.get(0).get("items").get(0);
        assertEquals("moodle:enrolment:12", first.get("id").asText());
        assertEquals(List.of("merge", "skip"), List.of(first.get("conflict").get("resolutions").get(0).asText(),
                first.get("conflict").get("resolutions").get(1).asText()));
        assertTrue(groups.get(0).get("items").get(1).get("conflict").isNull());
        assertTrue(groups.get(1).get("items").get(0).get("irreversible").asBoolean());
        TransferUser from = (TransferUser) t.lastArgs.get("preview")[0];
        assertEquals(LmsId.of(5), from.id(), "a number stays a number");
    }

    @Test
    void startAnswers201WithIdAndStateAndReadsResolutionsInEitherCase() throws Exception {
        t.answers.put("start", args -> transfer(TransferState.QUEUED, null));

        FakeHttp.Response r = post("/transfers", "{\"fromUserId\":5,\"toUserId\":\"u-7\",\"items\":"
                + "[\"moodle:enrolment:12\",\"moodle:enrolment:13\"],\"resolutions\":{\"moodle:enrolment:12\":\"MERGE\"}}");

        assertEquals(201, r.status, r.body());
        assertEquals(42, body(r).get("id").asLong());
        assertEquals("queued", body(r).get("state").asText());
        assertTrue(r.headers.get("Location").endsWith("/transfers/42"));
        NewTransfer asked = (NewTransfer) t.lastArgs.get("start")[0];
        assertEquals(Map.of("moodle:enrolment:12", Resolution.MERGE), asked.resolutions());
        assertEquals(List.of("moodle:enrolment:12", "moodle:enrolment:13"), asked.items());
        assertTrue(((String) t.lastArgs.get("start")[1]).startsWith("moodle"), "the caller is who asked for it");
    }

    @Test
    void aConflictWithoutResolutionIs400NamingTheItem() throws Exception {
        t.answers.put("start", args -> {
            throw new InvalidInputException("resolutions.moodle:enrolment:12",
                    "the item conflicts with the target's data; choose one of merge, skip");
        });

        FakeHttp.Response r = post("/transfers", "{\"fromUserId\":5,\"toUserId\":6,\"items\":[\"moodle:enrolment:12\"]}");

        assertEquals(400, r.status);
        assertEquals("application/problem+json", r.contentType);
        assertEquals("resolutions.moodle:enrolment:12", body(r).get("errors").get(0).get("field").asText());
    }

    @Test
    void badInputIsRefusedBeforeTheServiceNamingTheField() throws Exception {
        FakeHttp.Response noUser = post("/transfers", "{\"toUserId\":6,\"items\":[\"a:b\"]}");
        FakeHttp.Response badResolution = post("/transfers",
                "{\"fromUserId\":5,\"toUserId\":6,\"items\":[\"a:b\"],\"resolutions\":{\"a:b\":\"overwrite\"}}");
        FakeHttp.Response noItems = post("/transfers", "{\"fromUserId\":5,\"toUserId\":6}");

        assertEquals("fromUserId", body(noUser).get("errors").get(0).get("field").asText());
        assertEquals("resolutions.a:b", body(badResolution).get("errors").get(0).get("field").asText());
        assertEquals("items", body(noItems).get("errors").get(0).get("field").asText());
        assertFalse(t.serviceCalls.contains("start"));
    }

    @Test
    void anEndedTransferShowsItsItemsOutcomesAndVerification() throws Exception {
        TransferVerification v = new TransferVerification(true, List.of("1 of 2 selected items were neither moved nor skipped"),
                List.of(new VerificationCount("moodle", "enrolment", 1, 0, 0, 0)), List.of(), 0,
                Instant.parse("2026-12-02T10:01:00Z"));
        t.answers.put("find", args -> java.util.Optional.of(transfer(TransferState.COMPLETED, v)));
        t.answers.put("items", args -> new Page<>(List.of(new TransferItemResult("moodle:enrolment:12", "moodle",
                "enrolment", "Physics 101", Resolution.MERGE, ItemResult.TRANSFERRED, null, null, null, null,
                Instant.parse("2026-12-02T10:00:30Z"))), null));

        FakeHttp.Response r = get("/transfers/42");

        assertEquals(200, r.status, r.body());
        JsonNode b = body(r);
        assertEquals("completed", b.get("state").asText());
        assertEquals("transferred", b.get("items").get(0).get("outcome").asText());
        assertEquals("moodle:enrolment:12", b.get("items").get(0).get("id").asText());
        assertTrue(b.get("verification").get("flagged").asBoolean());
        assertEquals(1, b.get("verification").get("counts").get(0).get("moved").asInt());
    }

    @Test
    void undoAnswersOutcomesOr409NamingWhyNot() throws Exception {
        t.answers.put("undo", args -> new UndoResult(42, true,
                List.of(new UndoItem("moodle:enrolment:12", "moodle", UndoOutcome.UNDONE, null, null))));
        FakeHttp.Response ok = post("/transfers/42/undo", "");
        assertEquals(200, ok.status, ok.body());
        assertEquals("undone", body(ok).get("items").get(0).get("outcome").asText());

        t.answers.put("undo", args -> {
            throw new UndoRefusedException("transfer 42 cannot be undone, nothing was changed: 1 item(s) changed_since",
                    List.of(new UndoItem("moodle:enrolment:12", "moodle", UndoOutcome.REFUSED, UndoRefusal.CHANGED_SINCE,
                            "a teacher gave the target a role since")));
        });
        FakeHttp.Response refused = post("/transfers/42/undo", "");
        assertEquals(409, refused.status);
        assertEquals("application/problem+json", refused.contentType);
        assertEquals("changed_since", body(refused).get("items").get(0).get("reason").asText());
        assertTrue(body(refused).get("detail").asText().contains("changed_since"));

        t.answers.put("undo", args -> {
            throw new ConflictException("transfer 42 has not ended (running)");
        });
        FakeHttp.Response running = post("/transfers/42/undo", "");
        assertEquals(409, running.status);
        assertTrue(body(running).get("detail").asText().contains("not ended"));
    }

    @Test
    void listsTransfersNewestFirstWithTheirVerification() throws Exception {
        TransferVerification v = new TransferVerification(false, List.of(), List.of(), List.of(), 0,
                Instant.parse("2026-12-02T10:01:00Z"));
        TransferVerification counted = new TransferVerification(true, List.of("1 of 2 selected items were neither moved"),
                List.of(new VerificationCount("sharing", "share", 2, 0, 0, 0)), List.of(), 0,
                Instant.parse("2026-12-02T10:01:00Z"));
        Transfer undone = new Transfer(43, FROM, TO, TransferState.COMPLETED, SourceAccount.LEFT_AS_IS,
                "moodle (key k1)", Instant.parse("2026-12-02T10:00:00Z"), Instant.parse("2026-12-02T10:00:01Z"),
                Instant.parse("2026-12-02T10:01:00Z"), 99, 0, null, new ItemCounts(2, 0, 0, 0, 0, 0, 2, 0), counted,
                "undone", "moodle (key k1)", Instant.parse("2026-12-02T10:02:00Z"), null, null);
        t.answers.put("list", args -> new Page<>(List.of(transfer(TransferState.COMPLETED, v),
                transfer(TransferState.RUNNING, null), undone), "next-page"));

        FakeHttp.Response r = t.call(new FakeHttp.Request("GET", "/transfers").bearer("lms-all").param("userId", "5")
                .param("state", "completed"));

        assertEquals(200, r.status, r.body());
        assertEquals(3, body(r).get("items").size());
        assertEquals("next-page", body(r).get("next").asText());
        assertTrue(body(r).get("items").get(1).get("verification").isNull());
    }

    @Test
    void transfersNeedTheirScope() throws Exception {
        FakeHttp.Response r = t.call(new FakeHttp.Request("GET", "/transfers").bearer("lms-shares"));
        assertEquals(403, r.status);
        assertFalse(t.serviceCalls.contains("list"));
    }
}
