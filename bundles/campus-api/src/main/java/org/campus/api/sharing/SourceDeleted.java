package org.campus.api.sharing;

/**
 * The LMS deleted what was shared: a whole course ({@code cmId == null}, which covers every share
 * from that course) or one activity of it.
 */
public record SourceDeleted(long courseId, Long cmId) {
}
