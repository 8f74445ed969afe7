package org.campus.api.job;

import java.util.Arrays;
import java.util.Optional;

/**
 * Where a job stands. A job starts {@link #QUEUED}, runs, and ends {@link #COMPLETED},
 * {@link #FAILED} or {@link #CANCELLED}. A job whose attempt failed or died while attempts remain
 * goes back to {@link #QUEUED} (with a later due time and the reason); a failed job can be retried.
 */
public enum JobState {
    QUEUED("queued"),
    RUNNING("running"),
    COMPLETED("completed"),
    FAILED("failed"),
    CANCELLED("cancelled");

    private final String code;

    JobState(String code) {
        this.code = code;
    }

    /** The name used on the wire, in the database and in event properties. */
    public String code() {
        return code;
    }

    /** Whether the job has ended: nothing will run it again unless it is retried. */
    public boolean isEnded() {
        return this == COMPLETED || this == FAILED || this == CANCELLED;
    }

    public static Optional<JobState> fromCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
    }
}
