package org.campus.core.internal.workflow;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.campus.api.job.Job;
import org.campus.api.job.JobState;
import org.campus.api.workflow.WorkflowService;
import org.campus.core.internal.db.TestDatabase;
import org.campus.core.internal.event.Events;
import org.campus.core.internal.job.JobEngine;
import org.campus.core.internal.job.JobSettings;
import org.campus.spi.job.JobContext;
import org.campus.spi.job.JobExecutor;
import org.campus.spi.job.JobResult;

/**
 * The real job engine (db-scheduler, short intervals) with the migration executor, on a test's
 * database, for tests of services that start migrations. A job is dead after 4 s without a report;
 * a failed attempt is retried at once, three attempts in all.
 */
final class MigrationJobs implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(60);

    final JobEngine engine;
    final WorkflowMigrationExecutor executor;
    /** How each attempt ended, as {@code "<job>:<attempt>:<outcome or exception class>"}, in order. */
    final BlockingQueue<String> outcomes = new LinkedBlockingQueue<>();

    MigrationJobs(TestDatabase db, Events events, int batchSize) {
        engine = new JobEngine(db.dataSource(), new JobSettings(2, Duration.ofSeconds(1), 4,
                JobSettings.DeadJobAction.RETRY, 3, Duration.ZERO, Duration.ofSeconds(1), Duration.ofMillis(50), "n1",
                Duration.ofSeconds(5), Duration.ofMillis(500)), events, Clock.systemUTC());
        executor = new WorkflowMigrationExecutor(db.dataSource(), batchSize, Clock.systemUTC());
        engine.addExecutor(new JobExecutor() {
            @Override
            public JobResult execute(JobContext context) throws Exception {
                String attempt = context.job().id() + ":" + context.job().attempt() + ":";
                try {
                    JobResult result = executor.execute(context);
                    outcomes.add(attempt + result.outcome());
                    return result;
                } catch (Exception | Error e) {
                    outcomes.add(attempt + e.getClass().getSimpleName());
                    throw e;
                }
            }

            @Override
            public void deleting(Job job, Connection connection) throws SQLException {
                executor.deleting(job, connection);
            }
        }, List.of(WorkflowService.JOB_TYPE_MIGRATION));
        engine.start();
    }

    /** The job once {@code condition} holds; fails the test after {@link #WAIT}. */
    Job await(long id, Predicate<Job> condition) {
        long end = System.nanoTime() + WAIT.toNanos();
        Job job = null;
        while (System.nanoTime() < end) {
            job = engine.find(id).orElseThrow();
            if (condition.test(job)) {
                return job;
            }
            try {
                TimeUnit.MILLISECONDS.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for job " + id, e);
            }
        }
        throw new AssertionError("job " + id + " did not get there in " + WAIT + ": " + job);
    }

    /** Waits until an attempt of a job ended as {@code "<job>:<attempt>:<outcome>"} says. */
    void awaitOutcome(String outcome) {
        long end = System.nanoTime() + WAIT.toNanos();
        while (!outcomes.contains(outcome)) {
            if (System.nanoTime() > end) {
                throw new AssertionError("no attempt ended " + outcome + " in " + WAIT + ": " + outcomes);
            }
            try {
                TimeUnit.MILLISECONDS.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }

    /** The job once it has ended. */
    Job awaitEnd(long id) {
        return await(id, j -> j.state().isEnded());
    }

    /** The job once it has completed; fails the test if it ended otherwise. */
    Job awaitCompleted(long id) {
        Job job = awaitEnd(id);
        if (job.state() != JobState.COMPLETED) {
            throw new AssertionError("job " + id + " ended " + job.state() + ": " + job.reason());
        }
        return job;
    }

    @Override
    public void close() {
        engine.stop();
    }
}
