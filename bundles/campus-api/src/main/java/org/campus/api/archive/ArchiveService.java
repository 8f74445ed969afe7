package org.campus.api.archive;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

import org.campus.api.Page;
import org.campus.api.PageRequest;
import org.campus.api.workflow.LmsId;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Course archives, run as jobs of type {@link #JOB_TYPE} on the core's job engine: each activity is
 * archived by its archiver into one archive file, time-stamped when asked, and stored by a storage
 * driver. Posts {@code campus/archive/job/<EVENT>} events ({@link #TOPIC_CREATED} and the others)
 * with the plain properties {@code id}, {@code jobId}, {@code courseId}, {@code owner}, {@code state}
 * and, where there is one, {@code reason}.
 *
 * <p>Errors: {@code InvalidInputException} naming the field for bad input, {@code NotFoundException}
 * for an unknown job, {@code ConflictException} for a call the job's state does not allow.
 */
@ProviderType
public interface ArchiveService {

    /** The job engine's job type of archive jobs. */
    String JOB_TYPE = "archive.course";

    String TOPIC_PREFIX = "campus/archive/job/";
    String TOPIC_CREATED = TOPIC_PREFIX + "CREATED";
    String TOPIC_STARTED = TOPIC_PREFIX + "STARTED";
    String TOPIC_COMPLETED = TOPIC_PREFIX + "COMPLETED";
    String TOPIC_FAILED = TOPIC_PREFIX + "FAILED";
    String TOPIC_CANCELLED = TOPIC_PREFIX + "CANCELLED";
    String TOPIC_DELETED = TOPIC_PREFIX + "DELETED";

    /**
     * Creates an archive job; queued at once unless it {@linkplain NewArchiveJob#awaitUploads()
     * awaits uploads}. Each activity whose archiver is registered is checked by it first.
     */
    ArchiveJob create(NewArchiveJob job, String owner);

    /** Queues a job created to await uploads; a {@code ConflictException} once it was started. */
    ArchiveJob start(long id);

    /**
     * Adds a chunk of a file uploaded for an activity of an open job, streamed to disk. A file is
     * sent in one or more chunks: each starts at {@code offset}, which must be the bytes received so
     * far (else a {@code ConflictException} telling them), and the last has {@code last} set.
     *
     * @param activity the activity's index in the job, from 0
     * @param name the file's name, an entry name ({@code org.campus.spi.archiver.EntryNames})
     * @param data the chunk, read to its end (not closed); refused past the configured size limit
     * @return the file as recorded after this chunk
     */
    ArchiveJob.Upload upload(long id, int activity, String name, String contentType, long offset, boolean last,
            InputStream data) throws IOException;

    Optional<ArchiveJob> find(long id);

    /** Archive jobs, newest first; {@code courseId} and {@code owner} filter when not {@code null}. */
    default Page<ArchiveJob> list(String courseId, String owner, PageRequest page) {
        return list(courseId, owner, null, page);
    }

    /**
     * Archive jobs, newest first; {@code courseId}, {@code owner} and {@code userId} (the LMS user
     * the job was made for, matched by its value) filter when not {@code null}.
     *
     * @since 1.1
     */
    Page<ArchiveJob> list(String courseId, String owner, LmsId userId, PageRequest page);

    /** The stored archive's bytes, streamed; a {@code ConflictException} before it is stored. */
    InputStream openArchive(long id) throws IOException;

    /** The stored RFC 3161 time-stamp token (DER); a {@code NotFoundException} for an unsigned archive. */
    InputStream openTimestamp(long id) throws IOException;

    /** Re-reads the stored archive and checks its manifest and (when signed) its time-stamp. */
    ArchiveVerification verify(long id) throws IOException;

    /** Cancels a job that has not ended (an open one at once). */
    ArchiveJob cancel(long id);

    /**
     * Records what the external worker of an activity reported: authenticated by the activity's
     * callback token (its SHA-256 compared in constant time with the one stored), it keeps the job
     * alive and wakes the archiver that awaits the worker at once; the archiver reads it as
     * {@code WorkerChannel.lastReport()}.
     *
     * @param activity the activity's index in the job, from 0
     * @throws CallbackTokenException for a token no activity was given
     * @throws org.campus.api.NotFoundException for an unknown job or activity (with a valid token)
     * @throws org.campus.api.ForbiddenException for the token of another activity
     * @throws org.campus.api.ConflictException when the job is not running (open or ended)
     * @since 1.1
     */
    void report(long id, int activity, String token, WorkerReport report);

    /**
     * Deletes an ended (or open) job: its uploads, its records and the stored archive with its
     * time-stamp.
     */
    void delete(long id);
}
