package org.campus.api.sharing;

import java.time.Instant;

/**
 * Filters for listing shares; every {@code null} filter matches everything. The time range is on
 * {@code timeCreated}, {@code createdFrom} inclusive and {@code createdTo} exclusive.
 */
public record ShareQuery(Long userId, Long courseId, ShareStatus status, ShareType type,
        Instant createdFrom, Instant createdTo) {

    public static ShareQuery all() {
        return new ShareQuery(null, null, null, null, null, null);
    }

    public static ShareQuery byUser(long userId) {
        return new ShareQuery(userId, null, null, null, null, null);
    }

    public static ShareQuery byCourse(long courseId) {
        return new ShareQuery(null, courseId, null, null, null, null);
    }
}
