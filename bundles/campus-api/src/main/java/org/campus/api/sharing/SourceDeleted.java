package org.campus.api.sharing;

import org.campus.api.workflow.LmsId;

/**
 * The LMS deleted what was shared: a whole course ({@code cmId == null}, which covers every share
 * from that course) or one activity of it.
 */
public record SourceDeleted(LmsId courseId, LmsId cmId) {

    /** For an LMS whose ids are numbers. */
    public SourceDeleted(long courseId, Long cmId) {
        this(LmsId.of(courseId), cmId == null ? null : LmsId.of(cmId));
    }
}
