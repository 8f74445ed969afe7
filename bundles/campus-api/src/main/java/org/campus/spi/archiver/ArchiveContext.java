package org.campus.spi.archiver;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;

import org.campus.spi.ProviderContext;
import org.osgi.annotation.versioning.ProviderType;

/**
 * What the core gives an {@link ActivityArchiver} for archiving one activity of one job: the
 * activity and its input, where to write entries, progress, cancellation, log and heartbeat (from
 * {@link ProviderContext}), a channel to an external worker, and the builder of the result.
 * Implemented by the core; valid only during the {@link ActivityArchiver#archive} call that
 * received it.
 */
@ProviderType
public interface ArchiveContext extends ProviderContext {

    /** The Campus job's id. */
    String jobId();

    /** The LMS course the job archives. */
    String courseId();

    /** The activity to archive. */
    ActivityRef activity();

    /**
     * The checkpoint the archiver returned with {@link ResultBuilder#awaitWorker} the last time it
     * was called for this activity; empty on the first call.
     */
    Optional<String> checkpoint();

    /** Whether the job carries inline {@code data} for this activity. */
    boolean hasInlineData();

    /**
     * The activity's inline {@code data}, as the LMS sent it with the job, as UTF-8 JSON text; the
     * archiver closes the stream. May be called more than once.
     *
     * @throws IllegalStateException when the job has no data for the activity
     */
    InputStream openInlineData() throws IOException;

    /**
     * The files uploaded into the job for this activity (by the LMS before the job started, or by a
     * worker while it waited), in the order of their upload. Each is opened as a stream; none is
     * held in memory.
     */
    List<UploadedFile> uploads();

    /**
     * Where the entries of this activity go. Names are relative to the activity's folder in the
     * archive, which the core chooses.
     */
    ArchiveEntries entries();

    /**
     * Declares that the entries hold personal data of this LMS user. The core lists the users in
     * the archive's manifest and tells the storage driver, so that a privacy export finds the
     * archive. Call it once per user (repeats are ignored).
     */
    void addDataSubject(String lmsUserId);

    /** The channel to an external worker, for archivers that offload work. */
    WorkerChannel worker();

    /** Makes the result {@link ActivityArchiver#archive} returns. */
    ResultBuilder result();
}
