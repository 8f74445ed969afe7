package org.campus.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import java.util.Dictionary;
import java.util.Hashtable;

import javax.inject.Inject;

import org.campus.api.transfer.TransferBatchService;
import org.campus.spi.transfer.ExecutionContext;
import org.campus.spi.transfer.ExecutionRequest;
import org.campus.spi.transfer.ListingContext;
import org.campus.spi.transfer.ListingRequest;
import org.campus.spi.transfer.Resolution;
import org.campus.spi.transfer.Selection;
import org.campus.spi.transfer.TransferProvider;
import org.campus.spi.transfer.UndoContext;
import org.campus.spi.transfer.UndoRefusal;
import org.campus.spi.transfer.UndoRequest;
import org.campus.spi.transfer.VerificationContext;
import org.campus.spi.transfer.VerificationRequest;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The transfer service in the real distribution over HTTP, with Campus's own share-progress
 * provider: the API's fixed points end to end (preview grouped by type, a transfer as a job ending
 * completed with its items' outcomes and its verification, undo with per-item outcomes, 409 when it
 * cannot be undone) and the 400s naming what is wrong.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class TransferIT {

    /** Ids unique to each test, so that tests sharing one container and database do not see each other. */
    private static final AtomicLong IDS = new AtomicLong(7_000_000_000L + System.nanoTime() % 1_000_000_000L);

    private final Http lms = Http.asLms();

    @Inject
    private org.osgi.framework.BundleContext context;

    @Configuration
    public Option[] config() {
        return CampusContainer.options();
    }

    /** Whether the routes answered once in this container: the first test waits for the boot (minutes when the machine is busy). */
    private static volatile boolean up;

    @Before
    public void apiIsUp() {
        if (!up) {
            lms.awaitRoute("/transfers?limit=1", Duration.ofMinutes(10));
            up = true;
        }
        Http.Answer list = lms.get("/transfers?limit=5");
        assertEquals(list.toString(), 200, list.status());
    }

    private long share(long user) {
        Http.Answer a = lms.postJson("/share-progress", "{\"courseId\":" + IDS.incrementAndGet() + ",\"userId\":" + user
                + ",\"type\":\"activity\",\"cmId\":5}");
        assertEquals(a.toString(), 201, a.status());
        return a.json().get("id").asLong();
    }

    private long owner(long share) {
        return lms.get("/share-progress/" + share).json().get("userId").asLong();
    }

    private JsonNode awaitEnd(long transfer) throws Exception {
        return awaitEnded("/transfers/" + transfer, Duration.ofSeconds(120));
    }

    /** Follows a transfer or a batch until its state has ended. */
    private JsonNode awaitEnded(String path, Duration timeout) throws Exception {
        return Await.until(path + " ended", timeout, () -> {
            Http.Answer a = lms.get(path);
            assertEquals(a.toString(), 200, a.status());
            return a.json();
        }, t -> List.of("completed", "failed", "cancelled").contains(t.get("state").asText()));
    }

    private static JsonNode group(JsonNode preview, String type) {
        for (JsonNode g : preview.get("groups")) {
            if (g.get("type").asText().equals(type)) {
                return g.get("items");
            }
        }
        throw new AssertionError("no group " + type + " in " + preview);
    }

    private static void assertProblem(Http.Answer a, int status, String field) {
        assertEquals(a.toString(), status, a.status());
        assertTrue(a.toString(), a.contentType().startsWith("application/problem+json"));
        if (field != null) {
            boolean named = false;
            for (JsonNode e : a.json().get("errors")) {
                named |= e.get("field").asText().equals(field);
            }
            assertTrue(field + " named in " + a, named);
        }
    }

    @Test
    public void previewTransferVerifyAndUndoOverHttp() throws Exception {
        long from = IDS.incrementAndGet();
        long to = IDS.incrementAndGet();
        long s1 = share(from);
        long s2 = share(from);
        long s3 = share(from);
        long theirs = share(to);

        Http.Answer preview = lms.postJson("/transfers/preview", "{\"fromUserId\":" + from + ",\"toUserId\":" + to + "}");
        assertEquals(preview.toString(), 200, preview.status());
        JsonNode shares = group(preview.json(), "share");
        assertEquals(3, shares.size());
        List<String> ids = new ArrayList<>();
        for (JsonNode item : shares) {
            ids.add(item.get("id").asText());
            assertEquals("share", item.get("type").asText());
            assertFalse(item.get("irreversible").asBoolean());
            assertTrue("no conflict", item.get("conflict").isNull());
            assertNotNull(item.get("title").asText());
        }
        assertTrue(ids.contains("sharing:share:" + s1));
        assertEquals("a preview changes nothing", from, owner(s1));

        Http.Answer started = lms.postJson("/transfers", "{\"fromUserId\":" + from + ",\"toUserId\":" + to
                + ",\"items\":[\"sharing:share:" + s1 + "\",\"sharing:share:" + s2 + "\"],\"resolutions\":{}}");
        assertEquals(started.toString(), 201, started.status());
        long id = started.json().get("id").asLong();
        assertTrue(started.json().get("state").asText().matches("queued|running|completed"));
        assertEquals("/campus/api/v1/transfers/" + id, started.header("Location"));

        JsonNode ended = awaitEnd(id);
        assertEquals(ended.toString(), "completed", ended.get("state").asText());
        assertEquals(2, ended.get("items").size());
        for (JsonNode item : ended.get("items")) {
            assertEquals("transferred", item.get("outcome").asText());
        }
        assertFalse(ended.get("verification").toString(), ended.get("verification").get("flagged").asBoolean());
        assertEquals(2, ended.get("verification").get("counts").get(0).get("moved").asInt());
        assertEquals(to, owner(s1));
        assertEquals(to, owner(s2));
        assertEquals("not selected: stays", from, owner(s3));
        assertEquals(to, owner(theirs));

        JsonNode audit = lms.get("/transfers?userId=" + from).json().get("items");
        assertEquals(1, audit.size());
        assertEquals(id, audit.get(0).get("id").asLong());

        Http.Answer undo = lms.postJson("/transfers/" + id + "/undo", "");
        assertEquals(undo.toString(), 200, undo.status());
        assertEquals(2, undo.json().get("items").size());
        for (JsonNode item : undo.json().get("items")) {
            assertEquals("undone", item.get("outcome").asText());
        }
        assertEquals(from, owner(s1));
        assertEquals(from, owner(s2));

        Http.Answer again = lms.postJson("/transfers/" + id + "/undo", "");
        assertProblem(again, 409, null);
        assertTrue(again.toString(), again.json().get("detail").asText().contains("undone already"));
    }

    @Test
    public void undoIsRefusedWith409NamingTheItemThatChangedSince() throws Exception {
        long from = IDS.incrementAndGet();
        long to = IDS.incrementAndGet();
        long third = IDS.incrementAndGet();
        long s1 = share(from);
        long first = lms.postJson("/transfers", "{\"fromUserId\":" + from + ",\"toUserId\":" + to
                + ",\"items\":[\"sharing:share:" + s1 + "\"]}").json().get("id").asLong();
        assertEquals("completed", awaitEnd(first).get("state").asText());
        // the share moves on to a third account: undoing the first transfer would take it from there
        long second = lms.postJson("/transfers", "{\"fromUserId\":" + to + ",\"toUserId\":" + third
                + ",\"items\":[\"sharing:share:" + s1 + "\"]}").json().get("id").asLong();
        assertEquals("completed", awaitEnd(second).get("state").asText());

        Http.Answer refused = lms.postJson("/transfers/" + first + "/undo", "");

        assertProblem(refused, 409, null);
        JsonNode item = refused.json().get("items").get(0);
        assertEquals("sharing:share:" + s1, item.get("id").asText());
        assertEquals("changed_since", item.get("reason").asText());
        assertEquals("nothing changed", third, owner(s1));
    }

    @Test
    public void badSelectionsAre400NamingTheField() {
        long from = IDS.incrementAndGet();
        long to = IDS.incrementAndGet();
        long s1 = share(from);

        assertProblem(lms.postJson("/transfers", "{\"fromUserId\":" + from + ",\"toUserId\":" + to
                + ",\"items\":[\"sharing:share:0\"]}"), 400, "items");
        assertProblem(lms.postJson("/transfers", "{\"fromUserId\":" + from + ",\"toUserId\":" + to
                + ",\"items\":[\"sharing:share:" + s1 + "\"],\"resolutions\":{\"sharing:share:" + s1 + "\":\"merge\"}}"),
                400, "resolutions.sharing:share:" + s1);
        assertProblem(lms.postJson("/transfers", "{\"fromUserId\":" + from + ",\"toUserId\":" + from
                + ",\"items\":[\"sharing:share:" + s1 + "\"]}"), 400, "toUserId");
        assertProblem(lms.postJson("/transfers/preview", "{\"toUserId\":" + to + "}"), 400, "fromUserId");
        assertProblem(lms.get("/transfers/999999999"), 404, null);
        assertEquals("nothing moved", from, owner(s1));
    }

    /**
     * A provider registered by the test: the source {@code user} has one note that conflicts with
     * the target's, offering keep_both only (never transferred here).
     */
    private static final class ConflictingNotes implements TransferProvider {
        private final String user;

        ConflictingNotes(String user) {
            this.user = user;
        }

        @Override
        public void listItems(ListingRequest request, ListingContext listing) {
            if (request.source().id().value().equals(user)) {
                listing.item("note:1", "note").title("Essay").conflict("the target has a note with this title")
                        .offer(Resolution.KEEP_BOTH, "both notes are kept").add();
            }
        }

        @Override
        public void transfer(ExecutionRequest request, ExecutionContext execution) {
            for (Selection s : request.selections()) {
                execution.skipped(s.item().id(), "the test's provider moves nothing");
            }
        }

        @Override
        public void undo(UndoRequest request, UndoContext undo) {
            request.items().forEach(i -> undo.refused(i.item().id(), UndoRefusal.NOT_SUPPORTED, "nothing to undo"));
        }

        @Override
        public void verify(VerificationRequest request, VerificationContext verification) {
            // moves nothing: no object to report
        }
    }

    private JsonNode awaitBatchEnd(long batch) throws Exception {
        return awaitEnded("/transfers/batches/" + batch, Duration.ofSeconds(180));
    }

    @Test
    public void aCsvBatchRunsEachRowAsItsOwnTransferAndLeavesTheConflictingRowNeedingAResolution() throws Exception {
        long a = IDS.incrementAndGet();
        long b = IDS.incrementAndGet();
        long c = IDS.incrementAndGet();
        long d = IDS.incrementAndGet();
        long e = IDS.incrementAndGet();
        long f = IDS.incrementAndGet();
        long sa = share(a);
        long sc = share(c);
        long se = share(e);
        Dictionary<String, Object> props = new Hashtable<>();
        props.put(TransferProvider.PROPERTY_ID, "itest-notes");
        props.put(TransferProvider.PROPERTY_ITEM_TYPES, "note");
        props.put(TransferProvider.PROPERTY_UNDO, Boolean.FALSE);
        var registration = context.registerService(TransferProvider.class, new ConflictingNotes(Long.toString(c)), props);
        try {
            String csv = "\uFEFFfromUserId,toUserId,fromName,toName\r\n" + a + "," + b + ",\"Doe, Ann\",Ann Doe\r\n"
                    + c + "," + d + ",,\r\n" + e + "," + f + ",\"Eve \"\"E\"\"\",\r\n";

            Http.Answer bad = lms.post("/transfers/batches", "text/csv", "fromUserId,toUserId\n" + a + "," + a + "\n,"
                    + b + "\n");
            assertProblem(bad, 400, "lines[1].toUserId");
            assertProblem(bad, 400, "lines[2].fromUserId");

            Http.Answer submitted = lms.post("/transfers/batches?resolution=merge", "text/csv; charset=utf-8", csv);
            assertEquals(submitted.toString(), 201, submitted.status());
            long id = submitted.json().get("id").asLong();
            assertEquals("/campus/api/v1/transfers/batches/" + id, submitted.header("Location"));
            assertEquals(3, submitted.json().get("rowCount").asInt());

            JsonNode ended = awaitBatchEnd(id);
            assertEquals(ended.toString(), "completed", ended.get("state").asText());
            assertEquals(ended.toString(), 2, ended.get("counts").get("completed").asInt());
            assertEquals(ended.toString(), 1, ended.get("counts").get("needsResolution").asInt());

            JsonNode rows = lms.get("/transfers/batches/" + id + "/rows").json().get("items");
            assertEquals(3, rows.size());
            assertEquals("Doe, Ann", rows.get(0).get("fromName").asText());
            assertEquals("completed", rows.get(0).get("status").asText());
            assertEquals("needs_resolution", rows.get(1).get("status").asText());
            assertTrue(rows.get(1).toString(), rows.get(1).get("message").asText().contains("itest-notes:note:1"));
            assertTrue(rows.get(1).get("transferId").isNull());
            assertEquals("Eve \"E\"", rows.get(2).get("fromName").asText());
            assertEquals("completed", rows.get(2).get("status").asText());
            JsonNode first = awaitEnd(rows.get(0).get("transferId").asLong());
            assertEquals("completed", first.get("state").asText());
            assertEquals(b, owner(sa));
            assertEquals("the conflicting row started nothing", c, owner(sc));
            assertEquals(f, owner(se));

            boolean listed = false;
            for (JsonNode batch : lms.get("/transfers/batches?limit=10").json().get("items")) {
                listed |= batch.get("id").asLong() == id;
            }
            assertTrue("the batch is listed", listed);
            assertProblem(lms.postJson("/transfers/batches/" + id + "/cancel", ""), 409, null);
            assertEquals(TransferBatchService.JOB_TYPE, lms.get("/jobs/" + ended.get("jobId").asLong()).json()
                    .get("type").asText());
        } finally {
            registration.unregister();
        }
    }

    /** An archive job made for {@code user}, written as the archive service writes its row (V12, V17). */
    /** An archive job made for {@code user}, left open (awaiting uploads): the transfer moves it as it is. */
    private long archiveJob(long user, long course) {
        Http.Answer created = lms.postJson("/archive/jobs", "{\"courseId\": " + course + ", \"userId\": " + user
                + ", \"awaitUploads\": true, \"activities\": [{\"type\": \"files\", \"id\": 1}]}");
        assertEquals(created.toString(), 201, created.status());
        return created.json().get("id").asLong();
    }

    private String archiveUser(long job) {
        Http.Answer a = lms.get("/archive/jobs/" + job);
        assertEquals(a.toString(), 200, a.status());
        return a.json().get("userId").asText();
    }

    @Test
    public void theArchiveJobsMadeForTheSourceMoveAndComeBackWithUndo() throws Exception {
        long from = IDS.incrementAndGet();
        long to = IDS.incrementAndGet();
        long course = IDS.incrementAndGet();
        long job = archiveJob(from, course);

        Http.Answer preview = lms.postJson("/transfers/preview", "{\"fromUserId\":" + from + ",\"toUserId\":" + to + "}");
        assertEquals(preview.toString(), 200, preview.status());
        JsonNode jobs = group(preview.json(), "archive-job");
        assertEquals(1, jobs.size());
        assertEquals("archive:job:" + job, jobs.get(0).get("id").asText());
        assertTrue(jobs.get(0).get("title").asText().startsWith("Archive of course " + course + ", created "));
        assertTrue(jobs.get(0).get("conflict").isNull());
        assertFalse(jobs.get(0).get("irreversible").asBoolean());

        long id = lms.postJson("/transfers", "{\"fromUserId\":" + from + ",\"toUserId\":" + to
                + ",\"allItems\":true}").json().get("id").asLong();
        JsonNode ended = awaitEnd(id);
        assertEquals(ended.toString(), "completed", ended.get("state").asText());
        assertFalse(ended.get("verification").toString(), ended.get("verification").get("flagged").asBoolean());
        assertEquals(Long.toString(to), archiveUser(job));

        Http.Answer undo = lms.postJson("/transfers/" + id + "/undo", "");
        assertEquals(undo.toString(), 200, undo.status());
        assertEquals(Long.toString(from), archiveUser(job));
    }
}
