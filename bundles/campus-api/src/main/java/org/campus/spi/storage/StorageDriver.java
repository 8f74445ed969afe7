package org.campus.spi.storage;

import java.io.IOException;
import java.io.InputStream;

import org.campus.spi.Provider;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Keeps archives. Register it as an OSGi service with the service property {@link #PROPERTY_ID};
 * the core tracks drivers as they come and go, and a job that stores into a driver that is gone
 * fails with the driver's id in its reason.
 *
 * <p><b>Whole or absent.</b> An object is visible ({@link #exists}, {@link #retrieve}) only once it
 * is stored completely, and a failed or interrupted {@link #store} leaves nothing visible behind
 * (and leaves an object stored earlier under the same name as it was). A filesystem driver writes a
 * temporary file, syncs it and renames it; an object store uploads under a temporary key or uses a
 * conditional/multipart upload that is only committed at the end.
 *
 * <p><b>Names and locations.</b> The core names each object with an
 * {@linkplain ArchiveNames archive name} (a relative path such as
 * {@code course-7/job-42/campus-archive-42.tar.gz}); the driver answers with a location, an opaque
 * string of at most {@link #MAX_LOCATION_LENGTH} characters that the core keeps and gives back to
 * {@link #retrieve}, {@link #exists} and {@link #delete}. A driver refuses, with an
 * {@link IllegalArgumentException}, every name that {@link ArchiveNames#check} refuses and every
 * location it did not make, so that no name or location can reach outside the driver's own space.
 *
 * <p>Storing under a name that exists replaces that object (atomically, as above): the core's steps
 * may run twice after a crash. Calls come from the core's job pool, several at a time.
 */
@ConsumerType
public interface StorageDriver extends Provider {

    /** The provider kind, as the providers overview names it. */
    String KIND = "storage";

    /**
     * Service property (String, required): the driver instance's id, unique among the storage
     * drivers, e.g. {@code local} or {@code s3-archive}; lower-case letters, digits, dashes and dots,
     * at most 64 characters. Jobs and stored archives refer to the driver by it, so it should not
     * change once archives are stored.
     */
    String PROPERTY_ID = "storage.id";

    /** Service property (String, optional): a title for people, e.g. {@code Local disk}. */
    String PROPERTY_TITLE = "storage.title";

    /** The longest location a driver may return. */
    int MAX_LOCATION_LENGTH = 1024;

    /**
     * Stores {@code data}, read to its end, as the object {@link ArchiveMetadata#name()}.
     *
     * <p>When the metadata gives a {@linkplain ArchiveMetadata#size() size} or a
     * {@linkplain ArchiveMetadata#sha256() SHA-256}, the driver checks the bytes it read against
     * them and refuses (with an {@link IOException}, nothing stored) when they differ. The driver
     * does not close {@code data}.
     *
     * @return where the object is, its size and its SHA-256 as the driver read them
     * @throws IllegalArgumentException for a name {@link ArchiveNames#check} refuses
     * @throws IOException when the object could not be stored; then nothing of it is visible
     */
    StoredArchive store(ArchiveMetadata metadata, InputStream data) throws IOException;

    /**
     * The stored bytes, as a stream the caller closes.
     *
     * @throws NoSuchArchiveException when nothing is stored at the location
     * @throws IllegalArgumentException for a location this driver did not make
     */
    InputStream retrieve(String location) throws IOException;

    /**
     * Whether a complete object is stored at the location.
     *
     * @throws IllegalArgumentException for a location this driver did not make
     */
    boolean exists(String location) throws IOException;

    /**
     * Deletes the object; deleting what is absent is no error.
     *
     * @return whether an object was there
     * @throws IllegalArgumentException for a location this driver did not make
     */
    boolean delete(String location) throws IOException;

    /**
     * Reachability and space, for the overviews. May take a moment (a remote call); the core calls
     * it off the request threads. Never throws: an unreachable store is
     * {@link StorageStatus#unreachable(String)}.
     */
    StorageStatus status();
}
