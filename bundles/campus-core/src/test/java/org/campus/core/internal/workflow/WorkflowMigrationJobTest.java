package org.campus.core.internal.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import org.campus.api.ConflictException;
import org.campus.api.PageRequest;
import org.campus.api.job.Job;
import org.campus.api.job.JobLogEntry;
import org.campus.api.job.JobService;
import org.campus.api.job.JobState;
import org.campus.api.workflow.ActionDef;
import org.campus.api.workflow.ActionRequest;
import org.campus.api.workflow.BindingChange;
import org.campus.api.workflow.BindingScope;
import org.campus.api.workflow.HistoryEntry;
import org.campus.api.workflow.LmsId;
import org.campus.api.workflow.MigrationJob;
import org.campus.api.workflow.MigrationPlan;
import org.campus.api.workflow.NewBinding;
import org.campus.api.workflow.NewRecord;
import org.campus.api.workflow.RecordMigration;
import org.campus.api.workflow.StateDef;
import org.campus.api.workflow.Workflow;
import org.campus.api.workflow.WorkflowDefinition;
import org.campus.api.workflow.WorkflowRecord;
import org.campus.core.internal.db.TestDatabase;
import org.campus.core.internal.event.Events;
import org.campus.core.internal.event.RecordingEventAdmin;
import org.campus.core.internal.workflow.WorkflowRecordRepository.Migrating;
import org.campus.core.internal.workflow.model.WorkflowTemplates;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.service.event.Event;

/**
 * Record migrations as jobs, on the real job engine and database (Derby in memory, or PostgreSQL with
 * campus.test.jdbcUrl): batches with progress, an attempt killed in a batch and one taken for dead,
 * actions racing with batches, cancel and starting again, plans whose states actions leave, and
 * migrations that must not run at once.
 */
class WorkflowMigrationJobTest {

    /** Every state of the publishing template, to itself: its revision has them all. */
    private static final Map<String, String> SAME = Map.of("visible", "visible", "pending", "pending", "private",
            "private", "published", "published");
    private static final AtomicLong SEEDED_IDS = new AtomicLong(100_000_000L);

    private final TestDatabase db = new TestDatabase();
    private final RecordingEventAdmin eventAdmin = new RecordingEventAdmin();
    private MigrationJobs jobs;
    private WorkflowServiceImpl service;

    @AfterEach
    void close() {
        if (jobs != null) {
            jobs.close();
        }
        db.close();
    }

    private void start(int batchSize) {
        jobs = new MigrationJobs(db, Events.unfiltered(eventAdmin), batchSize);
        service = new WorkflowServiceImpl(db.transactions(), Events.unfiltered(eventAdmin), db.dataSource(),
                jobs.engine, Clock.systemUTC());
    }

    private Workflow publishing() {
        return service.createFromTemplate(WorkflowTemplates.DOCUMENT_PUBLISHING);
    }

    /** The next version of {@code w}: the same states and actions, and an "archived" state. */
    private Workflow revised(Workflow w) {
        WorkflowDefinition d = w.definition();
        List<StateDef> states = new ArrayList<>(d.states());
        states.add(StateDef.of("archived", "Archived", null, Map.of("teacher", List.of("view"))));
        List<ActionDef> actions = new ArrayList<>(d.actions());
        actions.add(ActionDef.of("archive", "Archive", null, List.of("published"), "archived", List.of("teacher")));
        return service.revise(w.id(), WorkflowDefinition.of(d.title(), d.description(), d.initialState(), states,
                actions));
    }

    private WorkflowRecord record(long workflowId, String author) {
        return service.createRecord(new NewRecord(workflowId, LmsId.of("r" + System.nanoTime()), LmsId.of("c1"),
                LmsId.of("a1"), LmsId.of(author)));
    }

    private static ActionRequest as(String action, String user, String... roles) {
        return new ActionRequest(action, LmsId.of(user), List.of(roles), null);
    }

