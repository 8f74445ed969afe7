package org.campus.core.internal.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.campus.api.ConflictException;
import org.campus.api.InvalidInputException;
import org.campus.api.Page;
import org.campus.api.PageRequest;
import org.campus.api.job.Job;
import org.campus.api.job.JobLogEntry;
import org.campus.api.job.JobLogLevel;
import org.campus.api.job.JobQuery;
import org.campus.api.job.JobService;
import org.campus.api.job.JobState;
import org.campus.api.job.NewJob;
import org.campus.core.internal.event.Events;
import org.campus.core.internal.event.RecordingEventAdmin;
import org.campus.spi.job.JobSupersededException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.osgi.service.event.Event;

/**
 * The engine on a real database (Derby in memory, or PostgreSQL when campus.test.jdbcUrl is set),
 * with real db-scheduler claiming, heartbeats and short intervals: a job is dead after 4 x 500 ms
 * without a report.
 */
class JobEngineTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private static JobTestDatabase db;
    private final RecordingEventAdmin eventAdmin = new RecordingEventAdmin();
    private final List<JobEngine> engines = new ArrayList<>();

    @BeforeAll
    static void createDatabase() {
        db = new JobTestDatabase();
    }

    @AfterAll
    static void dropDatabase() {
        db.close();
    }

    @AfterEach
    void stopAll() {
        engines.forEach(e -> {
            try {
                e.stop();
            } catch (RuntimeException ignored) {
                // already stopped
            }
        });
        db.clearJobs();
    }

    private static JobSettings settings(String node, int pool, JobSettings.DeadJobAction action, int maxAttempts) {
        return settings(node, pool, action, maxAttempts, Duration.ofMillis(500));
    }

    private static JobSettings settings(String node, int pool, JobSettings.DeadJobAction action, int maxAttempts,
            Duration heartbeat) {
        return new JobSettings(pool, heartbeat, 4, action, maxAttempts, Duration.ZERO, Duration.ofSeconds(1),
                Duration.ofMillis(50), node, Duration.ofMillis(800), Duration.ofMillis(500));
    }

    private JobEngine engine(JobSettings settings, StepExecutor executor) {
        JobEngine engine = new JobEngine(db.dataSource(), settings, Events.unfiltered(eventAdmin), Clock.systemUTC());
        if (executor != null) {
            engine.addExecutor(executor, List.of(StepExecutor.TYPE));
        }
        engine.start();
        engines.add(engine);
        return engine;
    }

    private static NewJob steps(int steps, long stepMs) {
        return new NewJob(StepExecutor.TYPE, "tester", Map.of("steps", Integer.toString(steps), "stepMs",
                Long.toString(stepMs)));
    }

    private static Job await(JobService jobs, long id, Predicate<Job> condition) throws InterruptedException {
        long end = System.nanoTime() + WAIT.toNanos();
        Job job = null;
        while (System.nanoTime() < end) {
            job = jobs.find(id).orElseThrow();
            if (condition.test(job)) {
                return job;
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
        throw new AssertionError("job " + id + " did not get there in " + WAIT + ": " + job);
    }

    private static Job awaitState(JobService jobs, long id, JobState state) throws InterruptedException {
        return await(jobs, id, j -> j.state() == state);
    }

    private static List<Integer> stepsOf(StepExecutor executor, long job, int attempt) {
        return executor.ran.stream().filter(r -> r.job() == job && r.attempt() == attempt)
                .map(StepExecutor.Ran::step).collect(Collectors.toList());
    }

    private void awaitTopic(long id, String topic) throws InterruptedException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        while (!topics(id).contains(topic)) {
            assertTrue(System.nanoTime() < deadline, "no " + topic + " for job " + id + ": " + topics(id));
            Thread.sleep(10);
        }
    }

    private List<String> topics(long id) {
        return eventAdmin.events().stream().filter(e -> Long.valueOf(id).equals(e.getProperty("id")))
                .map(Event::getTopic).collect(Collectors.toList());
    }

    private static List<String> messages(JobService jobs, long id) {
        return jobs.log(id, null, PageRequest.first(500)).items().stream().map(JobLogEntry::message)
                .collect(Collectors.toList());
    }

    @Test
    void runsAJobToTheEndWithProgressLogAndEvents() throws Exception {
        StepExecutor executor = new StepExecutor("n1");
        JobEngine jobs = engine(settings("n1", 2, JobSettings.DeadJobAction.RETRY, 3), executor);

        Job submitted = jobs.submit(steps(5, 10));
        assertEquals(JobState.QUEUED, submitted.state());
        Job done = awaitState(jobs, submitted.id(), JobState.COMPLETED);

        assertEquals(100, done.progress());
        assertEquals(5, done.stepsDone());
        assertEquals(5, done.stepsTotal());
        assertEquals(1, done.attempt());
        assertEquals("step 5", done.checkpoint());
        assertEquals("n1", done.node());
        assertNotNull(done.started());
        assertNotNull(done.ended());
        assertNull(done.reason());
        assertEquals(List.of(1, 2, 3, 4, 5), stepsOf(executor, done.id(), 1));
        List<String> log = messages(jobs, done.id());
        assertEquals("submitted by tester", log.get(0));
        assertTrue(log.get(1).startsWith("attempt 1 started on node n1"), log.toString());
        assertTrue(log.contains("step 3 done"), log.toString());
        assertEquals("completed", log.get(log.size() - 1));
        assertEquals(List.of(), jobs.log(done.id(), JobLogLevel.WARN, PageRequest.first(10)).items());
        List<String> topics = topics(done.id()).stream().filter(t -> !t.equals(JobService.TOPIC_PROGRESS))
                .collect(Collectors.toList());
        assertEquals(List.of(JobService.TOPIC_QUEUED, JobService.TOPIC_STARTED, JobService.TOPIC_COMPLETED), topics);
        Event completed = eventAdmin.events().stream().filter(e -> e.getTopic().equals(JobService.TOPIC_COMPLETED))
                .findFirst().orElseThrow();
        assertEquals("completed", completed.getProperty("state"));
        assertEquals(StepExecutor.TYPE, completed.getProperty("type"));
        assertEquals("tester", completed.getProperty("owner"));
        assertEquals(100, completed.getProperty("progress"));
    }

    @Test
    void twoNodesOnOneDatabaseRunEachJobExactlyOnce() throws Exception {
        StepExecutor a = new StepExecutor("node-a");
        StepExecutor b = new StepExecutor("node-b");
        JobEngine nodeA = engine(settings("node-a", 2, JobSettings.DeadJobAction.RETRY, 3), a);
        JobEngine nodeB = engine(settings("node-b", 2, JobSettings.DeadJobAction.RETRY, 3), b);

        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ids.add((i % 2 == 0 ? nodeA : nodeB).submit(steps(2, 40)).id());
        }
        for (long id : ids) {
            Job done = awaitState(nodeA, id, JobState.COMPLETED);
            assertEquals(1, done.attempt(), "no job needed a second attempt");
        }

        Map<Long, List<Integer>> stepsPerJob = new HashMap<>();
        for (StepExecutor e : List.of(a, b)) {
            e.ran.forEach(r -> stepsPerJob.computeIfAbsent(r.job(), k -> new ArrayList<>()).add(r.step()));
        }
        ids.forEach(id -> assertEquals(List.of(1, 2), stepsPerJob.get(id), "job " + id + " ran exactly once"));
        assertTrue(!a.ran.isEmpty() && !b.ran.isEmpty(), "both nodes claimed jobs: " + a.ran.size() + "/" + b.ran.size());
    }

    @Test
    void aJobThatStopsReportingIsRetriedFromItsLastCheckpoint() throws Exception {
        StepExecutor executor = new StepExecutor("n1");
        executor.hangAt.add(3);
        JobEngine jobs = engine(settings("n1", 2, JobSettings.DeadJobAction.RETRY, 3), executor);

        long id = jobs.submit(steps(5, 10)).id();
        Job done = awaitState(jobs, id, JobState.COMPLETED);

        assertEquals(List.of(1, 2), stepsOf(executor, id, 1));
        assertEquals(List.of(3, 4, 5), stepsOf(executor, id, 2), "attempt 2 resumed after step 2");
        assertEquals(2, done.attempt());
        assertEquals(1, done.failedAttempts());
        assertEquals("step 5", done.checkpoint(), "the hung attempt recorded nothing once superseded");
        assertInstanceOf(InterruptedException.class, executor.afterHang.get(0), "the stuck thread was interrupted");
        assertInstanceOf(JobSupersededException.class, executor.afterHang.get(1));
        assertTrue(messages(jobs, id).stream().anyMatch(m -> m.startsWith("no report from attempt 1 on node n1")),
                messages(jobs, id).toString());
        assertTrue(topics(id).contains(JobService.TOPIC_QUEUED));
    }

    @Test
    void aDeadJobFailsWithTheReasonWhenSoConfigured() throws Exception {
        StepExecutor executor = new StepExecutor("n1");
        executor.hangAt.add(2);
        JobEngine jobs = engine(settings("n1", 2, JobSettings.DeadJobAction.FAIL, 3), executor);

        long id = jobs.submit(steps(3, 10)).id();
        Job failed = awaitState(jobs, id, JobState.FAILED);

        assertTrue(failed.reason().startsWith("no report from attempt 1 on node n1 since"), failed.reason());
        assertEquals(1, failed.attempt());
        assertEquals(List.of(1), stepsOf(executor, id, 1));
        assertEquals("step 1", failed.checkpoint());
        awaitTopic(id, JobService.TOPIC_FAILED); // posted after the state is stored
        assertFalse(topics(id).contains(JobService.TOPIC_COMPLETED), topics(id).toString());
    }

    @Test
    void anAttemptOfANodeThatRestartedResumesFromItsCheckpointAndTheOldOneCannotFinish() throws Exception {
        StepExecutor before = new StepExecutor("n1");
        before.hangAt.add(3);
        // its one thread hangs, and it would take a job for dead only after 40 s: it does nothing more
        JobEngine first = engine(settings("n1", 1, JobSettings.DeadJobAction.RETRY, 3, Duration.ofSeconds(10)),
                before);
        long id = first.submit(steps(5, 10)).id();
        assertTrue(before.hanging.await(WAIT.toSeconds(), TimeUnit.SECONDS));

        // the node comes back under its name while its old process still hangs, as after kill -9 of a JVM
        // whose thread is cut off: the new start takes the attempt for dead at once
        StepExecutor after = new StepExecutor("n1");
        JobEngine restarted = engine(settings("n1", 2, JobSettings.DeadJobAction.RETRY, 3), after);
        Job done = awaitState(restarted, id, JobState.COMPLETED);
        before.release.countDown();

        assertEquals(List.of(1, 2), stepsOf(before, id, 1));
        assertEquals(List.of(3, 4, 5), stepsOf(after, id, 2));
        assertEquals(2, done.attempt());
        assertTrue(messages(restarted, id).stream().anyMatch(m -> m.startsWith("node n1 stopped while attempt 1 ran")),
                messages(restarted, id).toString());
        long end = System.nanoTime() + WAIT.toNanos();
        while (before.afterHang.isEmpty() && System.nanoTime() < end) {
            TimeUnit.MILLISECONDS.sleep(10);
        }
        assertInstanceOf(JobSupersededException.class, before.afterHang.get(0), "the cut-off attempt was fenced");
        Job still = restarted.find(id).orElseThrow();
        assertEquals(JobState.COMPLETED, still.state());
        assertEquals("step 5", still.checkpoint());
    }

    @Test
    void aRunningJobIsCancelledAtItsNextCheckAndAQueuedOneAtOnce() throws Exception {
        StepExecutor executor = new StepExecutor("n1");
        JobEngine jobs = engine(settings("n1", 1, JobSettings.DeadJobAction.RETRY, 3), executor);

        long running = jobs.submit(steps(200, 20)).id();
        await(jobs, running, j -> j.state() == JobState.RUNNING && j.stepsDone() >= 2);
        long queued = jobs.submit(steps(2, 10)).id();

        Job cancelledQueued = jobs.cancel(queued);
        assertEquals(JobState.CANCELLED, cancelledQueued.state());
        assertEquals("cancelled before attempt 1 started", cancelledQueued.reason());
        Job asked = jobs.cancel(running);
        assertTrue(asked.cancelRequested());
        Job cancelled = awaitState(jobs, running, JobState.CANCELLED);

        assertEquals("cancelled on request", cancelled.reason());
        assertTrue(stepsOf(executor, running, 1).size() < 200);
        assertEquals(List.of(), stepsOf(executor, queued, 1), "the queued job never ran");
        assertThrows(ConflictException.class, () -> jobs.cancel(running));
        assertEquals(JobService.TOPIC_CANCELLED, topics(running).get(topics(running).size() - 1));
    }

    @Test
    void aFailedJobIsRetriedFromTheStepThatFailed() throws Exception {
        StepExecutor executor = new StepExecutor("n1");
        executor.failAt.add(3);
        JobEngine jobs = engine(settings("n1", 2, JobSettings.DeadJobAction.RETRY, 2), executor);

        long id = jobs.submit(steps(4, 10)).id();
        Job failed = awaitState(jobs, id, JobState.FAILED);
        assertEquals(2, failed.attempt());
        assertEquals(2, failed.failedAttempts());
        assertTrue(failed.reason().startsWith("attempt 2 failed: IllegalStateException: step 3 broke"), failed.reason());
        assertTrue(failed.reason().endsWith("(2 of 2 attempts failed)"), failed.reason());
        assertEquals("step 2", failed.checkpoint());
        assertThrows(org.campus.api.NotFoundException.class, () -> jobs.delete(id + 1_000_000));

        executor.failAt.clear();
        Job retried = jobs.retry(id);
        // read back after the commit: a free pool thread may have started it already
        assertTrue(retried.state() == JobState.QUEUED || retried.state() == JobState.RUNNING, retried.toString());
        assertEquals(3, retried.attempt());
        assertEquals(0, retried.failedAttempts());
        Job done = awaitState(jobs, id, JobState.COMPLETED);

        assertEquals(List.of(1, 2), stepsOf(executor, id, 1));
        assertEquals(List.of(), stepsOf(executor, id, 2), "attempt 2 failed at step 3 at once");
        assertEquals(List.of(3, 4), stepsOf(executor, id, 3), "the retry resumed at the step that failed");
        assertEquals(100, done.progress());
        assertThrows(ConflictException.class, () -> jobs.retry(id), "only failed jobs are retried");
    }

    @Test
    void thePoolBoundHolds() throws Exception {
        StepExecutor executor = new StepExecutor("n1");
        JobEngine jobs = engine(settings("n1", 2, JobSettings.DeadJobAction.RETRY, 3), executor);

        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            ids.add(jobs.submit(steps(2, 60)).id());
        }
        for (long id : ids) {
            awaitState(jobs, id, JobState.COMPLETED);
        }

        assertEquals(2, executor.maxConcurrent.get(), "never more jobs at once than the pool's 2 threads");
        assertTrue(executor.ran.stream().allMatch(r -> r.node().equals("n1")));
    }

    @Test
    void aJobWaitsForItsExecutorThenFailsNamingIt() throws Exception {
        StepExecutor executor = new StepExecutor("n1");
        JobEngine jobs = engine(settings("n1", 2, JobSettings.DeadJobAction.RETRY, 3), executor);
        InvalidInputException unknown = assertThrows(InvalidInputException.class,
                () -> jobs.submit(new NewJob("test.nobody", "tester")));
        assertEquals("type", unknown.errors().get(0).field());
        assertThrows(InvalidInputException.class, () -> jobs.submit(new NewJob("Bad Type!", "tester")));
        assertThrows(InvalidInputException.class, () -> jobs.submit(new NewJob(StepExecutor.TYPE, "a\nb")));

        jobs.removeExecutor(executor);
        jobs.addExecutor(executor, List.of(StepExecutor.TYPE));
        // submitted while the executor is there, which then goes away before the job starts
        JobEngine other = engine(settings("n2", 1, JobSettings.DeadJobAction.RETRY, 3), null);
        jobs.stop();
        long id;
        JobEngine submitter = engine(settings("n3", 1, JobSettings.DeadJobAction.RETRY, 3), executor);
        submitter.stop();
        id = submitter.submit(steps(1, 10)).id();
        Job failed = awaitState(other, id, JobState.FAILED);

        assertTrue(failed.reason().startsWith("no executor of job type test.steps was registered within"),
                failed.reason());
        assertTrue(messages(other, id).contains("waiting for an executor of job type test.steps"));
    }

    @Test
    void listsNewestFirstWithFiltersAndPagesTheLog() throws Exception {
        StepExecutor executor = new StepExecutor("n1");
        JobEngine jobs = engine(settings("n1", 2, JobSettings.DeadJobAction.RETRY, 3), executor);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(jobs.submit(new NewJob(StepExecutor.TYPE, i % 2 == 0 ? "ann" : "bob",
                    Map.of("steps", "3", "stepMs", "1"))).id());
            TimeUnit.MILLISECONDS.sleep(2);
        }
        for (long id : ids) {
            awaitState(jobs, id, JobState.COMPLETED);
        }

        Page<Job> first = jobs.list(JobQuery.all(), PageRequest.first(2));
        Page<Job> second = jobs.list(JobQuery.all(), new PageRequest(2, first.next()));
        Page<Job> third = jobs.list(JobQuery.all(), new PageRequest(2, second.next()));
        List<Long> listed = new ArrayList<>();
        List.of(first, second, third).forEach(p -> p.items().forEach(j -> listed.add(j.id())));
        List<Long> newestFirst = new ArrayList<>(ids);
        java.util.Collections.reverse(newestFirst);
        assertEquals(newestFirst, listed);
        assertNull(third.next());
        assertEquals(3, jobs.list(new JobQuery(null, "ann", null, null, null), PageRequest.first(50)).items().size());
        assertEquals(5, jobs.list(new JobQuery(StepExecutor.TYPE, null, JobState.COMPLETED, null, null),
                PageRequest.first(50)).items().size());
        assertEquals(0, jobs.list(new JobQuery(null, null, JobState.FAILED, null, null), PageRequest.first(50))
                .items().size());
        assertThrows(InvalidInputException.class, () -> jobs.list(JobQuery.all(), new PageRequest(2, "bogus")));

        long id = ids.get(0);
        List<String> all = messages(jobs, id);
        Page<JobLogEntry> a = jobs.log(id, null, PageRequest.first(3));
        Page<JobLogEntry> b = jobs.log(id, null, new PageRequest(50, a.next()));
        List<String> paged = new ArrayList<>();
        a.items().forEach(e -> paged.add(e.message()));
        b.items().forEach(e -> paged.add(e.message()));
        assertEquals(all, paged);
        assertEquals(3, jobs.log(id, JobLogLevel.DEBUG, PageRequest.first(50)).items().stream()
                .filter(e -> e.level() == JobLogLevel.DEBUG).count());
        assertTrue(jobs.log(id, JobLogLevel.INFO, PageRequest.first(50)).items().stream()
                .noneMatch(e -> e.level() == JobLogLevel.DEBUG));
    }

    @Test
    void onlyAnEndedJobIsDeletedWithItsLog() throws Exception {
        StepExecutor executor = new StepExecutor("n1");
        JobEngine jobs = engine(settings("n1", 1, JobSettings.DeadJobAction.RETRY, 3), executor);
        long running = jobs.submit(steps(100, 20)).id();
        await(jobs, running, j -> j.state() == JobState.RUNNING);

        assertThrows(ConflictException.class, () -> jobs.delete(running));
        jobs.cancel(running);
        awaitState(jobs, running, JobState.CANCELLED);
        jobs.delete(running);

        assertTrue(jobs.find(running).isEmpty());
        assertThrows(org.campus.api.NotFoundException.class, () -> jobs.log(running, null, PageRequest.first(5)));
        assertThrows(org.campus.api.NotFoundException.class, () -> jobs.delete(running));
        assertTrue(topics(running).contains(JobService.TOPIC_DELETED));
    }

    @Test
    void progressEventsAreThrottled() throws Exception {
        StepExecutor executor = new StepExecutor("n1");
        JobEngine jobs = engine(settings("n1", 1, JobSettings.DeadJobAction.RETRY, 3), executor);
        long id = jobs.submit(steps(100, 5)).id();
        Job done = awaitState(jobs, id, JobState.COMPLETED);

        long progressEvents = topics(id).stream().filter(JobService.TOPIC_PROGRESS::equals).count();
        long ms = done.ended().toEpochMilli() - done.started().toEpochMilli();
        assertTrue(progressEvents >= 1 && progressEvents <= ms / AttemptContext.PROGRESS_EVENT_INTERVAL_MS + 1,
                progressEvents + " PROGRESS events in " + ms + " ms");
        assertFalse(topics(id).contains(JobService.TOPIC_FAILED));
    }
}
