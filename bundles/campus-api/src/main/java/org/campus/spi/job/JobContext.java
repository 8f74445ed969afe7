package org.campus.spi.job;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;

import org.campus.api.job.Job;
import org.campus.api.job.JobLogLevel;
import org.osgi.annotation.versioning.ProviderType;

/**
 * What the engine gives a {@link JobExecutor} for one attempt of one job, as Sling's
 * {@code JobExecutionContext} does: progress, cancellation, a log, a heartbeat and durable
 * checkpoints. Implemented by the core; executors only call it, from the thread that runs
 * {@link JobExecutor#execute}.
 *
 * <p><b>Liveness.</b> An attempt is alive while it reports: every call to {@link #heartbeat()},
 * {@link #progress}, {@link #incrementProgress}, {@link #step}, {@link #log}, {@link #checkpoint}
 * and {@link #isCancelled()} counts. One that reports nothing for the engine's configured time
 * (heartbeat interval times missed heartbeats, a minute by default) is taken for dead and retried
 * or failed, as configured, however long the job has been running. A step that blocks longer (a
 * worker service computing for an hour) calls {@link #heartbeat()} whenever it hears from it.
 *
 * <p><b>Fencing.</b> Only the job's current attempt may record anything. Once a newer attempt has
 * started (this one was taken for dead, its node cut off), every recording call of this context
 * throws {@link JobSupersededException}, and {@link #checkpoint(String, String, JobWork)} commits
 * nothing, so a job is never finished twice.
 */
@ProviderType
public interface JobContext {

    /** The job as it was when this attempt started (its id, type, owner, parameters, attempt). */
    Job job();

    /**
     * The last checkpoint of any earlier attempt of this job, empty on a first attempt: a resumed
     * job skips what it lists as finished.
     */
    Optional<JobCheckpoint> lastCheckpoint();

    /**
     * Sets the progress to {@code done} of {@code total} steps; the job's percentage follows
     * ({@code done} is capped at {@code total}; a total of 0 leaves it at 0).
     */
    void progress(int done, int total);

    /** Adds finished steps to the progress. */
    void incrementProgress(int steps);

    /** Names what the job works on now (at most 255 characters are kept). */
    void step(String name);

    /**
     * Tells when the job expects to be done, from now. Without it the engine estimates the end
     * from the pace of the steps finished in this attempt.
     */
    void estimatedRemaining(Duration remaining);

    /** Reports that the attempt is alive, without other news. */
    void heartbeat();

    /**
     * Whether the job must stop: it was cancelled, this attempt was superseded, or the node is
     * shutting down (the job is then resumed later, not cancelled). Check it between steps and
     * return {@link JobResult#cancelled()}; the engine decides what becomes of the job.
     */
    boolean isCancelled();

    /**
     * Adds an entry to the job's log; {@code {}} placeholders take the arguments in order, as in
     * SLF4J. At most 4000 characters are kept.
     */
    void log(JobLogLevel level, String message, Object... arguments);

    /**
     * Records that {@code step} is finished, with a little {@code state} to resume from (at most
     * 32,000 characters; {@code null} for none), and the progress reached. Durable when it returns.
     */
    void checkpoint(String step, String state);

    /**
     * As {@link #checkpoint(String, String)}, with {@code work} done in the same database
     * transaction: the work's rows and the checkpoint are committed together, and only while this
     * attempt is the job's current one. Throws {@link JobSupersededException}, with nothing
     * committed, when it is not.
     */
    <R> R checkpoint(String step, String state, JobWork<R> work) throws SQLException;
}
