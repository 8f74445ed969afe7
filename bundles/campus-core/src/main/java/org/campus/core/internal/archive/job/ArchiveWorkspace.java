package org.campus.core.internal.archive.job;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Locale;

/**
 * The work directory of each archive job, {@code <work.dir>/<id>/}: the activities' inline data,
 * the uploaded files, the finished activities' segments, the assembled archive and its time-stamp
 * before they are stored. Every file that a later step reads is written under a temporary name,
 * synced and renamed, so a crash leaves it whole or absent.
 */
final class ArchiveWorkspace {

    private final Path base;

    ArchiveWorkspace(Path base) {
        this.base = base;
    }

    Path base() {
        return base;
    }

    Path job(long id) {
        return base.resolve(Long.toString(id));
    }

    Path inline(long id, int activity) {
        return job(id).resolve(String.format(Locale.ROOT, "inline-%04d.json", activity));
    }

    Path upload(long id, long uploadId) {
        return job(id).resolve("uploads").resolve(Long.toString(uploadId));
    }

    Path segment(long id, int activity) {
        return job(id).resolve("segments").resolve(String.format(Locale.ROOT, "%04d.seg", activity));
    }

    Path segmentIndex(long id, int activity) {
        return job(id).resolve("segments").resolve(String.format(Locale.ROOT, "%04d.idx", activity));
    }

    /** The callback token of an activity's worker (readable by the owner only). */
    Path workerToken(long id, int activity) {
        return job(id).resolve(String.format(Locale.ROOT, "worker-%04d.token", activity));
    }

    /** The first gzip member of the archive (the format entry); the segments follow it. */
    Path head(long id) {
        return job(id).resolve("archive-head.gz");
    }

    /** The last gzip member of the archive (the manifest and the end of the tar archive). */
    Path tail(long id) {
        return job(id).resolve("archive-tail.gz");
    }

    Path subjects(long id) {
        return job(id).resolve("subjects.txt");
    }

    Path token(long id) {
        return job(id).resolve("timestamp.tst");
    }

    Path chain(long id) {
        return job(id).resolve("timestamp-chain.pem");
    }

    /** A fresh directory for spool files of one step, deleted by the caller. */
    Path spool(long id) throws IOException {
        Path dir = job(id).resolve("spool");
        Files.createDirectories(dir);
        return dir;
    }

    Path createDirectories(Path dir) throws IOException {
        return Files.createDirectories(dir);
    }

    /** Syncs {@code temp} and renames it over {@code target}. */
    static void commit(Path temp, Path target) throws IOException {
        try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    static void write(Path target, byte[] bytes) throws IOException {
        Files.createDirectories(target.getParent());
        Path temp = target.resolveSibling("." + target.getFileName() + ".tmp");
        Files.write(temp, bytes);
        commit(temp, target);
    }

    /** Deletes a job's work directory and everything in it; absent is fine. */
    void delete(long id) throws IOException {
        deleteTree(job(id));
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                try {
                    Files.deleteIfExists(d);
                } catch (DirectoryNotEmptyException | NoSuchFileException ignored) {
                    // another attempt wrote meanwhile; its own cleanup removes it
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
