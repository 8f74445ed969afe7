package org.campus.storage.filesystem.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.campus.spi.storage.ArchiveMetadata;
import org.campus.spi.storage.ArchiveNames;
import org.campus.spi.storage.NoSuchArchiveException;
import org.campus.spi.storage.StorageStatus;
import org.campus.spi.storage.StoredArchive;

/**
 * Archives as files under a base directory. The location of an object is its
 * {@linkplain ArchiveNames archive name}, a relative path under the base.
 *
 * <p>Whole or absent: an object is written to a temporary file beside its target (a name beginning
 * with a dot, which no archive name has), synced, checked against the size and SHA-256 announced,
 * and renamed over the target atomically; then the directory is synced. A failure deletes the
 * temporary file; a crash leaves at most a temporary file, which no lookup sees and which is
 * removed a day later.
 *
 * <p>Confinement: names and locations must be archive names (no {@code ..}, no absolute path, no
 * backslash, no dot-file), and the real path of every directory used must lie inside the real
 * base directory, so a symbolic link planted under the base cannot lead out either.
 *
 * <p>Each object's metadata (job, course, data subjects) is kept in
 * {@code .campus-meta/<name>.properties} under the base, for privacy requests.
 */
final class ArchiveFiles {

    static final String META_DIR = ".campus-meta";
    private static final String TEMP_SUFFIX = ".tmp";
    private static final Duration STALE_TEMP = Duration.ofDays(1);
    private static final int BUFFER = 256 * 1024;

    private final Path base;
    private final boolean fsync;

    ArchiveFiles(Path base, boolean fsync) {
        this.base = base.toAbsolutePath().normalize();
        this.fsync = fsync;
    }

    Path base() {
        return base;
    }

