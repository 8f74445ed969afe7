package org.campus.core.internal.archive.format;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * An archive that exists as its pieces, each a whole gzip member or several (see
 * {@link ArchiveAssembler#prepare}): read in order they are the archive, a valid gzip stream (RFC
 * 1952: concatenated members are one stream) of one tar archive. It is never copied into one file
 * of its own: {@link #open} hands the bytes to a storage driver straight from the pieces.
 *
 * @param files the pieces, in archive order
 * @param size the archive's size (the sum of the pieces')
 * @param sha256 the archive's SHA-256 (64 lower-case hex digits), or {@code null} when not computed yet
 * @param entries the entries (the manifest not counted)
 * @param dataSubjects whose personal data it holds
 */
public record ArchivePieces(List<Path> files, long size, String sha256, int entries, Set<String> dataSubjects) {

    public ArchivePieces {
        files = List.copyOf(files);
        dataSubjects = Set.copyOf(dataSubjects);
    }

    /** The archive's bytes: the pieces one after the other, each file opened only when reached. */
    public InputStream open() {
        return open(files);
    }

    /** The files read one after the other, each opened only when reached. */
    public static InputStream open(List<Path> files) {
        return new PiecesInputStream(files);
    }

    /** Reads the files one after the other; a file that cannot be opened is an {@link IOException}. */
    private static final class PiecesInputStream extends InputStream {
        private final List<Path> files;
        private int next;
        private InputStream current;

        PiecesInputStream(List<Path> files) {
            this.files = files;
        }

        private boolean advance() throws IOException {
            while (current == null) {
                if (next >= files.size()) {
                    return false;
                }
                current = Files.newInputStream(files.get(next++));
            }
            return true;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            while (advance()) {
                int n = current.read(b, off, len);
                if (n >= 0) {
                    return n;
                }
                current.close();
                current = null;
            }
            return -1;
        }

        @Override
        public void close() throws IOException {
            next = files.size();
            if (current != null) {
                current.close();
                current = null;
            }
        }
    }
}
