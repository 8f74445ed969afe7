package org.campus.api.sharing;

import org.campus.api.workflow.LmsId;

/**
 * A share that the LMS has just started. The ids are the LMS's ({@link LmsId}: a string or a whole
 * number, given back as sent). {@code cmId} is required for an activity share and must be
 * {@code null} for a course share.
 */
public record NewShare(LmsId courseId, LmsId userId, ShareType type, LmsId cmId) {

    /** A share of an LMS whose ids are numbers. */
    public NewShare(long courseId, long userId, ShareType type, Long cmId) {
        this(LmsId.of(courseId), LmsId.of(userId), type, cmId == null ? null : LmsId.of(cmId));
    }
}
