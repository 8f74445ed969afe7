package org.campus.api.job;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

import org.campus.api.Page;
import org.campus.api.PageRequest;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The core's job engine: long tasks, persisted, run on a bounded pool by the executor registered
 * for their type ({@code org.campus.spi.job.JobExecutor}), resumed from their last checkpoint after
 * a crash or on another node, cancellable, and retried from their last finished step.
 *
 * <p>Posts {@code campus/job/<EVENT>} events ({@link #TOPIC_QUEUED} and the others) with the plain
 * properties {@code id}, {@code type}, {@code owner}, {@code state}, {@code progress}, {@code attempt}
 * and, where there is one, {@code reason}. {@code PROGRESS} is posted at most about once a second
 * per job.
 *
 * <p>{@link #submit} is for the core's services, which own the job types and check their callers'
 * input first; everything else serves the jobs API and console.
 */
@ProviderType
public interface JobService {

    String TOPIC_PREFIX = "campus/job/";
    String TOPIC_QUEUED = TOPIC_PREFIX + "QUEUED";
    String TOPIC_STARTED = TOPIC_PREFIX + "STARTED";
    String TOPIC_PROGRESS = TOPIC_PREFIX + "PROGRESS";
    String TOPIC_COMPLETED = TOPIC_PREFIX + "COMPLETED";
    String TOPIC_FAILED = TOPIC_PREFIX + "FAILED";
    String TOPIC_CANCELLED = TOPIC_PREFIX + "CANCELLED";
    String TOPIC_DELETED = TOPIC_PREFIX + "DELETED";

    /**
     * Queues a job; it starts as soon as a thread of the pool on some node is free. Refused with
     * an {@code InvalidInputException} when no executor is registered for the type or the input
     * breaks {@link NewJob}'s limits.
     */
    Job submit(NewJob job);

    /**
     * Queues a job in the caller's transaction on {@code connection} (a connection of the Campus
     * data source), so that the job exists exactly when the caller's own rows do. The job can
     * start once the caller commits (at the latest one poll interval later); nothing runs if it rolls
     * back. {@code QUEUED} is not posted for it, as the transaction may still roll back.
     */
    Job submit(NewJob job, Connection connection) throws SQLException;

    Optional<Job> find(long id);

    /** Jobs, newest first (by creation time, then id). */
    Page<Job> list(JobQuery query, PageRequest page);

    /**
     * The job's log, oldest first (by time, then id), with entries of at least {@code minLevel}
     * ({@code null}: every entry). A {@code NotFoundException} for an unknown job.
     */
    Page<JobLogEntry> log(long id, JobLogLevel minLevel, PageRequest page);

    /**
     * Cancels a job: a queued one at once; a running one is asked to stop and ends
     * {@link JobState#CANCELLED} when its executor notices (it stays {@code RUNNING} with
     * {@link Job#cancelRequested()} until then). A {@code ConflictException} for a job that has
     * ended.
     */
    Job cancel(long id);

    /**
     * Queues a {@link JobState#FAILED failed} job again as a new attempt, which resumes after the
     * job's last checkpoint. A {@code ConflictException} for a job in any other state.
     */
    Job retry(long id);

    /**
     * Deletes an ended job with its log (and, through its executor, what it holds for the job).
     * A {@code ConflictException} for a job that has not ended.
     */
    void delete(long id);
}
