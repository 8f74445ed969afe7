package org.campus.spi.job;

import java.util.Objects;

/** How an attempt of a job ended, as its executor returns it. */
public final class JobResult {

    /** What the engine does with the job. */
    public enum Outcome {
        /** The job is done: it ends completed. */
        SUCCEEDED,
        /** The job can never succeed: it ends failed with the reason. */
        FAILED,
        /** This attempt failed; a later one may succeed: retried while attempts remain, else failed. */
        RETRY,
        /** The executor stopped because {@link JobContext#isCancelled()} said so. */
        CANCELLED
    }

    private static final JobResult SUCCEEDED = new JobResult(Outcome.SUCCEEDED, null);
    private static final JobResult CANCELLED = new JobResult(Outcome.CANCELLED, null);

    private final Outcome outcome;
    private final String reason;

    private JobResult(Outcome outcome, String reason) {
        this.outcome = outcome;
        this.reason = reason;
    }

    public static JobResult succeeded() {
        return SUCCEEDED;
    }

    public static JobResult cancelled() {
        return CANCELLED;
    }

    /** The job can never succeed, for {@code reason} (shown to admins). */
    public static JobResult failed(String reason) {
        return new JobResult(Outcome.FAILED, Objects.requireNonNull(reason, "reason"));
    }

    /** This attempt failed for {@code reason}; a later attempt resumes after the last checkpoint. */
    public static JobResult retry(String reason) {
        return new JobResult(Outcome.RETRY, Objects.requireNonNull(reason, "reason"));
    }

    public Outcome outcome() {
        return outcome;
    }

    /** Why the job failed or must be retried; {@code null} otherwise. */
    public String reason() {
        return reason;
    }

    @Override
    public String toString() {
        return reason == null ? outcome.name() : outcome + ": " + reason;
    }
}
