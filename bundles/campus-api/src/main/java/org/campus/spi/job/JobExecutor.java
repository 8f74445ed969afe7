package org.campus.spi.job;

import java.sql.Connection;
import java.sql.SQLException;

import org.campus.api.job.Job;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Runs the jobs of one or more types, as Sling's {@code JobExecutor} does for its topics. Register it
 * as an OSGi service with the property {@link #TYPE} naming the types (a string or an array); the
 * engine finds it at run time and drops it when it goes away.
 *
 * <p>The engine calls {@link #execute} on a thread of its bounded job pool, never on an HTTP thread,
 * once per attempt. Execution is at least once: an attempt may die with its node and a new attempt
 * then starts after the {@linkplain JobContext#lastCheckpoint() last checkpoint}, so every step must
 * be idempotent (doing it again after a crash has the same effect as doing it once). An executor
 * starts no threads of its own.
 */
@ConsumerType
public interface JobExecutor {

    /** Service property: the job types this executor runs ({@code String} or {@code String[]}). */
    String TYPE = "campus.job.type";

    /**
     * Runs one attempt of a job, reporting through {@code context}. Between steps it checks
     * {@link JobContext#isCancelled()} and then returns {@link JobResult#cancelled()}.
     *
     * <p>Return {@link JobResult#succeeded()} when the job is done, {@link JobResult#failed(String)}
     * when it can never succeed, and {@link JobResult#retry(String)} when a later attempt may
     * succeed. An exception is an attempt that failed and is retried like {@code retry} with the
     * exception's message as the reason ({@link JobSupersededException} excepted: it ends the
     * attempt and changes nothing).
     */
    JobResult execute(JobContext context) throws Exception;

    /**
     * Called before an ended job of this executor's types is deleted, in the transaction that
     * deletes it: delete what the executor's service holds for the job (rows on {@code connection},
     * or files), or throw to keep the job. The default deletes nothing.
     */
    default void deleting(Job job, Connection connection) throws SQLException {
        // nothing is held outside the job's own rows
    }
}
