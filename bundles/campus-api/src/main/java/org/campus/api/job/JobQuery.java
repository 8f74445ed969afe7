package org.campus.api.job;

import java.time.Instant;

/**
 * Filters for listing jobs; every {@code null} filter matches everything. The time range is on the
 * time the job was created, {@code createdFrom} inclusive and {@code createdTo} exclusive.
 */
public record JobQuery(String type, String owner, JobState state, Instant createdFrom, Instant createdTo) {

    public static JobQuery all() {
        return new JobQuery(null, null, null, null, null);
    }

    public static JobQuery ofType(String type) {
        return new JobQuery(type, null, null, null, null);
    }
}
