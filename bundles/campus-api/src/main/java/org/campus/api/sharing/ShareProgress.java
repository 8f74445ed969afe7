package org.campus.api.sharing;

import java.time.Instant;

import org.campus.api.workflow.LmsId;

/**
 * A share as stored. The LMS ids come back as the LMS sent them (a string or a whole number);
 * {@code cmId} is {@code null} for a course share. {@code resourceUrl} is set once the share is sent,
 * {@code errorMessage} once it failed. {@code sourceDeleted} tells that the LMS deleted the shared
 * course or activity since.
 */
public record ShareProgress(
        long id,
        LmsId courseId,
        LmsId userId,
        ShareType type,
        LmsId cmId,
        ShareStatus status,
        String resourceUrl,
        String errorMessage,
        Instant timeCreated,
        Instant timeModified,
        boolean sourceDeleted,
        Instant timeSourceDeleted,
        long version) {
}
