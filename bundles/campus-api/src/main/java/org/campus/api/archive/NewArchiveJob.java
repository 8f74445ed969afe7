package org.campus.api.archive;

import java.util.List;
import java.util.Objects;

import org.campus.api.workflow.LmsId;

/**
 * An archive job to create.
 *
 * @param courseId the LMS course
 * @param activities what to archive, in archive order (at least one)
 * @param sign whether the archive is time-stamped (RFC 3161); when asked, an archive is never
 *        stored unsigned
 * @param storage the storage driver's id, or {@code null} for the configured default
 * @param awaitUploads whether the job waits for files uploaded into it and starts only when
 *        {@link ArchiveService#start} is called; otherwise it is queued at once
 * @param userId the LMS user on whose behalf the job is made (personal data of that user), or
 *        {@code null}; since 1.1
 */
public record NewArchiveJob(LmsId courseId, List<NewActivity> activities, boolean sign, String storage,
        boolean awaitUploads, LmsId userId) {

    /** The most activities one job archives. */
    public static final int MAX_ACTIVITIES = 500;

    public NewArchiveJob {
        Objects.requireNonNull(courseId, "courseId");
        activities = List.copyOf(activities);
    }

    /** A job made on no LMS user's behalf (the form of 1.0). */
    public NewArchiveJob(LmsId courseId, List<NewActivity> activities, boolean sign, String storage,
            boolean awaitUploads) {
        this(courseId, activities, sign, storage, awaitUploads, null);
    }

    /**
     * One activity to archive.
     *
     * @param type the activity type, which picks the archiver (e.g. {@code workflow})
     * @param id the activity's id in the LMS
     * @param data the inline input for archivers that take it (a JSON document, UTF-8), or {@code null}
     */
    public record NewActivity(String type, String id, String data) {
        public NewActivity {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(id, "id");
        }
    }
}
