package org.campus.rest.internal.archive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;

import org.campus.api.ConflictException;
import org.campus.api.Page;
import org.campus.api.archive.ArchiveJob;
import org.campus.api.archive.ArchiveVerification;
import org.campus.api.archive.NewArchiveJob;
import org.campus.api.archive.UploadTooLargeException;
import org.campus.api.workflow.LmsId;
import org.campus.rest.internal.http.FakeHttp;
import org.campus.rest.internal.http.TestServlets;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The archive routes through the real servlet, each answer checked against the OpenAPI document. */
class ArchiveResourceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final TestServlets t = new TestServlets();

    private static ArchiveJob job(String state, int progress, String reason, ArchiveJob.Stored stored) {
        return new ArchiveJob(7, 51L, LmsId.of(12), "moodle (key k1)", state, progress, true, "filesystem",
                List.of(new ArchiveJob.Activity("workflow", "17", false, "archived", "workflow", 3, List.of(), null),
                        new ArchiveJob.Activity("files", "18", false, "failed", null, 0,
                                List.of(new ArchiveJob.Upload("a/b.pdf", "application/pdf", 10, true, "ab".repeat(32))),
                                "archiver 'files' failed")),
                reason, stored, Instant.parse("2026-12-02T10:00:00Z"),
                reason == null ? null : Instant.parse("2026-12-02T10:01:00Z"), LmsId.of(5));
    }

    private FakeHttp.Response call(FakeHttp.Request r) throws Exception {
        return t.call(r.bearer("lms-all"));
    }

    @Test
    void createsAJobFromTheFixedFieldsAndAnswers201WithIdAndState() throws Exception {
        t.answers.put("create", args -> job("queued", 0, null, null));
        FakeHttp.Response r = call(new FakeHttp.Request("POST", "/archive/jobs").json("{\"courseId\": 12, \"userId\": 5,"
                + " \"sign\": true, \"activities\": [{\"type\": \"workflow\", \"id\": 17},"
                + " {\"type\": \"roles\", \"id\": \"course\", \"data\": {\"users\": [1]}}]}"));

        assertEquals(201, r.status, r.body());
        JsonNode body = JSON.readTree(r.body());
        assertEquals(7, body.get("id").asLong());
        assertEquals("queued", body.get("state").asText());
        assertEquals(12, body.get("courseId").asInt());
        assertTrue(body.get("userId").isIntegralNumber(), "an LMS id sent as a number goes back as one");
        assertEquals(5, body.get("userId").asInt());
        assertTrue(r.headers.get("Location").endsWith("/archive/jobs/7"));
        NewArchiveJob asked = (NewArchiveJob) t.lastArgs.get("create")[0];
        assertEquals(LmsId.of(12), asked.courseId());
        assertEquals(LmsId.of(5), asked.userId());
        assertTrue(asked.sign());
        assertEquals("17", asked.activities().get(0).id());
        assertEquals(null, asked.activities().get(0).data());
        assertEquals("{\"users\":[1]}", asked.activities().get(1).data());
    }

    @Test
    void badInputNamesTheFieldAndReachesNoService() throws Exception {
        FakeHttp.Response r = call(new FakeHttp.Request("POST", "/archive/jobs").json("{\"courseId\": true, \"userId\": 1.5,"
                + " \"sign\": \"yes\", \"activities\": [{\"type\": \"\", \"id\": 17}, 5]}"));
        assertEquals(400, r.status, r.body());
        String body = r.body();
        for (String field : List.of("courseId", "userId", "sign", "activities[0].type", "activities[1]")) {
            assertTrue(body.contains("\"field\":\"" + field + "\""), field + " in " + body);
        }
        assertEquals(400, call(new FakeHttp.Request("POST", "/archive/jobs").json("{\"courseId\": 1,"
                + " \"activities\": []}")).status);
        assertFalse(t.serviceCalls.contains("create"));
    }

    @Test
    void showsStateProgressAndErrorsOfAFailedJob() throws Exception {
        t.answers.put("find", args -> java.util.Optional.of(job("failed", 40, "no archiver for activity type 'files'",
                null)));
        FakeHttp.Response r = call(new FakeHttp.Request("GET", "/archive/jobs/7"));
        assertEquals(200, r.status, r.body());
        JsonNode body = JSON.readTree(r.body());
        assertEquals("failed", body.get("state").asText());
        assertEquals(40, body.get("progress").asInt());
        assertEquals("no archiver for activity type 'files'", body.get("errors").get(0).get("message").asText());
        assertEquals(1, body.get("errors").get(1).get("activity").asInt());
        assertEquals("a/b.pdf", body.get("activities").get(1).get("uploads").get(0).get("name").asText());

        t.answers.put("find", args -> java.util.Optional.empty());
        assertEquals(404, call(new FakeHttp.Request("GET", "/archive/jobs/8")).status);
        assertEquals(404, call(new FakeHttp.Request("GET", "/archive/jobs/x")).status, "not a job id");
    }

    @Test
    void streamsTheArchiveAndTheTimestamp() throws Exception {
        byte[] archive = {0x1f, (byte) 0x8b, 8, 0, 1, 2, 3};
        t.answers.put("openArchive", args -> new ByteArrayInputStream(archive));
        FakeHttp.Response r = call(new FakeHttp.Request("GET", "/archive/jobs/7/archive"));
        assertEquals(200, r.status);
        assertEquals("application/gzip", r.contentType);
        assertArrayEquals(archive, r.bytes());

        t.answers.put("openTimestamp", args -> new ByteArrayInputStream(new byte[] {0x30, 3, 2, 1, 0}));
        FakeHttp.Response ts = call(new FakeHttp.Request("GET", "/archive/jobs/7/timestamp"));
        assertEquals(200, ts.status);
        assertEquals("application/timestamp-token", ts.contentType);
        assertArrayEquals(new byte[] {0x30, 3, 2, 1, 0}, ts.bytes());

        t.answers.put("openArchive", args -> {
            throw new ConflictException("archive job 7 is running; it has no stored archive");
        });
        FakeHttp.Response early = call(new FakeHttp.Request("GET", "/archive/jobs/7/archive"));
        assertEquals(409, early.status);
        assertTrue(early.contentType.startsWith("application/problem+json"));
    }

    @Test
    void verifyAnswersValidAndReason() throws Exception {
        t.answers.put("verify", args -> new ArchiveVerification(false, "the archive's SHA-256 differs", null, null));
        FakeHttp.Response r = call(new FakeHttp.Request("POST", "/archive/jobs/7/verify"));
        assertEquals(200, r.status, r.body());
        JsonNode body = JSON.readTree(r.body());
        assertFalse(body.get("valid").asBoolean());
        assertEquals("the archive's SHA-256 differs", body.get("reason").asText());
    }

    @Test
    void uploadsAreStreamedWithOffsetAndTooLargeIs413() throws Exception {
        t.answers.put("upload", args -> {
            try (InputStream in = (InputStream) args[6]) {
                return new ArchiveJob.Upload((String) args[2], (String) args[3], (Long) args[4]
                        + in.readAllBytes().length, (Boolean) args[5], null);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        });
        FakeHttp.Request req = new FakeHttp.Request("POST", "/archive/jobs/7/uploads").param("activity", "1")
                .param("name", "attempts/ann.pdf").param("offset", "100").param("last", "false")
                .body("application/octet-stream", new byte[50]);
        FakeHttp.Response r = call(req);
        assertEquals(200, r.status, r.body());
        JsonNode body = JSON.readTree(r.body());
        assertEquals(150, body.get("size").asLong());
        assertFalse(body.get("complete").asBoolean());
        assertEquals(1, body.get("activity").asInt());

        assertEquals(415, call(new FakeHttp.Request("POST", "/archive/jobs/7/uploads").param("activity", "0")
                .param("name", "a").json("{}")).status);
        FakeHttp.Response noName = call(new FakeHttp.Request("POST", "/archive/jobs/7/uploads").param("activity", "0")
                .body("application/octet-stream", new byte[1]));
        assertEquals(400, noName.status);
        assertTrue(noName.body().contains("\"field\":\"name\""));

        t.answers.put("upload", args -> {
            throw new UploadTooLargeException("too large");
        });
        assertEquals(413, call(new FakeHttp.Request("POST", "/archive/jobs/7/uploads").param("activity", "0")
                .param("name", "a").body("application/octet-stream", new byte[1])).status);
    }

    @Test
    void listsCancelsStartsAndDeletes() throws Exception {
        t.answers.put("list", args -> new Page<>(List.of(job("completed", 100, null,
                new ArchiveJob.Stored("courses/c12/archive-7.tar.gz", 100, "cd".repeat(32),
                        Instant.parse("2026-12-02T10:00:30Z"), "CN=TSA"))), null));
        FakeHttp.Response list = call(new FakeHttp.Request("GET", "/archive/jobs").param("courseId", "12"));
        assertEquals(200, list.status, list.body());
        assertEquals("courses/c12/archive-7.tar.gz",
                JSON.readTree(list.body()).get("items").get(0).get("stored").get("location").asText());
        assertEquals("12", t.lastArgs.get("list")[0]);
        assertEquals(null, t.lastArgs.get("list")[2]);
        FakeHttp.Response byUser = call(new FakeHttp.Request("GET", "/archive/jobs").param("userId", "u-5"));
        assertEquals(200, byUser.status, byUser.body());
        assertEquals(LmsId.of("u-5"), t.lastArgs.get("list")[2]);
        assertEquals(5, JSON.readTree(byUser.body()).get("items").get(0).get("userId").asInt());
        assertEquals(400, call(new FakeHttp.Request("GET", "/archive/jobs").param("userId", "x".repeat(256))).status);

        t.answers.put("cancel", args -> job("cancelled", 10, "cancelled by moodle", null));
        assertEquals("cancelled", JSON.readTree(call(new FakeHttp.Request("POST", "/archive/jobs/7/cancel")).body())
                .get("state").asText());
        t.answers.put("start", args -> job("queued", 0, null, null));
        assertEquals(200, call(new FakeHttp.Request("POST", "/archive/jobs/7/start")).status);
        t.answers.put("delete", args -> null);
        assertEquals(204, call(new FakeHttp.Request("DELETE", "/archive/jobs/7")).status);
        assertEquals(403, t.call(new FakeHttp.Request("DELETE", "/archive/jobs/7").bearer("lms-shares")).status);
    }

    @Test
    void aWorkersReportIsAuthenticatedByItsCallbackTokenAndAnswered202() throws Exception {
        String token = "cw_" + "a".repeat(43);
        String path = "/archive/jobs/7/activities/1/reports";
        t.answers.put("report", args -> null);
        FakeHttp.Response r = t.call(new FakeHttp.Request("POST", path).bearer(token)
                .json("{\"state\": \"running\", \"progress\": 40, \"message\": \"page 4 of 10\", \"detail\": {\"pages\": 10}}"));
        assertEquals(202, r.status, r.body());
        assertEquals("running", JSON.readTree(r.body()).get("state").asText());
        Object[] args = t.lastArgs.get("report");
        assertEquals(7L, args[0]);
        assertEquals(1, args[1]);
        assertEquals(token, args[2]);
        org.campus.api.archive.WorkerReport report = (org.campus.api.archive.WorkerReport) args[3];
        assertEquals(40, report.progress());
        assertEquals("page 4 of 10", report.message());
        assertTrue(report.text().contains("\"pages\": 10"), "kept as sent: " + report.text());

        t.serviceCalls.clear();
        // no token, an API key, a password: 401 before any lookup
        for (FakeHttp.Request bad : List.of(new FakeHttp.Request("POST", path).json("{\"state\": \"running\"}"),
                new FakeHttp.Request("POST", path).bearer("lms-all").json("{\"state\": \"running\"}"),
                new FakeHttp.Request("POST", path).basic("admin", "secret").json("{\"state\": \"running\"}"))) {
            FakeHttp.Response refused = t.call(bad);
            assertEquals(401, refused.status, refused.body());
            assertTrue(refused.body().contains("\"status\":401"), refused.body());
        }
        FakeHttp.Response two = t.call(new FakeHttp.Request("POST", path).bearer(token).basic("admin", "secret")
                .body("text/plain", "x".getBytes()));
        assertEquals(401, two.status, "two credentials are ambiguous, before anything else: " + two.body());
        assertTrue(t.serviceCalls.isEmpty(), t.serviceCalls.toString());
        FakeHttp.Response bad = t.call(new FakeHttp.Request("POST", path).bearer(token)
                .json("{\"state\": \"done\", \"progress\": 101, \"detail\": [1], \"other\": 1}"));
        assertEquals(400, bad.status, bad.body());
        for (String field : List.of("state", "progress", "detail", "other")) {
            assertTrue(bad.body().contains("\"field\":\"" + field + "\""), field + " in " + bad.body());
        }
        assertEquals(413, t.call(new FakeHttp.Request("POST", path).bearer(token)
                .json("{\"state\": \"running\", \"message\": \"" + "x".repeat(20_000) + "\"}")).status);
        assertEquals(415, t.call(new FakeHttp.Request("POST", path).bearer(token)
                .body("text/plain", "state=running".getBytes())).status);
        assertEquals(404, t.call(new FakeHttp.Request("POST", "/archive/jobs/7/activities/x/reports").bearer(token)
                .json("{\"state\": \"running\"}")).status);
        assertTrue(t.serviceCalls.isEmpty(), t.serviceCalls.toString());

        t.answers.put("report", a -> {
            throw new org.campus.api.ForbiddenException("another activity's token");
        });
        assertEquals(403, t.call(new FakeHttp.Request("POST", path).bearer(token).json("{\"state\": \"failed\"}")).status);
        t.answers.put("report", a -> {
            throw new org.campus.api.archive.CallbackTokenException("no such token");
        });
        assertEquals(401, t.call(new FakeHttp.Request("POST", path).bearer(token).json("{\"state\": \"failed\"}")).status);
        t.answers.put("report", a -> {
            throw new ConflictException("archive job 7 is completed");
        });
        assertEquals(409, t.call(new FakeHttp.Request("POST", path).bearer(token).json("{\"state\": \"failed\"}")).status);
    }
}