    private static RecordMigration all(long to, Map<String, String> map) {
        return new RecordMigration(to, map, null, null, "admin");
    }

    /** {@code n} records of a workflow in one course and activity, in the states given in turn, written at once. */
    private List<Long> seed(long workflowId, String course, int n, String... states) {
        List<Long> ids = new ArrayList<>(n);
        try (Connection c = db.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO workflow_record (id, workflow_id,"
                    + " lms_record_id, course_id, activity_id, author_id, id_numeric, state, time_created,"
                    + " time_modified, version, visibility) VALUES (?, ?, ?, ?, 'a1', 'u1', 0, ?, 1, 1, 1, 0)")) {
                for (int i = 0; i < n; i++) {
                    long id = SEEDED_IDS.incrementAndGet();
                    ps.setLong(1, id);
                    ps.setLong(2, workflowId);
                    ps.setString(3, "seeded-" + id);
                    ps.setString(4, course);
                    ps.setString(5, states[i % states.length]);
                    ps.addBatch();
                    ids.add(id);
                    if (i % 1000 == 999) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return ids;
    }

    /** Where a record is: its workflow and state. */
    private record Placement(long workflowId, String state) {
    }

    private Map<Long, Placement> placements() {
        Map<Long, Placement> all = new HashMap<>();
        query("SELECT id, workflow_id, state FROM workflow_record",
                r -> all.put(r.getLong(1), new Placement(r.getLong(2), r.getString(3))));
        return all;
    }

    /** How many {@code migrate} history entries each record has. */
    private Map<Long, Long> migrateEntries() {
        Map<Long, Long> counts = new HashMap<>();
        query("SELECT record_id, COUNT(*) FROM workflow_history WHERE action = 'migrate' GROUP BY record_id",
                r -> counts.put(r.getLong(1), r.getLong(2)));
        return counts;
    }

    private interface RowReader {
        void read(ResultSet r) throws SQLException;
    }

    private void query(String sql, RowReader reader) {
        try (Connection c = db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql);
                ResultSet r = ps.executeQuery()) {
            while (r.next()) {
                reader.read(r);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every record is in a state its workflow has. */
    private void assertEveryStateExists() {
        Map<Long, WorkflowDefinition> definitions = new HashMap<>();
        placements().forEach((id, p) -> {
            WorkflowDefinition d = definitions.computeIfAbsent(p.workflowId(),
                    w -> service.find(w).orElseThrow().definition());
            assertTrue(d.findState(p.state()).isPresent(), "record " + id + " is in state " + p.state()
                    + ", which workflow " + p.workflowId() + " lacks");
        });
    }

    private List<String> log(long jobId) {
        return jobs.engine.log(jobId, null, PageRequest.first(500)).items().stream().map(JobLogEntry::message)
                .collect(Collectors.toList());
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(MigrationJobs.WAIT.toSeconds(), TimeUnit.SECONDS)) {
                throw new AssertionError("gave up waiting");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static void sleep(long ms) {
        try {
            TimeUnit.MILLISECONDS.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---- batches and progress

    @Test
    void thousandsOfRecordsMoveInBatchesWithProgress() {
        start(200);
        Workflow v1 = publishing();
        Workflow v2 = revised(v1);
        List<Long> ids = seed(v1.id(), "c1", 4_000, "visible", "pending");
        List<Integer> batches = new CopyOnWriteArrayList<>();
        jobs.executor.batch.hooks = new MigrationBatch.Hooks() {
            @Override
            public void beforeCommit(MigrationBatch.Outcome outcome) {
                batches.add(outcome.read());
            }
        };
        // progress events come at most once a second: the job takes two seconds at least
        jobs.executor.beforeBatch = () -> sleep(100);

        MigrationJob started = service.migrate(v1.id(), all(v2.id(), SAME));
        assertEquals(JobState.QUEUED, started.job().state());
        assertEquals(4_000, started.records());
        assertEquals(Map.of("pending", 2_000L, "visible", 2_000L), started.recordsByState());
        Job done = jobs.awaitCompleted(started.job().id());

        assertEquals(Collections.nCopies(20, 200), batches);
        assertEquals(100, done.progress());
        assertEquals(4_000, done.stepsTotal());
        assertEquals(4_000, done.stepsDone());
        assertEquals(1, done.attempt());
        assertEquals("every record walked", done.checkpoint());
        Map<Long, Placement> now = placements();
        for (int i = 0; i < ids.size(); i++) {
            assertEquals(new Placement(v2.id(), i % 2 == 0 ? "visible" : "pending"), now.get(ids.get(i)));
        }
        Map<Long, Long> entries = migrateEntries();
        assertEquals(4_000, entries.size());
        assertTrue(entries.values().stream().allMatch(n -> n == 1), "one migrate entry per record");

        List<Integer> progress = eventAdmin.events().stream()
                .filter(e -> e.getTopic().equals(JobService.TOPIC_PROGRESS))
                .filter(e -> Long.valueOf(done.id()).equals(e.getProperty("id")))
                .map(e -> (Integer) e.getProperty("progress")).collect(Collectors.toList());
        assertTrue(progress.size() >= 2, "progress events: " + progress);
        for (int i = 1; i < progress.size(); i++) {
            assertTrue(progress.get(i) > progress.get(i - 1), "progress events: " + progress);
        }
        assertTrue(progress.get(progress.size() - 1) <= 100, "progress events: " + progress);
        assertTrue(eventAdmin.events().stream().map(Event::getTopic).anyMatch(JobService.TOPIC_COMPLETED::equals));
        assertTrue(log(done.id()).stream().anyMatch(m -> m.startsWith("moved 4000 records of workflow " + v1.id()
                + " (pending -> pending: 2000, visible -> visible: 2000)")), log(done.id()).toString());
    }

    // ---- attempts that die

    @Test
    void anAttemptKilledInABatchLosesThatBatchOnlyAndTheNextResumesAfterTheCheckpoint() {
        start(200);
        Workflow v1 = publishing();
        Workflow v2 = revised(v1);
        List<Long> ids = seed(v1.id(), "c1", 2_000, "visible", "pending", "private", "published");
        List<Long> firstIds = new CopyOnWriteArrayList<>();
        AtomicInteger commits = new AtomicInteger();
        jobs.executor.batch.hooks = new MigrationBatch.Hooks() {
            @Override
            public void afterRead(List<Migrating> rows) {
                firstIds.add(rows.get(0).id());
            }

            @Override
            public void beforeCommit(MigrationBatch.Outcome outcome) {
                if (commits.incrementAndGet() == 4) {
                    // the attempt dies in its fourth batch, its updates and history entries written, not committed
                    throw new IllegalStateException("killed in the fourth batch");
                }
            }
        };

        long id = service.migrate(v1.id(), all(v2.id(), SAME)).job().id();
        Job done = jobs.awaitCompleted(id);

        assertEquals(2, done.attempt());
        assertEquals(1, done.failedAttempts());
        assertTrue(jobs.outcomes.contains(id + ":1:IllegalStateException"), jobs.outcomes.toString());
        // attempt 2 read the fourth batch again, and nothing before it
        assertEquals(11, firstIds.size(), firstIds.toString());
        assertEquals(firstIds.get(3), firstIds.get(4));
        assertEquals(List.of(ids.get(0), ids.get(200), ids.get(400), ids.get(600), ids.get(600), ids.get(800)),
                firstIds.subList(0, 6));
        Map<Long, Placement> now = placements();
        ids.forEach(r -> assertEquals(v2.id(), now.get(r).workflowId()));
        Map<Long, Long> entries = migrateEntries();
        assertEquals(2_000, entries.size());
        assertTrue(entries.values().stream().allMatch(n -> n == 1), "no record moved twice");
        assertEveryStateExists();
        assertTrue(log(id).stream().anyMatch(m -> m.contains("attempt 1 failed") && m.contains("killed")),
                log(id).toString());
    }

    @Test
    void anAttemptTakenForDeadIsFencedWhileTheNextOneFinishes() {
        start(100);
        Workflow v1 = publishing();
        Workflow v2 = revised(v1);
        List<Long> ids = seed(v1.id(), "c1", 500, "visible", "pending");
        AtomicInteger calls = new AtomicInteger();
        AtomicBoolean interrupted = new AtomicBoolean();
        CountDownLatch stuck = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        jobs.executor.beforeBatch = () -> {
            if (calls.incrementAndGet() == 3) {
                stuck.countDown();
                // hangs without reporting, and outlives the interrupt of the supervisor, as a stuck call does
                while (true) {
                    try {
                        if (release.await(100, TimeUnit.MILLISECONDS)) {
                            return;
                        }
                    } catch (InterruptedException e) {
                        interrupted.set(true);
                    }
                }
            }
        };

        long id = service.migrate(v1.id(), all(v2.id(), SAME)).job().id();
        await(stuck);
        Job done = jobs.awaitCompleted(id); // the supervisor took attempt 1 for dead, attempt 2 went on
        release.countDown();
        jobs.awaitOutcome(id + ":1:JobSupersededException");

        assertEquals(2, done.attempt());
        assertTrue(interrupted.get(), "the stuck attempt was interrupted");
        assertTrue(log(id).stream().anyMatch(m -> m.startsWith("no report from attempt 1")), log(id).toString());
        Job after = jobs.engine.find(id).orElseThrow();
        assertEquals(JobState.COMPLETED, after.state());
        assertEquals(2, after.attempt());
        Map<Long, Placement> now = placements();
        ids.forEach(r -> assertEquals(v2.id(), now.get(r).workflowId()));
        Map<Long, Long> entries = migrateEntries();
        assertEquals(500, entries.size());
        assertTrue(entries.values().stream().allMatch(n -> n == 1), "no record moved twice");
    }

    // ---- actions during the job

    @Test
    void actionsGoOnInTheOldVersionUntilTheBatchAndOfARaceExactlyOneWins() throws Exception {
        start(1);
        Workflow v1 = publishing();
        Workflow v2 = revised(v1);
        WorkflowRecord r1 = record(v1.id(), "5");
        WorkflowRecord r2 = record(v1.id(), "6");
        WorkflowRecord r3 = record(v1.id(), "7");
        CountDownLatch firstBatchHeld = new CountDownLatch(1);
        CountDownLatch goFirst = new CountDownLatch(1);
        CountDownLatch secondBatchHeld = new CountDownLatch(1);
        CountDownLatch goSecond = new CountDownLatch(1);
        AtomicInteger calls = new AtomicInteger();
        jobs.executor.beforeBatch = () -> {
            int n = calls.incrementAndGet();
            if (n == 1) {
                firstBatchHeld.countDown();
                await(goFirst);
            } else if (n == 2) {
                secondBatchHeld.countDown();
                await(goSecond);
            }
        };

        long id = service.migrate(v1.id(), all(v2.id(), SAME)).job().id();
        await(firstBatchHeld);

        // a record the job has not reached goes on in its old version
        WorkflowRecord r3Submitted = service.perform(r3.id(), as("submit", "7"));
        assertEquals(v1.id(), r3Submitted.workflowId());
        assertEquals("pending", r3Submitted.state());

        // the batch wins: the action read r1, then the first batch moved it and committed
        service.afterRecordRead = () -> {
            service.afterRecordRead = () -> { };
            goFirst.countDown();
            await(secondBatchHeld);
        };
        assertThrows(ConflictException.class, () -> service.perform(r1.id(), as("submit", "5")));

        // the action wins: the second batch read r2, then the action moved it and committed
        CompletableFuture<WorkflowRecord> r2Action = new CompletableFuture<>();
        jobs.executor.batch.hooks = new MigrationBatch.Hooks() {
            @Override
            public void afterRead(List<Migrating> rows) {
                if (rows.get(0).id() == r2.id()) {
                    r2Action.complete(CompletableFuture.supplyAsync(() -> service.perform(r2.id(), as("submit", "6")))
                            .join());
                }
            }
        };
        goSecond.countDown();
        Job done = jobs.awaitCompleted(id);

        WorkflowRecord r2Submitted = r2Action.get(10, TimeUnit.SECONDS);
        assertEquals(v1.id(), r2Submitted.workflowId());
        assertEquals("pending", r2Submitted.state());
        assertEquals(1, done.attempt());

        WorkflowRecord now1 = service.findRecord(r1.id()).orElseThrow();
        assertEquals(new Placement(v2.id(), "visible"), new Placement(now1.workflowId(), now1.state()));
        assertEquals(List.of("migrate"), actions(r1));
        WorkflowRecord now2 = service.findRecord(r2.id()).orElseThrow();
        assertEquals(new Placement(v2.id(), "pending"), new Placement(now2.workflowId(), now2.state()));
        assertEquals(List.of("submit", "migrate"), actions(r2));
        HistoryEntry migrated = service.history(r2.id()).get(2);
        assertEquals("pending", migrated.from()); // the batch moved it from its new state
        WorkflowRecord now3 = service.findRecord(r3.id()).orElseThrow();
        assertEquals(new Placement(v2.id(), "pending"), new Placement(now3.workflowId(), now3.state()));
        assertEquals(List.of("submit", "migrate"), actions(r3));
        // the loser retries on the new version
        assertEquals("pending", service.perform(r1.id(), as("submit", "5")).state());
    }

    private List<String> actions(WorkflowRecord r) {
        return service.history(r.id()).stream().skip(1).map(HistoryEntry::action).collect(Collectors.toList());
    }

    @Test
    void recordsThatActionsMoveToAnUnmappedStateStayAndTheJobFailsNamingThem() {
        start(1);
        Workflow v1 = publishing();
        Workflow approval = service.createFromTemplate(WorkflowTemplates.APPLICATION_APPROVAL);
        WorkflowRecord r1 = record(v1.id(), "5");
        WorkflowRecord r2 = record(v1.id(), "6");
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch go = new CountDownLatch(1);
        AtomicInteger calls = new AtomicInteger();
        jobs.executor.beforeBatch = () -> {
            if (calls.incrementAndGet() == 1) {
                held.countDown();
                await(go);
            }
        };

        MigrationJob started = service.migrate(v1.id(), all(approval.id(), Map.of("visible", "editing")));
        assertEquals(3, started.warnings().size(), started.warnings().toString()); // pending, private, published
        await(held);
        service.perform(r2.id(), as("hide", "6")); // to "private", which the plan does not map
        go.countDown();
        Job failed = jobs.awaitEnd(started.job().id());

        assertEquals(JobState.FAILED, failed.state());
        assertTrue(failed.reason().contains("1 records are left on workflow " + v1.id() + " in states {private=1}")
                && failed.reason().contains("(private)"), failed.reason());
        assertEquals(1, failed.attempt(), "a plan that does not fit is not retried");
        assertEquals(approval.id(), service.findRecord(r1.id()).orElseThrow().workflowId());
        WorkflowRecord left = service.findRecord(r2.id()).orElseThrow();
        assertEquals(new Placement(v1.id(), "private"), new Placement(left.workflowId(), left.state()));
        assertEveryStateExists();

        // a migration with a map for that state finishes it
        jobs.awaitCompleted(service.migrate(v1.id(), all(approval.id(), Map.of("private", "editing"))).job().id());
        assertEquals(approval.id(), service.findRecord(r2.id()).orElseThrow().workflowId());
        assertEquals("editing", service.findRecord(r2.id()).orElseThrow().state());
    }

    // ---- cancel

    /** Holds the job before its {@code n}th batch until the returned latch is counted down; {@code held} tells it is there. */
    private CountDownLatch holdBefore(int n, CountDownLatch held) {
        CountDownLatch go = new CountDownLatch(1);
        AtomicInteger calls = new AtomicInteger();
        jobs.executor.beforeBatch = () -> {
            if (calls.incrementAndGet() == n) {
                held.countDown();
                await(go);
            }
        };
        return go;
    }

    @Test
    void aCancelledMigrationLeavesWhatItMovedAndStartedAgainMovesTheRest() {
        start(100);
        Workflow v1 = publishing();
        Workflow v2 = revised(v1);
        List<Long> ids = seed(v1.id(), "c1", 1_000, "visible", "pending", "published");
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch go = holdBefore(4, held);

        long id = service.migrate(v1.id(), all(v2.id(), SAME)).job().id();
        await(held);
        Job asked = jobs.engine.cancel(id);
        assertTrue(asked.cancelRequested());
        go.countDown(); // the fourth batch was under way: it ends, then the job stops
        Job cancelled = jobs.awaitEnd(id);

        assertEquals(JobState.CANCELLED, cancelled.state());
        Map<Long, Placement> now = placements();
        List<Long> moved = ids.stream().filter(r -> now.get(r).workflowId() == v2.id()).toList();
        assertEquals(ids.subList(0, 400), moved);
        ids.subList(400, ids.size()).forEach(r -> assertEquals(v1.id(), now.get(r).workflowId()));
        Map<Long, Long> entries = migrateEntries();
        assertEquals(400, entries.size());
        assertTrue(moved.stream().allMatch(r -> entries.get(r) == 1));
        assertEveryStateExists();
        assertTrue(log(id).stream().anyMatch(m -> m.startsWith("stopped after 400 of 1000 records")),
                log(id).toString());

        jobs.executor.beforeBatch = () -> { };
        MigrationJob again = service.migrate(v1.id(), all(v2.id(), SAME));
        assertEquals(600, again.records());
        jobs.awaitCompleted(again.job().id());
        Map<Long, Placement> after = placements();
        ids.forEach(r -> assertEquals(v2.id(), after.get(r).workflowId()));
        Map<Long, Long> once = migrateEntries();
        assertEquals(1_000, once.size());
        assertTrue(once.values().stream().allMatch(n -> n == 1), "no record moved twice");
    }

    @Test
    void aBindingSwitchesAtOnceAndBindingItAgainFinishesItsCancelledMigration() {
        start(100);
        Workflow v1 = publishing();
        Workflow v2 = revised(v1);
        service.bind(new NewBinding(BindingScope.ACTIVITY, LmsId.of("c1"), LmsId.of("a1"), v1.id(), null, "admin"));
        List<Long> ids = seed(v1.id(), "c1", 500, "visible", "pending");
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch go = holdBefore(3, held);
        NewBinding toV2 = new NewBinding(BindingScope.ACTIVITY, LmsId.of("c1"), LmsId.of("a1"), v2.id(),
                MigrationPlan.of(SAME), "admin");

        BindingChange change = service.bind(toV2);
        assertEquals(v1.id(), change.previousWorkflowId());
        assertEquals(500, change.affected());
        assertNotNull(change.migration());
        await(held);
        // new records of the activity follow the new workflow at once, while the job moves the old ones
        assertEquals(v2.id(), service.effectiveBinding(LmsId.of("c1"), LmsId.of("a1")).orElseThrow().workflowId());
        WorkflowRecord fresh = service.createRecord(new NewRecord(null, LmsId.of("fresh"), LmsId.of("c1"),
                LmsId.of("a1"), LmsId.of("9")));
        assertEquals(v2.id(), fresh.workflowId());
        jobs.engine.cancel(change.migration().job().id());
        go.countDown();
        assertEquals(JobState.CANCELLED, jobs.awaitEnd(change.migration().job().id()).state());
        Map<Long, Placement> now = placements();
        assertEquals(300, ids.stream().filter(r -> now.get(r).workflowId() == v2.id()).count());

        jobs.executor.beforeBatch = () -> { };
        BindingChange again = service.bind(toV2);
        assertEquals(v2.id(), again.previousWorkflowId());
        assertEquals(200, again.affected());
        assertEquals(v1.id(), again.migration().fromWorkflowId());
        jobs.awaitCompleted(again.migration().job().id());
        Map<Long, Placement> after = placements();
        ids.forEach(r -> assertEquals(v2.id(), after.get(r).workflowId()));
        assertEquals(500, migrateEntries().size());
        assertNull(migrateEntries().get(fresh.id()));

        BindingChange once = service.bind(toV2);
        assertNull(once.migration());
        assertEquals(0, once.affected());
    }

    // ---- migrations that must not run at once

    @Test
    void aMigrationThatCouldGetInTheWayOfAnUnfinishedOneIsRefused() {
        start(1);
        Workflow v1 = publishing();
        Workflow v2 = revised(v1);
        Workflow v3 = revised(v1);
        service.bind(new NewBinding(BindingScope.COURSE, LmsId.of("c1"), null, v1.id(), null, "admin"));
        seed(v1.id(), "c1", 2, "visible");
        List<Long> c2 = seed(v1.id(), "c2", 1, "visible");
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch go = holdBefore(1, held);

        long first = service.migrate(v1.id(), new RecordMigration(v2.id(), SAME, LmsId.of("c1"), null, "admin"))
                .job().id();
        await(held);
        // the same records, or records the first one moves to workflow 2, or the course's binding
        assertThrows(ConflictException.class, () -> service.migrate(v1.id(), all(v2.id(), SAME)));
        ConflictException onward = assertThrows(ConflictException.class, () -> service.migrate(v2.id(),
                new RecordMigration(v3.id(), SAME, LmsId.of("c1"), null, "admin")));
        assertTrue(onward.getMessage().startsWith("migration job " + first), onward.getMessage());
        assertThrows(ConflictException.class, () -> service.bind(new NewBinding(BindingScope.COURSE, LmsId.of("c1"),
                null, v3.id(), MigrationPlan.of(SAME), "admin")));
        assertEquals(v1.id(), service.effectiveBinding(LmsId.of("c1"), null).orElseThrow().workflowId());
        // another course's records are none of its business
        long other = service.migrate(v1.id(), new RecordMigration(v3.id(), SAME, LmsId.of("c2"), null, "admin"))
                .job().id();
        go.countDown();
        jobs.awaitCompleted(first);
        jobs.awaitCompleted(other);
        assertEquals(v3.id(), placements().get(c2.get(0)).workflowId());

        MigrationJob later = service.migrate(v2.id(), new RecordMigration(v3.id(), SAME, LmsId.of("c1"), null,
                "admin"));
        assertEquals(2, later.records());
        jobs.awaitCompleted(later.job().id());
    }

    @Test
    void deletingAMigrationJobDeletesItsPlan() {
        start(10);
        Workflow v1 = publishing();
        Workflow v2 = revised(v1);
        seed(v1.id(), "c1", 25, "visible", "private");
        long id = service.migrate(v1.id(), all(v2.id(), SAME)).job().id();
        jobs.awaitCompleted(id);
        assertEquals(List.of(1L, 4L), planRows(id)); // the plan and its four states

        jobs.engine.delete(id);
        assertEquals(List.of(0L, 0L), planRows(id));
        assertTrue(jobs.engine.find(id).isEmpty());
    }

    private List<Long> planRows(long jobId) {
        List<Long> counts = new ArrayList<>();
        query("SELECT COUNT(*) FROM workflow_migration WHERE job_id = " + jobId, r -> counts.add(r.getLong(1)));
        query("SELECT COUNT(*) FROM workflow_migration_state WHERE job_id = " + jobId, r -> counts.add(r.getLong(1)));
        return counts;
    }
}
