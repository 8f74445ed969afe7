package org.campus.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import javax.inject.Inject;

import org.campus.api.PageRequest;
import org.campus.api.sharing.NewShare;
import org.campus.api.sharing.ShareProgress;
import org.campus.api.sharing.ShareProgressService;
import org.campus.api.sharing.ShareQuery;
import org.campus.api.sharing.ShareStatus;
import org.campus.api.sharing.ShareType;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.osgi.framework.BundleContext;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;

import com.fasterxml.jackson.databind.JsonNode;

/** Share progress in the real container: through the HTTP API on Jetty and through the OSGi service. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class ShareProgressIT {

    /** Ids unique to each test, so that tests sharing one container and database do not see each other. */
    private static final AtomicLong IDS = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    @Inject
    private ShareProgressService shares;

    @Inject
    private BundleContext context;

    private final Http lms = Http.asLms();

    @Configuration
    public Option[] config() {
        return CampusContainer.options();
    }

    @Before
    public void apiIsUp() {
        lms.awaitRoute("/share-progress?limit=1", Duration.ofSeconds(60));
    }

    private static long newId() {
        return IDS.incrementAndGet();
    }

    private JsonNode create(long courseId, long userId, String type, Long cmId) {
        String body = "{\"courseId\":" + courseId + ",\"userId\":" + userId + ",\"type\":\"" + type + "\""
                + (cmId == null ? "" : ",\"cmId\":" + cmId) + "}";
        Http.Answer a = lms.postJson("/share-progress", body);
        assertEquals(a.toString(), 201, a.status());
        return a.json();
    }

    @Test
    public void createsReadsAndMarksSentOverHttp() {
        long course = newId();
        long user = newId();
        Http.Answer created = lms.postJson("/share-progress",
                "{\"courseId\":" + course + ",\"userId\":" + user + ",\"type\":\"activity\",\"cmId\":77}");
        assertEquals(created.toString(), 201, created.status());
        assertTrue(created.contentType().startsWith("application/json"));
        JsonNode share = created.json();
        long id = share.get("id").asLong();
        assertEquals("/campus/api/v1/share-progress/" + id, created.header("Location"));
        assertEquals("in_progress", share.get("status").asText());
        assertEquals(course, share.get("courseId").asLong());
        assertEquals(77, share.get("cmId").asLong());
        assertTrue(share.get("resourceUrl").isNull());
        Instant created1 = Instant.parse(share.get("timeCreated").asText());
        assertTrue(share.get("timeCreated").asText().endsWith("Z"));

        JsonNode read = lms.get("/share-progress/" + id).json();
        assertEquals(share, read);

        Http.Answer sent = lms.postJson("/share-progress/" + id + "/status",
                "{\"status\":\"sent\",\"resourceUrl\":\"https://moodle.net/drafts/view.php?id=5\"}");
        assertEquals(sent.toString(), 200, sent.status());
        assertEquals("sent", sent.json().get("status").asText());
        assertEquals("https://moodle.net/drafts/view.php?id=5", sent.json().get("resourceUrl").asText());
        assertFalse(Instant.parse(sent.json().get("timeModified").asText()).isBefore(created1));

        JsonNode timeline = lms.get("/share-progress/" + id + "/timeline").json().get("items");
        assertEquals(2, timeline.size());
        assertEquals("in_progress", timeline.get(0).get("status").asText());
        assertEquals("sent", timeline.get(1).get("status").asText());

        Http.Answer again = lms.postJson("/share-progress/" + id + "/status",
                "{\"status\":\"error\",\"message\":\"too late\"}");
        assertEquals(again.toString(), 409, again.status());
        assertTrue(again.contentType().startsWith("application/problem+json"));
        assertEquals("sent", lms.get("/share-progress/" + id).json().get("status").asText());
    }

    @Test
    public void badInputIsA400NamingTheFieldsAndWritesNothing() {
        long user = newId();
        assertProblem(lms.postJson("/share-progress", "{\"userId\":" + user + ",\"type\":\"activity\",\"cmId\":1}"),
                400, "courseId");
        assertProblem(lms.postJson("/share-progress", "{\"courseId\":1,\"userId\":" + user + ",\"type\":\"video\"}"),
                400, "type");
        assertProblem(lms.postJson("/share-progress", "{\"courseId\":1,\"userId\":" + user + ",\"type\":\"activity\"}"),
                400, "cmId");
        assertProblem(lms.postJson("/share-progress", "{\"courseId\":1,\"userId\":" + user
                + ",\"type\":\"course\",\"cmId\":4}"), 400, "cmId");
        // LMS ids are strings or whole numbers: a boolean, a fraction or a control character is not one
        assertProblem(lms.postJson("/share-progress", "{\"courseId\":true,\"userId\":" + user
                + ",\"type\":\"course\"}"), 400, "courseId");
        assertProblem(lms.postJson("/share-progress", "{\"courseId\":1.5,\"userId\":" + user
                + ",\"type\":\"course\"}"), 400, "courseId");
        assertProblem(lms.postJson("/share-progress", "{\"courseId\":\"c\\u0000\",\"userId\":" + user
                + ",\"type\":\"course\"}"), 400, "courseId");
        assertProblem(lms.postJson("/share-progress", "{\"courseId\":1,"), 400, "body");
        assertProblem(lms.postJson("/share-progress", "[1,2]"), 400, "body");
        Http.Answer wrongType = lms.post("/share-progress", "text/plain", "courseId=1");
        assertEquals(415, wrongType.status());
        assertTrue(wrongType.contentType().startsWith("application/problem+json"));

        long id = create(1, user, "course", null).get("id").asLong();
        assertProblem(lms.postJson("/share-progress/" + id + "/status", "{\"status\":\"sent\",\"resourceUrl\":\"ftp://x/y\"}"),
                400, "resourceUrl");
        assertProblem(lms.postJson("/share-progress/" + id + "/status", "{\"status\":\"sent\",\"resourceUrl\":\"/relative\"}"),
                400, "resourceUrl");
        assertProblem(lms.postJson("/share-progress/" + id + "/status", "{\"status\":\"sent\"}"), 400, "resourceUrl");
        assertProblem(lms.postJson("/share-progress/" + id + "/status", "{\"status\":\"in_progress\"}"), 400, "status");
        assertProblem(lms.postJson("/share-progress/" + id + "/status", "{\"status\":\"error\"}"), 400, "message");

        // only the one valid share was written, and it is untouched
        JsonNode mine = lms.get("/share-progress?userId=" + user).json().get("items");
        assertEquals(1, mine.size());
        assertEquals("in_progress", mine.get(0).get("status").asText());
        assertEquals(1, mine.get(0).get("version").asLong());
    }

    @Test
    public void unknownIdsAre404() {
        Http.Answer a = lms.get("/share-progress/987654321987");
        assertEquals(404, a.status());
        assertTrue(a.contentType().startsWith("application/problem+json"));
        assertEquals(404, lms.get("/share-progress/not-a-number").status());
        assertEquals(404, lms.postJson("/share-progress/987654321987/status",
                "{\"status\":\"sent\",\"resourceUrl\":\"https://x.org/r\"}").status());
        assertEquals(404, lms.get("/share-progress/987654321987/timeline").status());
    }

    @Test
    public void listsAUsersSharesNewestFirstPageByPage() {
        long user = newId();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            ids.add(create(100 + i % 2, user, "course", null).get("id").asLong());
        }
        List<Long> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = lms.get("/share-progress?userId=" + user + "&limit=3"
                    + (cursor == null ? "" : "&cursor=" + cursor)).json();
            page.get("items").forEach(s -> seen.add(s.get("id").asLong()));
            cursor = page.get("next").isNull() ? null : page.get("next").asText();
            pages++;
        } while (cursor != null && pages < 10);
        assertEquals(3, pages);
        List<Long> expected = new ArrayList<>(ids);
        java.util.Collections.reverse(expected);
        assertEquals(expected, seen);

        assertProblem(lms.get("/share-progress?userId=" + user + "&limit=0"), 400, "limit");
        assertProblem(lms.get("/share-progress?userId=" + user + "&limit=501"), 400, "limit");
        assertProblem(lms.get("/share-progress?userId=" + user + "&cursor=bogus"), 400, "cursor");
        assertProblem(lms.get("/share-progress?status=lost"), 400, "status");
        assertProblem(lms.get("/share-progress?createdFrom=yesterday"), 400, "createdFrom");
    }

    @Test
    public void adminFiltersAcrossUsersByStatusCourseAndTime() {
        long course = newId();
        Instant before = Instant.now().minusSeconds(1);
        long a = create(course, newId(), "course", null).get("id").asLong();
        long b = create(course, newId(), "activity", 5L).get("id").asLong();
        create(newId(), newId(), "course", null);
        lms.postJson("/share-progress/" + b + "/status", "{\"status\":\"error\",\"message\":\"MoodleNet said 503\"}");

        JsonNode errors = lms.get("/share-progress?courseId=" + course + "&status=error").json().get("items");
        assertEquals(1, errors.size());
        assertEquals(b, errors.get(0).get("id").asLong());
        assertEquals("MoodleNet said 503", errors.get(0).get("message").asText());

        JsonNode inCourse = lms.get("/share-progress?courseId=" + course + "&createdFrom=" + before).json().get("items");
        assertEquals(2, inCourse.size());
        assertEquals(0, lms.get("/share-progress?courseId=" + course + "&createdTo=" + before).json()
                .get("items").size());
        assertEquals(a, lms.get("/share-progress?courseId=" + course + "&type=course").json()
                .get("items").get(0).get("id").asLong());
    }

    @Test
    public void deletedSourceStaysListedAndSaysSo() {
        long course = newId();
        long user = newId();
        long activityShare = create(course, user, "activity", 11L).get("id").asLong();
        long otherActivity = create(course, user, "activity", 12L).get("id").asLong();
        Http.Answer a = lms.postJson("/share-progress/source-deleted", "{\"courseId\":" + course + ",\"cmId\":11}");
        assertEquals(a.toString(), 200, a.status());
        assertEquals(1, a.json().get("updated").asInt());
        JsonNode deleted = lms.get("/share-progress/" + activityShare).json();
        assertTrue(deleted.get("sourceDeleted").asBoolean());
        assertNotNull(Instant.parse(deleted.get("timeSourceDeleted").asText()));
        assertFalse(lms.get("/share-progress/" + otherActivity).json().get("sourceDeleted").asBoolean());

        // the whole course now: only the share not yet marked changes
        assertEquals(1, lms.postJson("/share-progress/source-deleted", "{\"courseId\":" + course + "}")
                .json().get("updated").asInt());
        assertEquals(2, lms.get("/share-progress?courseId=" + course).json().get("items").size());
    }

    @Test
    public void concurrentStatusChangesNeverLoseAnUpdate() throws Exception {
        long id = create(newId(), newId(), "course", null).get("id").asLong();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                String body = i % 2 == 0 ? "{\"status\":\"sent\",\"resourceUrl\":\"https://moodle.net/r/" + i + "\"}"
                        : "{\"status\":\"error\",\"message\":\"attempt " + i + "\"}";
                calls.add(() -> lms.postJson("/share-progress/" + id + "/status", body).status());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(calls)) {
                statuses.add(f.get());
            }
            assertEquals(statuses.toString(), 1, statuses.stream().filter(s -> s == 200).count());
            assertEquals(statuses.toString(), 5, statuses.stream().filter(s -> s == 409).count());
        } finally {
            pool.shutdownNow();
        }
        JsonNode timeline = lms.get("/share-progress/" + id + "/timeline").json().get("items");
        assertEquals(2, timeline.size());
    }

    @Test
    public void privacyExportAndErasureCoverShares() throws Exception {
        long user = newId();
        long course = newId();
        long id = create(course, user, "activity", 3L).get("id").asLong();
        create(course, newId(), "course", null);

        JsonNode export = lms.get("/privacy/users/" + user + "/export").json();
        JsonNode provider = findProvider(export, "share-progress");
        assertEquals(1, provider.get("records").size());
        assertEquals(id, provider.get("records").get(0).get("id").asLong());
        assertEquals(1, provider.get("records").get(0).get("timeline").size());

        JsonNode erased = awaitErasure(lms.delete("/privacy/users/" + user));
        assertEquals("completed", erased.get("state").asText());
        assertEquals(1, outcome(erased, "share-progress").get("deleted").asInt());
        assertEquals("done", outcome(erased, "share-progress").get("outcome").asText());
        assertEquals(404, lms.get("/share-progress/" + id).status());
        assertEquals(0, findProvider(lms.get("/privacy/users/" + user + "/export").json(), "share-progress")
                .get("records").size());

        JsonNode purged = awaitErasure(lms.delete("/privacy/courses/" + course));
        assertEquals(1, outcome(purged, "share-progress").get("deleted").asInt());
        assertEquals(0, lms.get("/share-progress?courseId=" + course).json().get("items").size());
    }

    /** Follows an erasure accepted with 202 to its end, through its Location. */
    private JsonNode awaitErasure(Http.Answer accepted) throws Exception {
        assertEquals(accepted.toString(), 202, accepted.status());
        String location = accepted.header("Location");
        String path = location.substring(location.indexOf("/privacy/"));
        return Await.until("erasure " + location + " ended", Duration.ofSeconds(60), () -> lms.get(path).json(),
                e -> List.of("completed", "failed", "cancelled").contains(e.get("state").asText()));
    }

    private static JsonNode outcome(JsonNode erasure, String provider) {
        for (JsonNode p : erasure.get("providers")) {
            if (p.get("provider").asText().equals(provider)) {
                return p;
            }
        }
        throw new AssertionError("no outcome of " + provider + " in " + erasure);
    }

    @Test
    public void serviceWorksThroughOsgiAndPostsEvents() throws Exception {
        BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        var registration = context.registerService(EventHandler.class, events::add,
                new java.util.Hashtable<>(java.util.Map.of(EventConstants.EVENT_TOPIC, "campus/share/*")));
        try {
            long user = newId();
            ShareProgress started = shares.start(new NewShare(9, user, ShareType.COURSE, null));
            ShareProgress sent = shares.markSent(started.id(), "https://moodle.net/r/9");
            assertEquals(ShareStatus.SENT, sent.status());
            assertEquals(started.id(), shares.list(ShareQuery.byUser(user), PageRequest.first(10)).items().get(0).id());

            Set<String> topics = new HashSet<>();
            for (int i = 0; i < 2; i++) {
                Event e = events.poll(10, TimeUnit.SECONDS);
                assertNotNull("event " + i + " not posted", e);
                assertEquals(started.id(), e.getProperty("id"));
                topics.add(e.getTopic());
            }
            assertEquals(Set.of(ShareProgressService.TOPIC_STARTED, ShareProgressService.TOPIC_SENT), topics);
        } finally {
            registration.unregister();
        }
    }

    @Test
    public void openApiDocumentsEveryServedRouteAndNothingElse() {
        JsonNode doc = lms.get("/openapi.json").json();
        assertEquals("3.0.3", doc.get("openapi").asText());
        List<HostileCases.Operation> operations = HostileCases.operations(doc);
        assertTrue(operations.size() > 5);
        for (HostileCases.Operation op : operations) {
            // a value naming nothing another test made: the walk must not cancel, erase or delete what they use
            String concrete = op.template().replaceAll("\\{[^}]+}", "987654321");
            Http.Answer a = lms.send(op.method(), concrete, "application/json", op.hasBody() ? "{}" : null);
            String problemDetail = a.contentType() != null && a.contentType().contains("problem")
                    ? a.json().get("detail").asText("") : "";
            assertFalse(op + " is documented but not served: " + a,
                    a.status() == 405 || problemDetail.startsWith("No resource at"));
            assertTrue(op + " answered " + a, a.status() < 500);
        }
        assertNull(doc.get("paths").get("/share-progress/{id}").get("post"));
    }

    private static JsonNode findProvider(JsonNode export, String name) {
        for (JsonNode p : export.get("providers")) {
            if (p.get("provider").asText().equals(name)) {
                return p;
            }
        }
        throw new AssertionError("no provider " + name + " in " + export);
    }

    static void assertProblem(Http.Answer a, int status, String field) {
        assertEquals(a.toString(), status, a.status());
        assertTrue(a.toString(), a.contentType().startsWith("application/problem+json"));
        JsonNode p = a.json();
        assertEquals(status, p.get("status").asInt());
        assertNotNull(p.get("title"));
        assertFalse("no stack trace in " + a, a.body().contains("\tat ") || a.body().contains("Exception"));
        boolean named = false;
        for (JsonNode e : p.path("errors")) {
            named |= e.get("field").asText().equals(field);
        }
        assertTrue("field " + field + " not named in " + a, named);
    }
}
