package org.campus.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

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

    private JsonNode awaitEnd(long transfer) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        JsonNode t = null;
        while (System.nanoTime() < deadline) {
            Http.Answer a = lms.get("/transfers/" + transfer);
            assertEquals(a.toString(), 200, a.status());
            t = a.json();
            String state = t.get("state").asText();
            if (state.equals("completed") || state.equals("failed") || state.equals("cancelled")) {
                return t;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("transfer " + transfer + " did not end: " + t);
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
}
