package org.campus.core.internal.archive.format;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import java.util.zip.Deflater;

import org.campus.spi.archiver.EntryNames;

/**
 * Writes the entries of one activity as one gzip member of tar entries (no end-of-archive records)
 * into a segment file, and their names, sizes and SHA-256s (and the data subjects declared) into an
 * index file beside it. {@link ArchiveAssembler} later copies finished segments byte for byte into
 * the archive and builds the manifest from their indexes.
 *
 * <p>Memory stays flat: entries of known size stream straight through; entries of unknown size are
 * spooled to a file first. A failed entry (its data shorter or longer than announced, a read error,
 * a cancellation) leaves part of it in the member, so the writer refuses everything after it: the
 * activity must be written again into a new segment. {@link #close()} without {@link #finish()}
 * deletes both files.
 */
public final class SegmentWriter implements Closeable {

    private static final int BUFFER = 64 * 1024;

    private final Path dataFile;
    private final Path indexFile;
    private final String folder;
    private final Path spoolDir;
    private final CopyMonitor monitor;
    private final FileOutputStream file;
    private final Gzip.Member gzip;
    private final int level;
    /** Probes the first block of an entry when incompressible entries are stored; else null. */
    private final Deflater probe;
    private final byte[] probeOut;
    private final BufferedWriter index;
    private final Set<String> names = new HashSet<>();
    private final Set<String> subjects = new HashSet<>();
    private final byte[] buffer = new byte[BUFFER];
    private int count;
    private int storedCount;
    private boolean entryOpen;
    private String broken;
    private boolean finished;
    private boolean closed;

    /**
     * @param folder the activity's folder in the archive, ending in {@code /} (see
     *        {@link ArchiveLayout#activityFolder}); entry names are relative to it
     * @param level the deflate level, 0 (store) to 9
     */
    public SegmentWriter(Path dataFile, Path indexFile, String folder, int level, Path spoolDir, CopyMonitor monitor)
            throws IOException {
        this(dataFile, indexFile, folder, level, false, spoolDir, monitor);
    }

