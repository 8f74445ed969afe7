package org.campus.spi.archiver;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** A file uploaded into a job for one activity, kept on the core's disk until the job ends. */
@ProviderType
public interface UploadedFile {

    /**
     * The name the uploader gave, a relative path that {@link EntryNames#check} accepts (e.g.
     * {@code attempts/12/attempt.pdf}); unique within the activity.
     */
    String name();

    /** The exact size in bytes. */
    long size();

    /** The media type the uploader declared, if any. */
    Optional<String> contentType();

    /** The SHA-256 of the bytes (64 lower-case hex digits), which the core computed on upload. */
    String sha256();

    /** The bytes, as a stream the caller closes. */
    InputStream open() throws IOException;
}
