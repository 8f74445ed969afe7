package org.campus.spi.archiver;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;

import org.osgi.annotation.versioning.ProviderType;

/**
 * One entry being added: optional attributes, then exactly one of {@link #write(InputStream, long)}
 * (the size is known: streamed straight into the archive) or {@link #open()} (the size is not known:
 * the core spools the bytes to disk first). Neither holds the bytes in memory.
 */
@ProviderType
public interface EntryBuilder {

    /** The entry's media type, recorded in the manifest; {@code application/octet-stream} when not given. */
    EntryBuilder contentType(String contentType);

    /** The entry's modification time in the archive; the time of writing when not given. */
    EntryBuilder lastModified(Instant time);

    /**
     * Copies exactly {@code size} bytes from {@code data} into the archive (it does not close
     * {@code data}). Checks cancellation while it copies.
     *
     * @throws IOException when {@code data} ends before {@code size} bytes or holds more, or cannot
     *         be read. Part of the entry may then be in the archive being written, so no further
     *         entry is accepted in this call: let the exception end it (the core discards the entries
     *         of the call and retries the activity by its policy)
     */
    void write(InputStream data, long size) throws IOException;

    /**
     * A stream for an entry of unknown size; closing it adds the entry (so close it, also on a
     * failure: try-with-resources). The core spools what is written to its own disk, then copies
     * it into the archive.
     */
    OutputStream open() throws IOException;
}