    /**
     * @param storeIncompressible whether an entry whose first block does not compress (an already
     *        compressed upload: PDF, zip, JPEG, random bytes) is written without compression
     *        (deflate level 0), so that no CPU is spent on it; the other entries keep {@code level}
     */
    public SegmentWriter(Path dataFile, Path indexFile, String folder, int level, boolean storeIncompressible,
            Path spoolDir, CopyMonitor monitor) throws IOException {
        if (!folder.endsWith("/")) {
            throw new IllegalArgumentException("a folder ends in '/'");
        }
        EntryNames.check(folder.substring(0, folder.length() - 1));
        this.dataFile = dataFile;
        this.indexFile = indexFile;
        this.folder = folder;
        this.spoolDir = spoolDir;
        this.monitor = monitor;
        this.file = new FileOutputStream(dataFile.toFile());
        this.gzip = Gzip.member(new BufferedOutputStream(file, BUFFER), level);
        this.level = level;
        this.probe = storeIncompressible && level > 0 ? new Deflater(1, true) : null;
        this.probeOut = probe == null ? null : new byte[BUFFER + BUFFER / 8 + 64];
        this.index = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(indexFile), StandardCharsets.UTF_8));
    }

    /**
     * Adds an entry of known size, streaming {@code size} bytes of {@code data} (not closed).
     *
     * @throws IllegalArgumentException for a name {@link EntryNames#check} refuses or one already written
     * @throws IOException when {@code data} is shorter or longer than {@code size}, or fails; the
     *         writer is then broken
     */
    public EntryRecord write(String name, String contentType, Instant modified, InputStream data, long size)
            throws IOException {
        if (size < 0) {
            throw new IllegalArgumentException("size " + size);
        }
        return writeClaimed(claim(name), name, contentType, modified, data, size);
    }

    private EntryRecord writeClaimed(String full, String name, String contentType, Instant modified, InputStream data,
            long size) throws IOException {
        try {
            TarHeaders.writeFileHeader(gzip, full, size, modified.getEpochSecond());
            MessageDigest sha = Gzip.sha256();
            long left = size;
            boolean first = true;
            while (left > 0) {
                int n = data.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (n < 0) {
                    throw new IOException("The data of entry '" + name + "' ended after " + (size - left) + " of "
                            + size + " bytes");
                }
                if (first) {
                    first = false;
                    if (probe != null && size >= MIN_PROBED && !compresses(buffer, n)) {
                        gzip.level(Deflater.NO_COMPRESSION);
                        storedCount++;
                    }
                }
                gzip.write(buffer, 0, n);
                sha.update(buffer, 0, n);
                left -= n;
                monitor.copied(n);
            }
            if (data.read() >= 0) {
                throw new IOException("The data of entry '" + name + "' holds more than the " + size
                        + " bytes announced");
            }
            gzip.level(level);
            TarHeaders.pad(gzip, size);
            EntryRecord record = new EntryRecord(full, size, HexFormat.of().formatHex(sha.digest()),
                    contentType == null ? "application/octet-stream" : contentType, modified);
            IndexLines.writeLine(index, IndexLines.entryLine(record));
            count++;
            return record;
        } catch (IOException | RuntimeException e) {
            broken = "entry '" + name + "' failed: " + e.getMessage();
            throw e;
        }
    }

    /** Entries smaller than this are compressed whatever they hold: probing them is not worth it. */
    private static final int MIN_PROBED = 16 * 1024;

    /**
     * Whether the first block of an entry compresses by at least 1/32 at the fastest level; a block
     * that does not (compressed or encrypted data) is stored. The first read may be shorter than a
     * whole block: what it gave is probed.
     */
    private boolean compresses(byte[] block, int length) {
        probe.reset();
        probe.setInput(block, 0, length);
        probe.finish();
        long out = 0;
        while (!probe.finished()) {
            out += probe.deflate(probeOut);
        }
        return out < length - length / 32;
    }

    /**
     * Adds an entry of unknown size: what is written to the stream is spooled to a file, and
     * added when the stream is closed.
     */
    public OutputStream open(String name, String contentType, Instant modified) throws IOException {
        String full = claim(name);
        Path spool = Files.createTempFile(spoolDir, "entry-", ".spool");
        OutputStream out = new BufferedOutputStream(Files.newOutputStream(spool), BUFFER);
        entryOpen = true;
        return new FilterOutputStream(out) {
            private boolean done;

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                if (done) {
                    return;
                }
                done = true;
                try {
                    out.close();
                    entryOpen = false;
                    try (InputStream in = Files.newInputStream(spool)) {
                        writeClaimed(full, name, contentType, modified, in, Files.size(spool));
                    }
                } finally {
                    entryOpen = false;
                    Files.deleteIfExists(spool);
                }
            }
        };
    }

    /** Records that the entries hold personal data of this LMS user. */
    public void addDataSubject(String userId) {
        if (subjects.add(userId)) {
            IndexLines.writeLine(index, IndexLines.subjectLine(userId));
        }
    }

    /** How many entries were written without compression (their first block did not compress). */
    public int storedCount() {
        return storedCount;
    }

    /** How many entries are written. */
    public int count() {
        return count;
    }

    /** Whether the full name is taken; for callers that check before writing. */
    public boolean contains(String name) {
        return names.contains(folder + name);
    }

    private String claim(String name) {
        if (closed || finished) {
            throw new IllegalStateException("The segment is closed");
        }
        if (broken != null) {
            throw new IllegalStateException("The segment is unusable after a failed entry (" + broken
                    + "); the activity must be archived again");
        }
        if (entryOpen) {
            throw new IllegalStateException("Another entry is still open; close it first");
        }
        EntryNames.check(name);
        String full = folder + name;
        if (!names.add(full)) {
            throw new IllegalArgumentException("The entry '" + name + "' is already written");
        }
        return full;
    }

    /** Ends the gzip member, and syncs both files to disk. */
    public void finish() throws IOException {
        if (broken != null) {
            throw new IllegalStateException("The segment is unusable after a failed entry (" + broken + ")");
        }
        if (entryOpen) {
            throw new IllegalStateException("An entry is still open");
        }
        gzip.finish();
        gzip.flush();
        file.getChannel().force(true);
        gzip.close();
        if (probe != null) {
            probe.end();
        }
        index.flush();
        index.close();
        try (var channel = java.nio.channels.FileChannel.open(indexFile, java.nio.file.StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        finished = true;
        closed = true;
    }

    public Path dataFile() {
        return dataFile;
    }

    public Path indexFile() {
        return indexFile;
    }

    /** Closes without finishing: both files are deleted. After {@link #finish()}, does nothing. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            gzip.close();
        } catch (IOException e) {
            // abandoned anyway
        }
        if (probe != null) {
            probe.end();
        }
        index.close();
        Files.deleteIfExists(dataFile);
        Files.deleteIfExists(indexFile);
    }
}
