package org.campus.core.internal.archive.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.campus.api.ConflictException;
import org.campus.api.InvalidInputException;
import org.campus.api.PageRequest;
import org.campus.api.archive.ArchiveJob;
import org.campus.api.archive.ArchiveService;
import org.campus.api.archive.ArchiveVerification;
import org.campus.api.archive.NewArchiveJob;
import org.campus.api.archive.NewArchiveJob.NewActivity;
import org.campus.api.archive.UploadTooLargeException;
import org.campus.api.workflow.LmsId;
import org.campus.core.internal.archive.signing.ArchiveSigner;
import org.campus.core.internal.archive.signing.SigningConfig;
import org.campus.core.internal.archive.signing.TestPki;
import org.campus.core.internal.archive.signing.TestTsa;
import org.campus.core.internal.event.Events;
import org.campus.core.internal.event.RecordingEventAdmin;
import org.campus.core.internal.job.JobEngine;
import org.campus.core.internal.job.JobSettings;
import org.campus.core.internal.job.JobTestDatabase;
import org.campus.core.internal.provider.ProviderRegistryImpl;
import org.campus.core.internal.provider.TestProviders;
import org.campus.spi.archiver.ActivityArchiver;
import org.campus.spi.archiver.ArchiveContext;
import org.campus.spi.archiver.ArchiveResult;
import org.campus.spi.archiver.UploadedFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.event.Event;

/**
 * Archive jobs end to end below HTTP: the real job engine (db-scheduler) on a real database (Derby in
 * memory, or PostgreSQL with campus.test.jdbcUrl), the real provider registry, a real TSA on loopback,
 * archivers and a storage driver of the test; {@code openssl ts -verify} judges the stored token.
 */
class ArchiveServiceImplTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private static JobTestDatabase db;
    private static TestPki pki;
    private static TestTsa tsa;

    @TempDir
    Path dir;

    private final RecordingEventAdmin eventAdmin = new RecordingEventAdmin();
    private final Events events = Events.unfiltered(eventAdmin);
    private final ProviderRegistryImpl registry = new ProviderRegistryImpl(events);
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final Set<String> failOnce = ConcurrentHashMap.newKeySet();
    /** Activities whose archiver waits (reporting alive) until the job must stop. */
    private final Set<String> hold = ConcurrentHashMap.newKeySet();
    /** The callback tokens and URLs the offloading archiver was given, by activity id. */
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private final Map<String, java.net.URI> callbackUrls = new ConcurrentHashMap<>();
    private final Map<String, String> reportsSeen = new ConcurrentHashMap<>();
    private JobEngine engine;
    private ArchiveWorkers workers;
    private ArchiveServiceImpl archives;
    private DirectoryStorage storage;
    private long storageServiceId;
    private Path rootPem;

    @BeforeAll
    static void start() throws Exception {
        db = new JobTestDatabase();
        pki = new TestPki();
        tsa = new TestTsa(pki);
    }

    @AfterAll
    static void stop() {
        tsa.close();
        db.close();
    }

    @BeforeEach
    void setUp() throws Exception {
        tsa.mode = TestTsa.Mode.GOOD;
        rootPem = TestPki.writePem(dir.resolve("root.pem"), pki.root.certificate());
        storage = new DirectoryStorage(Files.createDirectories(dir.resolve("store")));
        storageServiceId = TestProviders.addStorage(registry, storage, "filesystem");
        TestProviders.addArchiver(registry, new InlineArchiver(), "notes", "notes", "inline");
        TestProviders.addArchiver(registry, new UploadsArchiver(), "files", "files", "uploads");
        TestProviders.addArchiver(registry, new OffloadingArchiver(), "offload", "offload", "campus");
        TestProviders.addArchiver(registry, context -> context.result().awaitWorker("asked", Duration.ofMillis(200)),
                "silent", "silent", "campus");
        engine = new JobEngine(db.dataSource(), new JobSettings(2, Duration.ofMillis(500), 4,
                JobSettings.DeadJobAction.RETRY, 3, Duration.ZERO, Duration.ofSeconds(1), Duration.ofMillis(50),
                "n1", Duration.ofMillis(800), Duration.ofMillis(500)), events, Clock.systemUTC());
        ArchiveSigner signer = new ArchiveSigner(signing(tsa.url(), rootPem.toString()));
        workers = new ArchiveWorkers(db.dataSource(), config(1).worker_callbackBaseUrl(), Duration.ofSeconds(3), null,
                Clock.systemUTC());
        archives = new ArchiveServiceImpl(config(1024 * 1024), db.dataSource(), engine, registry, signer, events,
                workers, dir.resolve("work"), Clock.systemUTC());
        engine.addExecutor(executor(signer), List.of(ArchiveService.JOB_TYPE));
        engine.start();
    }

    @AfterEach
    void tearDown() {
        engine.stop();
        db.clearJobs();
    }

    /** Writes the activity's inline data as notes.json; user 42 is a data subject. */
    private final class InlineArchiver implements ActivityArchiver {
        @Override
        public ArchiveResult archive(ArchiveContext context) throws IOException {
            calls.computeIfAbsent(context.activity().id(), k -> new AtomicInteger()).incrementAndGet();
            if (failOnce.remove(context.activity().id())) {
                throw new IOException("the LMS did not answer");
            }
            if (hold.contains(context.activity().id())) {
                context.entries().entry("partial.txt").write(new ByteArrayInputStream(new byte[] {1}), 1);
                while (!context.isCancelled()) {
                    context.heartbeat();
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return context.result().cancelled();
                    }
                }
                return context.result().cancelled();
            }
            byte[] data;
            try (InputStream in = context.openInlineData()) {
                data = in.readAllBytes();
            }
            context.initProgress(1);
            context.entries().entry("notes.json").contentType("application/json")
                    .write(new ByteArrayInputStream(data), data.length);
            context.addDataSubject("42");
            context.incrementProgress(1);
            return context.result().succeeded();
        }
    }

    /**
     * Hands its task to a worker (the test): on the first call it keeps the callback URL and token and
     * awaits the worker for 50 s; called again, it writes the worker's last report once that says
     * completed, else awaits again.
     */
    private final class OffloadingArchiver implements ActivityArchiver {
        @Override
        public ArchiveResult archive(ArchiveContext context) throws IOException {
            String id = context.activity().id();
            calls.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
            if (context.checkpoint().isEmpty()) {
                callbackUrls.put(id, context.worker().callbackUrl().orElseThrow());
                tokens.put(id, context.worker().callbackToken());
                return context.result().awaitWorker("task-" + id, Duration.ofSeconds(50));
            }
            assertEquals("task-" + id, context.checkpoint().get());
            java.util.Optional<String> report = context.worker().lastReport();
            report.ifPresent(r -> reportsSeen.put(id, r));
            if (report.isEmpty() || !report.get().contains("\"completed\"")) {
                return context.result().awaitWorker("task-" + id, Duration.ofSeconds(50));
            }
            assertTrue(context.worker().lastReportTime().isPresent());
            byte[] bytes = report.get().getBytes(StandardCharsets.UTF_8);
            context.entries().entry("worker-report.json").contentType("application/json")
                    .write(new ByteArrayInputStream(bytes), bytes.length);
            return context.result().succeeded();
        }
    }

    /** Writes every uploaded file under files/. */
    private static final class UploadsArchiver implements ActivityArchiver {
        @Override
        public ArchiveResult archive(ArchiveContext context) throws IOException {
            for (UploadedFile f : context.uploads()) {
                try (InputStream in = f.open()) {
                    context.entries().entry("files/" + f.name()).contentType(f.contentType().orElse(null))
                            .write(in, f.size());
                }
            }
            return context.result().succeeded();
        }
    }

    private ArchiveJob await(long id, Predicate<ArchiveJob> condition) throws InterruptedException {
        long end = System.nanoTime() + WAIT.toNanos();
        ArchiveJob job = null;
        while (System.nanoTime() < end) {
            job = archives.find(id).orElseThrow();
            if (condition.test(job)) {
                return job;
            }
            TimeUnit.MILLISECONDS.sleep(25);
        }
        throw new AssertionError("archive job " + id + " did not get there in " + WAIT + ": " + job);
    }

    private ArchiveJob awaitEnd(long id) throws InterruptedException {
        return await(id, ArchiveJob::isEnded);
    }

    private static NewArchiveJob request(boolean sign, boolean awaitUploads, NewActivity... activities) {
        return new NewArchiveJob(LmsId.of(7), List.of(activities), sign, null, awaitUploads);
    }

    /** Every entry of a stored archive, name to bytes. */
    private Map<String, byte[]> entries(long id) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        try (InputStream in = archives.openArchive(id);
                TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(in, true))) {
            for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
                out.put(e.getName(), tar.readAllBytes());
            }
        }
        return out;
    }

    @Test
    void archivesInlineDataAndUploadsInChunksSignsStoresAndVerifies() throws Exception {
        ArchiveJob created = archives.create(request(true, true, new NewActivity("notes", "17", "{\"a\":1}"),
                new NewActivity("files", "18", null)), "moodle (key k1)");
        assertEquals("open", created.state());
        long id = created.id();

        byte[] pdf = new byte[300_000];
        new java.util.Random(1).nextBytes(pdf);
        ArchiveJob.Upload first = archives.upload(id, 1, "attempts/ann lee.pdf", "application/pdf", 0, false,
                new ByteArrayInputStream(pdf, 0, 100_000));
        assertFalse(first.complete());
        ConflictException gap = assertThrows(ConflictException.class, () -> archives.upload(id, 1,
                "attempts/ann lee.pdf", "application/pdf", 150_000, true, new ByteArrayInputStream(pdf)));
        assertTrue(gap.getMessage().contains("offset 100000"), gap.getMessage());
        ArchiveJob.Upload done = archives.upload(id, 1, "attempts/ann lee.pdf", "application/pdf", 100_000, true,
                new ByteArrayInputStream(pdf, 100_000, 200_000));
        assertTrue(done.complete());
        assertEquals(300_000, done.size());
        assertEquals(java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(pdf)), done.sha256());
        assertThrows(InvalidInputException.class, () -> archives.upload(id, 1, "../escape", null, 0, true,
                new ByteArrayInputStream(new byte[1])));
        assertThrows(UploadTooLargeException.class, () -> archives.upload(id, 1, "big.bin", null, 0, true,
                new ByteArrayInputStream(new byte[1024 * 1024 + 1])));

        String started = archives.start(id).state();
        assertTrue(Set.of("queued", "running", "completed").contains(started), started);
        assertThrows(ConflictException.class, () -> archives.start(id));
        ArchiveJob job = awaitEnd(id);
        assertEquals("completed", job.state(), job.reason());
        assertEquals(100, job.progress());
        assertNotNull(job.stored());
        assertNotNull(job.stored().timestamped());
        assertThrows(ConflictException.class, () -> archives.upload(id, 1, "late.pdf", null, 0, true,
                new ByteArrayInputStream(new byte[1])));

        Map<String, byte[]> entries = entries(id);
        assertEquals("{\"a\":1}", new String(entries.get("activities/001-notes-17/notes.json"), StandardCharsets.UTF_8));
        assertTrue(java.util.Arrays.equals(pdf, entries.get("activities/002-files-18/files/attempts/ann lee.pdf")));
        assertTrue(entries.containsKey("manifest.json"));
        assertTrue(new String(entries.get("manifest.json"), StandardCharsets.UTF_8).contains("\"42\""));

        ArchiveVerification valid = archives.verify(id);
        assertTrue(valid.valid(), valid.reason());
        assertNotNull(valid.timestamped());

        // openssl judges the stored token against the stored archive on its own
        Path token = dir.resolve("token.tst");
        try (InputStream in = archives.openTimestamp(id)) {
            Files.copy(in, token);
        }
        Path archive = storage.base.resolve(job.stored().location());
        Path chain = storage.base.resolve(job.stored().location() + ArchiveRunner.CHAIN_SUFFIX);
        Process openssl = new ProcessBuilder("openssl", "ts", "-verify", "-token_in", "-in", token.toString(),
                "-data", archive.toString(), "-CAfile", rootPem.toString(), "-untrusted", chain.toString())
                .redirectErrorStream(true).start();
        String out = new String(openssl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(openssl.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, openssl.exitValue(), out);
        assertTrue(out.contains("Verification: OK"), out);

        // a changed byte is found, with the reason
        byte[] bytes = Files.readAllBytes(archive);
        bytes[bytes.length / 2] ^= 1;
        Files.write(archive, bytes);
        ArchiveVerification broken = archives.verify(id);
        assertFalse(broken.valid());
        assertFalse(broken.reason().isEmpty());

        List<String> topics = eventAdmin.events().stream().map(Event::getTopic).toList();
        assertTrue(topics.contains(ArchiveService.TOPIC_CREATED), topics.toString());
        assertFalse(Files.exists(dir.resolve("work").resolve(Long.toString(id))), "the work directory is removed");

        archives.delete(id);
        assertTrue(archives.find(id).isEmpty());
        assertFalse(Files.exists(archive), "the stored archive is deleted with its job");
        assertFalse(Files.exists(chain));
        assertTrue(eventAdmin.events().stream().anyMatch(e -> e.getTopic().equals(ArchiveService.TOPIC_DELETED)));
    }

    @Test
    void aMissingArchiverFailsTheJobWithItsNameInTheReason() throws Exception {
        long id = archives.create(request(false, false, new NewActivity("notes", "1", "{}"),
                new NewActivity("quiz", "2", null)), "admin").id();
        ArchiveJob job = awaitEnd(id);
        assertEquals("failed", job.state());
        assertTrue(job.reason().contains("'quiz'"), job.reason());
        assertEquals("failed", job.activities().get(1).state());
        assertEquals(0, storage.stores.get(), "nothing is stored");
        assertThrows(ConflictException.class, () -> archives.openArchive(id));
    }

    @Test
    void aMissingStorageDriverFailsTheJobWithItsName() throws Exception {
        TestProviders.removeStorage(registry, storageServiceId);
        long id = archives.create(request(false, false, new NewActivity("notes", "1", "{}")), "admin").id();
        ArchiveJob job = awaitEnd(id);
        assertEquals("failed", job.state());
        assertTrue(job.reason().contains("'filesystem'"), job.reason());
    }

    @Test
    void aTsaAnsweringGarbageIsRetriedThenFailsAndNothingIsStoredUnsigned() throws Exception {
        tsa.mode = TestTsa.Mode.GARBAGE;
        int before = tsa.requests();
        long id = archives.create(request(true, false, new NewActivity("notes", "1", "{}")), "admin").id();
        ArchiveJob job = awaitEnd(id);
        assertEquals("failed", job.state());
        assertTrue(job.reason().contains("time-stamp"), job.reason());
        assertEquals(3, tsa.requests() - before, "one request per attempt (maxAttempts 3)");
        assertEquals(0, storage.stores.get(), "an archive asked to be signed is never stored unsigned");
        assertEquals(1, calls.get("1").get(), "retries resume after the archived activity");
    }

    @Test
    void aRetriedAttemptResumesAfterTheActivitiesAlreadyArchived() throws Exception {
        failOnce.add("b");
        long id = archives.create(request(false, false, new NewActivity("notes", "a", "{\"x\":1}"),
                new NewActivity("notes", "b", "{\"x\":2}")), "admin").id();
        ArchiveJob job = awaitEnd(id);
        assertEquals("completed", job.state(), job.reason());
        assertEquals(1, calls.get("a").get(), "activity a was archived once");
        assertEquals(2, calls.get("b").get(), "activity b failed once and was archived again");
        assertEquals(2, entries(id).keySet().stream().filter(n -> n.endsWith("notes.json")).count());
        ArchiveVerification v = archives.verify(id);
        assertTrue(v.valid(), v.reason());
    }

    @Test
    void aJobStoppedWithItsNodeResumesAfterItsArchivedActivitiesOnTheNextStart() throws Exception {
        hold.add("y");
        long id = archives.create(request(false, false, new NewActivity("notes", "x", "{\"x\":1}"),
                new NewActivity("notes", "y", "{\"y\":2}")), "admin").id();
        await(id, j -> "archived".equals(j.activities().get(0).state()) && calls.containsKey("y"));
        engine.stop(); // the node stops: the attempt is asked to stop and queued again, not failed
        hold.remove("y");
        engine = new JobEngine(db.dataSource(), new JobSettings(2, Duration.ofMillis(500), 4,
                JobSettings.DeadJobAction.RETRY, 3, Duration.ZERO, Duration.ofSeconds(1), Duration.ofMillis(50),
                "n1", Duration.ofMillis(800), Duration.ofMillis(500)), events, Clock.systemUTC());
        ArchiveSigner signer = new ArchiveSigner(signing(tsa.url(), rootPem.toString()));
        engine.addExecutor(executor(signer), List.of(ArchiveService.JOB_TYPE));
        archives = new ArchiveServiceImpl(config(1024 * 1024), db.dataSource(), engine, registry, signer, events,
                dir.resolve("work"), Clock.systemUTC());
        engine.start();
        ArchiveJob job = awaitEnd(id);
        assertEquals("completed", job.state(), job.reason());
        assertEquals(1, calls.get("x").get(), "the archived activity is not archived again");
        assertEquals(2, calls.get("y").get());
        Map<String, byte[]> entries = entries(id);
        assertFalse(entries.keySet().stream().anyMatch(n -> n.endsWith("partial.txt")),
                "the interrupted activity's entries are discarded: " + entries.keySet());
        assertTrue(archives.verify(id).valid());
    }

    @Test
    void badRequestsNameTheirFields() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> archives.create(
                new NewArchiveJob(LmsId.of(7), List.of(new NewActivity("Bad Type", "1", null),
                        new NewActivity("notes", "", null)), false, "No Such!", false), "admin"));
        List<String> fields = new ArrayList<>();
        e.errors().forEach(f -> fields.add(f.field()));
        assertTrue(fields.containsAll(List.of("storage", "activities[0].type", "activities[1].id")), fields.toString());
        assertThrows(InvalidInputException.class, () -> archives.create(request(false, false), "admin"));
    }

    @Test
    void anOpenJobCanBeCancelledAndDeletedWithItsUploads() throws Exception {
        long id = archives.create(request(false, true, new NewActivity("files", "1", null)), "admin").id();
        archives.upload(id, 0, "a.txt", "text/plain", 0, true, new ByteArrayInputStream(new byte[10]));
        assertTrue(Files.exists(dir.resolve("work").resolve(Long.toString(id))));
        assertEquals("cancelled", archives.cancel(id).state());
        assertThrows(ConflictException.class, () -> archives.start(id));
        archives.delete(id);
        assertTrue(archives.find(id).isEmpty());
        assertFalse(Files.exists(dir.resolve("work").resolve(Long.toString(id))));
    }

    @Test
    void privacyProviderExportsAnOwnersJobsAndErasesTheOwner() throws Exception {
        long id = archives.create(new NewArchiveJob(LmsId.of(99), List.of(new NewActivity("notes", "1", "{}")), false,
                null, true), "ann").id();
        ArchivePrivacyProvider privacy = new ArchivePrivacyProvider(db.dataSource(), archives);
        assertEquals(1, privacy.exportUser("ann").records().size());
        assertEquals(id, privacy.exportUser("ann").records().get(0).get("id"));
        assertEquals(0, privacy.exportUser("bob").records().size());
        assertEquals(1, privacy.deleteUser("ann"));
        assertEquals(0, privacy.exportUser("ann").records().size());
        assertEquals(ArchivePrivacyProvider.ERASED_OWNER, archives.find(id).get().owner());
        assertEquals(1, privacy.deleteCourse("99"));
        assertTrue(archives.find(id).isEmpty());
    }

    @Test
    void aWorkerSilentForLongerThanConfiguredFailsItsActivityWithTheReason() throws Exception {
        long id = archives.create(request(false, false, new NewActivity("silent", "s1", null)), "admin").id();
        ArchiveJob done = awaitEnd(id);
        assertEquals("failed", done.state(), done.reason());
        assertTrue(done.reason().contains("has not reported for"), done.reason());
        assertEquals("failed", done.activities().get(0).state());
    }

    @Test
    void aWorkersReportWakesTheAwaitingArchiverAtOnceAndTokensAreCheckedFirst() throws Exception {
        long one = archives.create(request(false, false, new NewActivity("offload", "w1", null),
                new NewActivity("notes", "n", "{\"n\":1}")), "admin").id();
        long two = archives.create(request(false, false, new NewActivity("offload", "w2", null)), "admin").id();
        await(one, j -> tokens.containsKey("w1"));
        await(two, j -> tokens.containsKey("w2"));
        String token = tokens.get("w1");
        assertTrue(token.matches(org.campus.api.archive.CallbackTokenException.TOKEN_FORMAT), token);
        assertEquals(java.net.URI.create("https://campus.test/campus/api/v1/archive/jobs/" + one
                + "/activities/0/reports"), callbackUrls.get("w1"));
        org.campus.api.archive.WorkerReport running = new org.campus.api.archive.WorkerReport("running", 50,
                "half way", "{\"state\":\"running\",\"progress\":50}");

        assertThrows(org.campus.api.archive.CallbackTokenException.class, () -> archives.report(one, 0, null, running));
        assertThrows(org.campus.api.archive.CallbackTokenException.class,
                () -> archives.report(one, 0, "cw_" + "A".repeat(43), running), "a token nobody was given");
        assertThrows(org.campus.api.ForbiddenException.class, () -> archives.report(one, 0, tokens.get("w2"), running),
                "another activity's token");
        assertThrows(org.campus.api.NotFoundException.class, () -> archives.report(one + 999_999, 0, token, running));
        assertThrows(org.campus.api.NotFoundException.class, () -> archives.report(one, 7, token, running));
        assertEquals(1, calls.get("w1").get(), "no refused report woke the archiver");

        archives.report(one, 0, token, running);
        // the archiver counts its call before it reads the report: wait for what it read
        await(one, j -> reportsSeen.containsKey("w1"));
        assertEquals(2, calls.get("w1").get(), "one report, one wake-up");
        assertEquals("{\"state\":\"running\",\"progress\":50}", reportsSeen.get("w1"), "the report as sent");
        long sent = System.nanoTime();
        archives.report(one, 0, token, new org.campus.api.archive.WorkerReport("completed", 100, null,
                "{\"state\":\"completed\"}"));
        ArchiveJob done = awaitEnd(one);
        Duration took = Duration.ofNanos(System.nanoTime() - sent);
        assertEquals("completed", done.state(), done.reason());
        assertTrue(took.compareTo(Duration.ofSeconds(20)) < 0, "woken at once, not after pollAfter (50 s): " + took);
        assertEquals("{\"state\":\"completed\"}", new String(entries(one).get(
                "activities/001-offload-w1/worker-report.json"), StandardCharsets.UTF_8));
        assertThrows(ConflictException.class, () -> archives.report(one, 0, token, running), "the job has ended");

        archives.cancel(two);
        assertEquals("cancelled", awaitEnd(two).state());
        archives.delete(one);
        assertThrows(org.campus.api.archive.CallbackTokenException.class, () -> archives.report(one, 0, token, running),
                "a deleted job's tokens are gone with it");
    }

    @Test
    void theLmsUserOfAJobIsStoredListedMovedExportedAndErasedWhileTheJobStays() throws Exception {
        long ann = archives.create(new NewArchiveJob(LmsId.of(98), List.of(new NewActivity("notes", "1", "{}")), false,
                null, true, LmsId.of(42)), "moodle (key k1)").id();
        long bob = archives.create(new NewArchiveJob(LmsId.of(98), List.of(new NewActivity("notes", "2", "{}")), false,
                null, true, LmsId.of("bob")), "moodle (key k1)").id();
        long none = archives.create(new NewArchiveJob(LmsId.of(98), List.of(new NewActivity("notes", "3", "{}")), false,
                null, true), "moodle (key k1)").id();

        assertEquals(new LmsId("42", true), archives.find(ann).get().userId(), "kept as the LMS sent it: a number");
        assertEquals(LmsId.of("bob"), archives.find(bob).get().userId());
        assertEquals(null, archives.find(none).get().userId());
        assertEquals(List.of(ann), archives.list(null, null, LmsId.of("42"), new PageRequest(10, null)).items()
                .stream().map(ArchiveJob::id).toList(), "matched by the value");
        assertEquals(3, archives.list("98", null, null, new PageRequest(10, null)).items().size());

        ArchiveJobUsersImpl users = new ArchiveJobUsersImpl(db.dataSource());
        assertEquals(List.of(bob), users.ofUser(LmsId.of("bob"), 0, 10).stream().map(ArchiveJob::id).toList());
        assertEquals(Set.of(bob), users.reassign(List.of(bob, ann, none), LmsId.of("bob"), LmsId.of(43)),
                "only the jobs that belong to 'bob' now move");
        assertEquals(Map.of(ann, new LmsId("42", true), bob, new LmsId("43", true)), users.users(List.of(ann, bob, none)));
        assertEquals(Set.of(), users.reassign(List.of(bob), LmsId.of("bob"), LmsId.of(44)), "bob's no more");

        ArchivePrivacyProvider privacy = new ArchivePrivacyProvider(db.dataSource(), archives);
        List<Map<String, Object>> export = privacy.exportUser("42").records();
        assertEquals(1, export.size());
        assertEquals(ann, export.get(0).get("id"));
        assertEquals(42L, export.get(0).get("userId"));
        assertEquals(1, privacy.deleteUser("42"));
        ArchiveJob erased = archives.find(ann).orElseThrow();
        assertEquals(null, erased.userId(), "the job stays without its LMS user");
        assertEquals("moodle (key k1)", erased.owner());
        assertEquals(0, privacy.exportUser("42").records().size());
        assertEquals(new LmsId("43", true), archives.find(bob).get().userId(), "another user's job is untouched");
        for (long id : List.of(ann, bob, none)) {
            archives.delete(id);
        }
    }

    private ArchiveJobExecutor executor(ArchiveSigner signer) {
        return new ArchiveJobExecutor(config(1024 * 1024), db.dataSource(), registry, signer, events, workers,
                dir.resolve("work"), Clock.systemUTC());
    }

    private static ArchiveConfig config(long maxFileBytes) {
        return new ArchiveConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return ArchiveConfig.class;
            }

            @Override
            public String work_dir() {
                return "";
            }

            @Override
            public String storage_default() {
                return "filesystem";
            }

            @Override
            public int deflate_level() {
                return 1;
            }

            @Override
            public boolean deflate_storeIncompressible() {
                return true;
            }

            @Override
            public String worker_callbackBaseUrl() {
                return "https://campus.test/campus/api/v1";
            }

            @Override
            public long worker_silenceMinutes() {
                return 60;
            }

            @Override
            public long upload_maxFileBytes() {
                return maxFileBytes;
            }

            @Override
            public int upload_maxFiles() {
                return 100;
            }
        };
    }

    private static SigningConfig signing(String url, String anchor) {
        return new SigningConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return SigningConfig.class;
            }

            @Override
            public String tsa_url() {
                return url;
            }

            @Override
            public String tsa_policy() {
                return "";
            }

            @Override
            public String tsa_username() {
                return "";
            }

            @Override
            public String tsa_password() {
                return "";
            }

            @Override
            public int tsa_connectTimeoutMs() {
                return 2000;
            }

            @Override
            public int tsa_readTimeoutMs() {
                return 5000;
            }

            @Override
            public String[] trust_anchors() {
                return new String[] {anchor};
            }

            @Override
            public boolean trust_jdkCacerts() {
                return false;
            }
        };
    }
}
