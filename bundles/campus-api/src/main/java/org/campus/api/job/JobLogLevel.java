package org.campus.api.job;

import java.util.Arrays;
import java.util.Optional;

/** The level of a job's log entry, from the least to the most severe. */
public enum JobLogLevel {
    DEBUG("debug"),
    INFO("info"),
    WARN("warn"),
    ERROR("error");

    private final String code;

    JobLogLevel(String code) {
        this.code = code;
    }

    /** The name used on the wire and in the database. */
    public String code() {
        return code;
    }

    /** Whether an entry of this level is shown when at least {@code minimum} is asked for. */
    public boolean isAtLeast(JobLogLevel minimum) {
        return minimum == null || compareTo(minimum) >= 0;
    }

    public static Optional<JobLogLevel> fromCode(String code) {
        return Arrays.stream(values()).filter(l -> l.code.equals(code)).findFirst();
    }
}