    /** Creates the base directory when missing, and removes temporary files a crash left behind. */
    int prepare(Instant now) throws IOException {
        Files.createDirectories(base);
        int removed = 0;
        try (Stream<Path> files = Files.walk(base)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                String n = p.getFileName().toString();
                if (n.startsWith(".") && n.endsWith(TEMP_SUFFIX) && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)
                        && Files.getLastModifiedTime(p).toInstant().isBefore(now.minus(STALE_TEMP))) {
                    Files.deleteIfExists(p);
                    removed++;
                }
            }
        }
        return removed;
    }

    StoredArchive store(ArchiveMetadata metadata, InputStream data) throws IOException {
        String name = ArchiveNames.check(metadata.name());
        Path target = resolve(name);
        Path dir = target.getParent();
        Files.createDirectories(dir);
        confine(dir);
        Path temp = Files.createTempFile(dir, "." + target.getFileName() + ".", TEMP_SUFFIX);
        Path metaTemp = null;
        try {
            MessageDigest sha = sha256();
            long size = 0;
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE);
                    OutputStream out = Channels.newOutputStream(channel)) {
                byte[] buffer = new byte[BUFFER];
                for (int n = data.read(buffer); n >= 0; n = data.read(buffer)) {
                    out.write(buffer, 0, n);
                    sha.update(buffer, 0, n);
                    size += n;
                }
                if (metadata.size() >= 0 && size != metadata.size()) {
                    throw new IOException("The archive " + name + " was announced with " + metadata.size()
                            + " bytes but " + size + " arrived; nothing was stored");
                }
                String hash = HexFormat.of().formatHex(sha.digest());
                if (metadata.sha256() != null && !metadata.sha256().equals(hash)) {
                    throw new IOException("The archive " + name + " arrived with SHA-256 " + hash + ", not the "
                            + metadata.sha256() + " announced; nothing was stored");
                }
                if (fsync) {
                    channel.force(true);
                }
                metaTemp = writeMetaTemp(name, metadata, size, hash);
                // the metadata first: when the second rename fails, the earlier object stays as it was
                move(metaTemp, metaFile(name));
                move(temp, target);
                if (fsync) {
                    syncDirectory(dir);
                    syncDirectory(metaFile(name).getParent());
                }
                return new StoredArchive(name, size, hash);
            }
        } finally {
            Files.deleteIfExists(temp);
            if (metaTemp != null) {
                Files.deleteIfExists(metaTemp);
            }
        }
    }

    InputStream retrieve(String location) throws IOException {
        Path file = existing(location);
        if (file == null) {
            throw new NoSuchArchiveException(location);
        }
        try {
            return Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            throw new NoSuchArchiveException(location);
        }
    }

    boolean exists(String location) throws IOException {
        return existing(location) != null;
    }

    boolean delete(String location) throws IOException {
        Path file = existing(location);
        boolean existed = file != null && Files.deleteIfExists(file);
        Files.deleteIfExists(metaFile(location));
        return existed;
    }

    StorageStatus status() {
        if (!Files.isDirectory(base)) {
            return StorageStatus.unreachable("The base directory " + base + " does not exist");
        }
        if (!Files.isWritable(base)) {
            return StorageStatus.unreachable("The base directory " + base + " is not writable");
        }
        try {
            java.nio.file.FileStore store = Files.getFileStore(base);
            return StorageStatus.reachable(store.getUsableSpace(), store.getTotalSpace(), "Files under " + base);
        } catch (IOException e) {
            return StorageStatus.unreachable("The file system of " + base + " cannot be read: " + e.getMessage());
        }
    }

    // ---- metadata, for privacy requests

    /** The stored objects whose metadata passes {@code filter}, with their metadata. */
    List<Map.Entry<String, Properties>> objects(Predicate<Properties> filter) throws IOException {
        Path metaRoot = base.resolve(META_DIR);
        List<Map.Entry<String, Properties>> found = new ArrayList<>();
        if (!Files.isDirectory(metaRoot, LinkOption.NOFOLLOW_LINKS)) {
            return found;
        }
        try (Stream<Path> files = Files.walk(metaRoot)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                String file = p.getFileName().toString();
                if (!file.endsWith(".properties") || file.startsWith(".")
                        || !Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                Properties meta = new Properties();
                try (InputStream in = Files.newInputStream(p)) {
                    meta.load(in);
                }
                String name = meta.getProperty("name");
                if (name != null && ArchiveNames.isValid(name) && filter.test(meta) && exists(name)) {
                    found.add(Map.entry(name, meta));
                }
            }
        }
        return found;
    }

    static List<String> subjects(Properties meta) {
        List<String> subjects = new ArrayList<>();
        for (int i = 0; meta.containsKey("subject." + i); i++) {
            subjects.add(meta.getProperty("subject." + i));
        }
        return subjects;
    }

    private Path writeMetaTemp(String name, ArchiveMetadata metadata, long size, String sha256) throws IOException {
        Properties p = new Properties();
        p.setProperty("name", name);
        p.setProperty("size", Long.toString(size));
        p.setProperty("sha256", sha256);
        p.setProperty("contentType", metadata.contentType());
        p.setProperty("created", metadata.created().toString());
        p.setProperty("stored", Instant.now().toString());
        if (metadata.jobId() != null) {
            p.setProperty("jobId", metadata.jobId());
        }
        if (metadata.courseId() != null) {
            p.setProperty("courseId", metadata.courseId());
        }
        int i = 0;
        for (String subject : metadata.dataSubjects()) {
            p.setProperty("subject." + i++, subject);
        }
        metadata.properties().forEach((k, v) -> p.setProperty("property." + k, v));
        Path metaFile = metaFile(name);
        Files.createDirectories(metaFile.getParent());
        confine(metaFile.getParent());
        Path temp = Files.createTempFile(metaFile.getParent(), "." + metaFile.getFileName() + ".", TEMP_SUFFIX);
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE);
                OutputStream out = Channels.newOutputStream(channel)) {
            p.store(out, null);
            if (fsync) {
                channel.force(true);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        return temp;
    }

    // ---- paths

    private Path resolve(String name) {
        Path p = base.resolve(name).normalize();
        if (!p.startsWith(base) || p.equals(base)) {
            throw new IllegalArgumentException("The archive name " + name + " leads outside the base directory");
        }
        return p;
    }

    private Path metaFile(String location) {
        ArchiveNames.check(location);
        return base.resolve(META_DIR).resolve(location + ".properties").normalize();
    }

    /** The file of a location when a regular file is there, {@code null} when nothing is. */
    private Path existing(String location) throws IOException {
        String name;
        try {
            name = ArchiveNames.check(location);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("This driver made no location like that: " + e.getMessage());
        }
        Path file = resolve(name);
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        confine(file.getParent());
        return file;
    }

    /** The directory's real path lies inside the base's, so that no link leads out. */
    private void confine(Path dir) throws IOException {
        Path real = dir.toRealPath();
        if (!real.startsWith(base.toRealPath())) {
            throw new IllegalArgumentException("The directory " + dir + " leads outside the base directory");
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("The file system of " + to + " cannot rename atomically, so it cannot keep archives"
                    + " whole or absent", e);
        }
    }

    private static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // some file systems (and Windows) cannot open a directory; the rename is done either way
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
