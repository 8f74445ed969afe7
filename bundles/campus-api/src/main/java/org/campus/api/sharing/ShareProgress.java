package org.campus.api.sharing;

import java.time.Instant;

/**
 * A share as stored. {@code resourceUrl} is set once the share is sent, {@code errorMessage} once it
 * failed. {@code sourceDeleted} tells that the LMS deleted the shared course or activity since.
 */
public record ShareProgress(
        long id,
        long courseId,
        long userId,
        ShareType type,
        Long cmId,
        ShareStatus status,
        String resourceUrl,
        String errorMessage,
        Instant timeCreated,
        Instant timeModified,
        boolean sourceDeleted,
        Instant timeSourceDeleted,
        long version) {
}
