package org.campus.api.archive.ownership;

import java.time.Instant;
import java.util.Objects;

import org.campus.api.workflow.LmsId;

/**
 * An archive job as its owner's transfer sees it.
 *
 * @param id the archive job's id
 * @param courseId the LMS course it archives
 * @param userId the LMS user it was made for
 * @param timeCreated when it was asked for
 */
public record OwnedArchiveJob(long id, LmsId courseId, LmsId userId, Instant timeCreated) {

    public OwnedArchiveJob {
        Objects.requireNonNull(courseId, "courseId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(timeCreated, "timeCreated");
    }
}
