package org.campus.api.archive;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.campus.api.workflow.LmsId;

/**
 * An archive job as last recorded.
 *
 * @param id the archive job's id
 * @param jobId the job engine's job that runs it, or {@code null} while it awaits uploads
 * @param state {@code open} (awaiting uploads), then the job engine's state: {@code queued},
 *        {@code running}, {@code completed}, {@code failed} or {@code cancelled}
 * @param progress 0 to 100
 * @param reason why the job failed or was cancelled, or why a queued one waits; else {@code null}
 * @param stored where and what was stored, once completed; else {@code null}
 * @param owner who made the job (the caller: an API key's or an admin's name)
 * @param userId the LMS user on whose behalf the job was made, or {@code null} (none given, or
 *        erased); since 1.1
 */
public record ArchiveJob(long id, Long jobId, LmsId courseId, String owner, String state, int progress, boolean sign,
        String storage, List<Activity> activities, String reason, Stored stored, Instant created, Instant ended,
        LmsId userId) {

    public static final String STATE_OPEN = "open";

    public ArchiveJob {
        Objects.requireNonNull(courseId, "courseId");
        Objects.requireNonNull(state, "state");
        activities = List.copyOf(activities);
    }

    /** A job without an LMS user (the form of 1.0). */
    public ArchiveJob(long id, Long jobId, LmsId courseId, String owner, String state, int progress, boolean sign,
            String storage, List<Activity> activities, String reason, Stored stored, Instant created, Instant ended) {
        this(id, jobId, courseId, owner, state, progress, sign, storage, activities, reason, stored, created, ended,
                null);
    }

    /** Whether the job has ended (completed, failed or cancelled). */
    public boolean isEnded() {
        return "completed".equals(state) || "failed".equals(state) || "cancelled".equals(state);
    }

    /**
     * One activity of the job.
     *
     * @param state {@code pending}, {@code archived} or {@code failed}
     * @param archiver the archiver that wrote it, once archived
     * @param entries the entries written, once archived
     * @param uploads files uploaded for it
     * @param message what the archiver said (a failure's reason)
     */
    public record Activity(String type, String id, boolean inlineData, String state, String archiver, int entries,
            List<Upload> uploads, String message) {
        public Activity {
            uploads = List.copyOf(uploads);
        }
    }

    /**
     * A file uploaded into the job for an activity.
     *
     * @param complete whether the last chunk arrived (only complete files are archived)
     * @param sha256 the file's SHA-256 (hex), once complete
     */
    public record Upload(String name, String contentType, long size, boolean complete, String sha256) {
    }

    /**
     * The stored archive.
     *
     * @param location where the storage driver keeps it
     * @param timestamped when the TSA time-stamped it, or {@code null} when not signed
     * @param tsa the TSA certificate's subject, or {@code null}
     */
    public record Stored(String location, long size, String sha256, Instant timestamped, String tsa) {
    }
}
