package org.campus.itests;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.GZIPInputStream;

import javax.inject.Inject;

import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.cms.CMSSignedData;
import org.junit.AfterClass;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.osgi.framework.BundleContext;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Archive jobs in the real distribution, through the fixed points of the API, with a real TSA on
 * loopback (BouncyCastle behind the JDK's HTTP server, configured as tsa.url of
 * campus.archive.signing): a course with workflow records and inline roles archived, signed,
 * stored by the filesystem driver, downloaded, its time-stamp matched to the downloaded bytes, and
 * verified; uploads in chunks for the files archiver; a missing archiver fails the job naming it.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class ArchiveIT {

    private static final Duration JOB_WAIT = Duration.ofSeconds(180);
    private static LoopbackTsa tsa;

    @Inject
    private BundleContext context;

    private final Http lms = Http.asLms();
    private final HttpClient client = HttpClient.newHttpClient();

    @Configuration
    public Option[] config() {
        return CampusContainer.options();
    }

    @Before
    public void signingIsConfigured() throws Exception {
        lms.awaitRoute("/archive/jobs", Duration.ofSeconds(180));
        if (tsa != null) {
            return;
        }
        tsa = new LoopbackTsa();
        tsa.configureArchiveSigning(context, lms);
    }

    @AfterClass
    public static void stopTsa() {
        if (tsa != null) {
            tsa.close();
        }
    }

    private JsonNode awaitEnd(long id) throws Exception {
        return awaitEnded("/archive/jobs/" + id);
    }

    /** Follows what {@code path} shows (an archive job, a privacy erasure) until its state has ended. */
    private JsonNode awaitEnded(String path) throws Exception {
        return Await.until(path + " ended", JOB_WAIT, () -> {
            Http.Answer a = lms.get(path);
            assertEquals(a.toString(), 200, a.status());
            JsonNode job = a.json();
            int progress = job.path("progress").asInt(0);
            assertTrue(job.toString(), progress >= 0 && progress <= 100);
            return job;
        }, job -> List.of("completed", "failed", "cancelled").contains(job.get("state").asText()));
    }

    private byte[] bytes(String path, int expectedStatus) throws Exception {
        HttpResponse<byte[]> r = client.send(lms.request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(new String(r.body(), StandardCharsets.UTF_8), expectedStatus, r.statusCode());
        return r.body();
    }

    /** Name to bytes of every entry of a tar.gz (of concatenated gzip members, as RFC 1952 allows). */
    static Map<String, byte[]> entries(byte[] archive) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(archive))) {
            byte[] header = new byte[512];
            while (in.readNBytes(header, 0, 512) == 512) {
                if (header[0] == 0) {
                    break;
                }
                String name = cString(header, 0, 100);
                long size = Long.parseLong(cString(header, 124, 12).trim(), 8);
                char type = (char) header[156];
                byte[] data = in.readNBytes((int) size);
                in.readNBytes((int) ((512 - size % 512) % 512));
                if (type == 'x') {
                    pendingName = paxPath(data);
                    continue;
                }
                out.put(pendingName != null ? pendingName : name, data);
                pendingName = null;
            }
        }
        return out;
    }

    private static String pendingName;

    private static String cString(byte[] b, int off, int len) {
        int end = off;
        while (end < off + len && b[end] != 0) {
            end++;
        }
        return new String(b, off, end - off, StandardCharsets.UTF_8);
    }

    private static String paxPath(byte[] records) {
        String s = new String(records, StandardCharsets.UTF_8);
        for (String line : s.split("\n")) {
            int space = line.indexOf(' ');
            if (space > 0 && line.startsWith("path=", space + 1)) {
                return line.substring(space + 1 + "path=".length());
            }
        }
        return null;
    }

    @Test
    public void aCourseIsArchivedSignedStoredDownloadedAndVerifiedThroughTheFixedPoints() throws Exception {
        long course = ThreadLocalRandom.current().nextLong(1_000_000, 9_000_000);
        long workflowId = lms.postJson("/workflows", WorkflowIT.DOCUMENT_PUBLISHING).json().get("id").asLong();
        Http.Answer record = lms.postJson("/workflow-records", "{\"workflowId\": " + workflowId
                + ", \"lmsRecordId\": 901, \"courseId\": " + course + ", \"activityId\": 17, \"authorId\": 42}");
        assertEquals(record.toString(), 201, record.status());

        Http.Answer created = lms.postJson("/archive/jobs", "{\"courseId\": " + course + ", \"sign\": true,"
                + " \"activities\": [{\"type\": \"workflow\", \"id\": 17},"
                + " {\"type\": \"roles\", \"id\": \"course\", \"data\": " + ROLES + "}]}");
        assertEquals(created.toString(), 201, created.status());
        long id = created.json().get("id").asLong();
        assertTrue(created.json().has("state"));
        assertEquals("/campus/api/v1/archive/jobs/" + id, created.header("Location"));

        JsonNode job = awaitEnd(id);
        assertEquals(job.toString(), "completed", job.get("state").asText());
        assertEquals(100, job.get("progress").asInt());
        assertEquals(0, job.get("errors").size());

        byte[] archive = bytes("/archive/jobs/" + id + "/archive", 200);
        byte[] sha256 = MessageDigest.getInstance("SHA-256").digest(archive);
        assertEquals(job.get("stored").get("sha256").asText(), java.util.HexFormat.of().formatHex(sha256));
        Map<String, byte[]> entries = entries(archive);
        assertTrue(entries.keySet().toString(), entries.containsKey("campus-archive.json"));
        assertTrue(entries.keySet().toString(), entries.containsKey("manifest.json"));
        String records = new String(entries.get("activities/001-workflow-17/records.json"), StandardCharsets.UTF_8);
        assertTrue(records, records.contains("901"));
        assertTrue(entries.keySet().toString(), entries.containsKey("activities/002-roles-course/roles.json"));

        byte[] token = bytes("/archive/jobs/" + id + "/timestamp", 200);
        TimeStampToken parsed = new TimeStampToken(new CMSSignedData(token));
        assertArrayEquals("the token time-stamps the bytes served", sha256,
                parsed.getTimeStampInfo().getMessageImprintDigest());

        Http.Answer verify = lms.post("/archive/jobs/" + id + "/verify", "application/json", "");
        assertEquals(verify.toString(), 200, verify.status());
        assertTrue(verify.body(), verify.json().get("valid").asBoolean());
        assertFalse(verify.json().get("reason").asText().isEmpty());

        assertEquals(204, lms.delete("/archive/jobs/" + id).status());
        assertEquals(404, lms.get("/archive/jobs/" + id).status());
    }

    @Test
    public void filesUploadedInChunksAreArchived() throws Exception {
        Http.Answer created = lms.postJson("/archive/jobs", "{\"courseId\": \"it-files\", \"sign\": false,"
                + " \"awaitUploads\": true, \"activities\": [{\"type\": \"files\", \"id\": 5}]}");
        assertEquals(created.toString(), 201, created.status());
        long id = created.json().get("id").asLong();
        assertEquals("open", created.json().get("state").asText());

        byte[] pdf = new byte[3 * 1024 * 1024 + 17];
        new Random(5).nextBytes(pdf);
        String name = URLEncoder.encode("attempts/ann lee.pdf", StandardCharsets.UTF_8);
        String base = "/archive/jobs/" + id + "/uploads?activity=0&name=" + name + "&contentType=application%2Fpdf";
        int chunk = 1024 * 1024;
        for (int offset = 0; offset < pdf.length; offset += chunk) {
            int end = Math.min(pdf.length, offset + chunk);
            Http.Answer up = lms.post(base + "&offset=" + offset + "&last=" + (end == pdf.length),
                    "application/octet-stream", Arrays.copyOfRange(pdf, offset, end));
            assertEquals(up.toString(), 200, up.status());
            assertEquals(end, up.json().get("size").asLong());
        }
        Http.Answer gap = lms.post(base + "&offset=5", "application/octet-stream", new byte[1]);
        assertEquals(gap.toString(), 409, gap.status());

        assertEquals(200, lms.post("/archive/jobs/" + id + "/start", "application/json", "").status());
        JsonNode job = awaitEnd(id);
        assertEquals(job.toString(), "completed", job.get("state").asText());
        Map<String, byte[]> entries = entries(bytes("/archive/jobs/" + id + "/archive", 200));
        assertArrayEquals(pdf, entries.get("activities/001-files-5/files/attempts/ann lee.pdf"));
        bytes("/archive/jobs/" + id + "/timestamp", 404); // not asked to be signed
        Http.Answer verify = lms.post("/archive/jobs/" + id + "/verify", "application/json", "");
        assertTrue(verify.body(), verify.json().get("valid").asBoolean());
    }

    @Test
    public void aMissingArchiverFailsTheJobWithItsNameAndBadInputIsAProblem() throws Exception {
        Http.Answer created = lms.postJson("/archive/jobs", "{\"courseId\": 3, \"sign\": false,"
                + " \"activities\": [{\"type\": \"quiz-nobody-archives\", \"id\": 9}]}");
        assertEquals(created.toString(), 201, created.status());
        JsonNode job = awaitEnd(created.json().get("id").asLong());
        assertEquals(job.toString(), "failed", job.get("state").asText());
        assertTrue(job.toString(), job.get("errors").get(0).get("message").asText().contains("quiz-nobody-archives"));
        Http.Answer early = lms.get("/archive/jobs/" + job.get("id").asLong() + "/archive");
        assertEquals(early.toString(), 409, early.status());

        Http.Answer bad = lms.postJson("/archive/jobs", "{\"courseId\": 3, \"activities\": [{\"type\": \"roles\","
                + " \"id\": \"course\", \"data\": {\"contexts\": []}}]}");
        assertEquals(bad.toString(), 400, bad.status());
        assertTrue(bad.contentType(), bad.contentType().startsWith("application/problem+json"));
        assertTrue(bad.body(), bad.body().contains("activities[0].data"));
    }

    @Test
    public void theLmsUserOfAJobIsListedExportedAndErasedWhileTheJobStays() throws Exception {
        long user = ThreadLocalRandom.current().nextLong(1_000_000, Long.MAX_VALUE);
        Http.Answer created = lms.postJson("/archive/jobs", "{\"courseId\": \"it-user\", \"userId\": " + user
                + ", \"awaitUploads\": true, \"activities\": [{\"type\": \"files\", \"id\": 6}]}");
        assertEquals(created.toString(), 201, created.status());
        long id = created.json().get("id").asLong();
        assertTrue(created.body(), created.json().get("userId").isIntegralNumber());
        assertEquals(user, created.json().get("userId").asLong());
        Http.Answer other = lms.postJson("/archive/jobs", "{\"courseId\": \"it-user\", \"userId\": \"u" + user
                + "\", \"awaitUploads\": true, \"activities\": [{\"type\": \"files\", \"id\": 7}]}");
        assertEquals(other.toString(), 201, other.status());
        assertEquals("u" + user, other.json().get("userId").asText());

        JsonNode list = lms.get("/archive/jobs?userId=" + user).json();
        assertEquals(list.toString(), 1, list.get("items").size());
        assertEquals(id, list.get("items").get(0).get("id").asLong());
        Http.Answer bad = lms.postJson("/archive/jobs", "{\"courseId\": 1, \"userId\": [1],"
                + " \"activities\": [{\"type\": \"files\", \"id\": 7}]}");
        assertEquals(bad.toString(), 400, bad.status());
        assertTrue(bad.body(), bad.body().contains("\"field\":\"userId\""));

        JsonNode export = lms.get("/privacy/users/" + user + "/export").json();
        JsonNode records = null;
        for (JsonNode p : export.get("providers")) {
            if (p.get("provider").asText().equals("archive-jobs")) {
                records = p.get("records");
            }
        }
        assertNotNull(export.toString(), records);
        assertEquals(records.toString(), 1, records.size());
        assertEquals(id, records.get(0).get("id").asLong());

        Http.Answer accepted = lms.delete("/privacy/users/" + user);
        assertEquals(accepted.toString(), 202, accepted.status());
        String location = accepted.header("Location");
        JsonNode erasure = awaitEnded(location.substring(location.indexOf("/privacy/")));
        assertEquals(erasure.toString(), "completed", erasure.get("state").asText());
        JsonNode kept = lms.get("/archive/jobs/" + id).json();
        assertFalse("the job stays without its LMS user: " + kept, kept.has("userId"));
        assertEquals(0, lms.get("/archive/jobs?userId=" + user).json().get("items").size());
        assertEquals("u" + user, lms.get("/archive/jobs/" + other.json().get("id").asLong()).json().get("userId")
                .asText());
        assertEquals(204, lms.delete("/archive/jobs/" + id).status());
        assertEquals(204, lms.delete("/archive/jobs/" + other.json().get("id").asLong()).status());
    }

    /**
     * A worker's archiver, registered by the test: on its first call it hands the test (its "worker")
     * the callback URL and token and awaits the worker for 120 s; called again after a report, it
     * writes the last report once that says completed.
     */
    static final class OffloadingArchiver implements org.campus.spi.archiver.ActivityArchiver {
        final java.util.concurrent.BlockingQueue<String[]> tasks = new java.util.concurrent.LinkedBlockingQueue<>();
        final java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();

        @Override
        public org.campus.spi.archiver.ArchiveResult archive(org.campus.spi.archiver.ArchiveContext context)
                throws IOException {
            calls.incrementAndGet();
            if (context.checkpoint().isEmpty()) {
                tasks.add(new String[] {context.worker().callbackUrl().map(Object::toString).orElse(""),
                        context.worker().callbackToken()});
                return context.result().awaitWorker("task", Duration.ofSeconds(120));
            }
            String report = context.worker().lastReport().orElse("");
            if (!report.contains("completed")) {
                return context.result().awaitWorker("task", Duration.ofSeconds(120));
            }
            byte[] bytes = report.getBytes(StandardCharsets.UTF_8);
            context.entries().entry("worker-report.json").contentType("application/json")
                    .write(new ByteArrayInputStream(bytes), bytes.length);
            return context.result().succeeded();
        }
    }

    @Test
    public void aWorkerReportsOverHttpWithItsCallbackTokenAndWakesItsArchiver() throws Exception {
        OffloadingArchiver archiver = new OffloadingArchiver();
        var registration = context.registerService(org.campus.spi.archiver.ActivityArchiver.class, archiver,
                new Hashtable<>(Map.of("archiver.id", "it-worker", "archiver.activity.types", "it-offload",
                        "archiver.inputs", "campus")));
        try {
            Http.Answer created = lms.postJson("/archive/jobs", "{\"courseId\": \"it-worker\", \"sign\": false,"
                    + " \"activities\": [{\"type\": \"it-offload\", \"id\": 1}]}");
            assertEquals(created.toString(), 201, created.status());
            long id = created.json().get("id").asLong();
            String[] task = archiver.tasks.poll(JOB_WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
            assertNotNull("the archiver was called", task);
            String path = "/archive/jobs/" + id + "/activities/0/reports";
            assertTrue(task[0], task[0].startsWith("http://localhost:") && task[0].endsWith("/campus/api/v1" + path));
            Http worker = Http.withAuthorization("Bearer " + task[1]);

            // no token, an API key, a token of nobody: 401; the right token on another job: 404
            assertEquals(401, Http.anonymous().postJson(path, "{\"state\": \"running\"}").status());
            assertEquals(401, lms.postJson(path, "{\"state\": \"running\"}").status());
            Http.Answer nobody = Http.withAuthorization("Bearer cw_" + "B".repeat(43)).postJson(path,
                    "{\"state\": \"running\"}");
            assertEquals(nobody.toString(), 401, nobody.status());
            assertTrue(nobody.contentType(), nobody.contentType().startsWith("application/problem+json"));
            assertEquals(404, worker.postJson("/archive/jobs/" + (id + 1_000_000) + "/activities/0/reports",
                    "{\"state\": \"running\"}").status());
            Http.Answer badBody = worker.postJson(path, "{\"state\": \"half\", \"progress\": 140}");
            assertEquals(badBody.toString(), 400, badBody.status());
            assertEquals(1, archiver.calls.get());

            Http.Answer running = worker.postJson(path, "{\"state\": \"running\", \"progress\": 30,"
                    + " \"message\": \"rendering attempt PDFs\", \"detail\": {\"done\": 3, \"of\": 10}}");
            assertEquals(running.toString(), 202, running.status());
            long sent = System.nanoTime();
            Http.Answer completed = worker.postJson(path, "{\"state\": \"completed\", \"progress\": 100}");
            assertEquals(completed.toString(), 202, completed.status());
            JsonNode job = awaitEnd(id);
            assertEquals(job.toString(), "completed", job.get("state").asText());
            long seconds = Duration.ofNanos(System.nanoTime() - sent).toSeconds();
            assertTrue("woken by the report, not after its 120 s poll: " + seconds + " s", seconds < 60);
            Map<String, byte[]> entries = entries(bytes("/archive/jobs/" + id + "/archive", 200));
            assertEquals("{\"state\": \"completed\", \"progress\": 100}", new String(
                    entries.get("activities/001-it-offload-1/worker-report.json"), StandardCharsets.UTF_8));
            Http.Answer late = worker.postJson(path, "{\"state\": \"running\"}");
            assertEquals(late.toString(), 409, late.status());
            assertEquals(204, lms.delete("/archive/jobs/" + id).status());
        } finally {
            registration.unregister();
        }
    }

    static final String ROLES = """
            {"contexts": [{"id": "c7", "level": "course", "instanceId": 7, "name": "Biology 101"},
                          {"id": "m17", "level": "module", "instanceId": 17, "name": "Quiz 1", "parentId": "c7"}],
             "roles": [{"id": 5, "shortName": "student", "name": "Student", "archetype": "student", "sortOrder": 5,
                        "contextLevels": ["course", "module"], "capabilities": {"mod/quiz:attempt": "allow"}}],
             "users": [{"id": 42, "username": "ann", "firstName": "Ann", "lastName": "Lee"},
                       {"id": 43, "username": "bob", "firstName": "Bob", "lastName": "Ray"}],
             "assignments": [{"userId": 42, "roleId": 5, "contextId": "c7"}],
             "overrides": [{"contextId": "m17", "roleId": 5, "capability": "mod/quiz:attempt", "permission": "prohibit"}]}
            """;
}
