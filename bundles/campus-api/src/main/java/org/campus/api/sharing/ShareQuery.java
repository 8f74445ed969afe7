package org.campus.api.sharing;

import java.time.Instant;

import org.campus.api.workflow.LmsId;

/**
 * Filters for listing shares; every {@code null} filter matches everything. An LMS id matches by its
 * value, whether it came as a string or a number. The time range is on {@code timeCreated},
 * {@code createdFrom} inclusive and {@code createdTo} exclusive.
 */
public record ShareQuery(LmsId userId, LmsId courseId, ShareStatus status, ShareType type,
        Instant createdFrom, Instant createdTo) {

    public static ShareQuery all() {
        return new ShareQuery(null, null, null, null, null, null);
    }

    public static ShareQuery byUser(LmsId userId) {
        return new ShareQuery(userId, null, null, null, null, null);
    }

    public static ShareQuery byUser(long userId) {
        return byUser(LmsId.of(userId));
    }

    public static ShareQuery byCourse(LmsId courseId) {
        return new ShareQuery(null, courseId, null, null, null, null);
    }

    public static ShareQuery byCourse(long courseId) {
        return byCourse(LmsId.of(courseId));
    }
}
