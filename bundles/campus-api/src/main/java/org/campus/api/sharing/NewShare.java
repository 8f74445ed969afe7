package org.campus.api.sharing;

/**
 * A share that the LMS has just started. {@code cmId} is required for an activity share and must
 * be {@code null} for a course share.
 */
public record NewShare(long courseId, long userId, ShareType type, Long cmId) {
}
