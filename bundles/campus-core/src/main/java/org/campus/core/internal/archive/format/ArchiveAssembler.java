package org.campus.core.internal.archive.format;

import java.io.ByteArrayInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.GZIPOutputStream;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Writes a whole archive as one stream (see {@link ArchiveLayout}): a gzip member with the format
 * entry, the finished segments copied byte for byte (never compressed again), and a gzip member
 * with the manifest and the end of the tar archive. The manifest is built from the segments'
 * indexes into a spool file, so memory stays flat however many entries there are; the archive's
 * SHA-256 is computed on the way out.
 */
public final class ArchiveAssembler {

    private final int level;
    private final Clock clock;

    public ArchiveAssembler(int level, Clock clock) {
        if (level < 0 || level > 9) {
            throw new IllegalArgumentException("a deflate level is 0 to 9");
        }
        this.level = level;
        this.clock = clock;
    }

    /**
     * Writes what an archive needs besides its finished segments, without copying them: the first gzip
     * member (the format entry) to {@code head} and the last (the manifest and the end of the tar
     * archive) to {@code tail}. The archive is then {@code head}, each segment's data, {@code tail},
     * in that order ({@link ArchivePieces}); nothing of it is written a second time.
     *
     * @param hash whether to compute the archive's SHA-256 now, by reading the pieces through once
     *        (needed before a time-stamp); otherwise {@link ArchivePieces#sha256()} is {@code null}
     *        and the SHA-256 is computed as the pieces are read to their destination
     */
    public ArchivePieces prepare(ArchiveHeader header, List<Segment> segments, Path head, Path tail, Path spoolDir,
            boolean hash) throws IOException {
        Instant now = clock.instant();
        byte[] formatEntry = formatEntry(header);
        EntryRecord first;
        try (OutputStream file = Files.newOutputStream(head);
                GZIPOutputStream member = Gzip.member(file, level)) {
            first = writeEntry(member, ArchiveLayout.FORMAT_ENTRY, "application/json", header.created(),
                    new ByteArrayInputStream(formatEntry), formatEntry.length);
        }
        Set<String> subjects = new TreeSet<>();
        int[] counts = counts(segments, subjects);
        Path manifest = Files.createTempFile(spoolDir, "manifest-", ".json");
        int entries;
        try {
            entries = writeManifest(header, segments, counts, subjects, first, now, manifest);
            try (OutputStream file = Files.newOutputStream(tail);
                    GZIPOutputStream member = Gzip.member(file, level);
                    InputStream in = Files.newInputStream(manifest)) {
                writeEntry(member, ArchiveLayout.MANIFEST_ENTRY, "application/json", now, in, Files.size(manifest));
                TarHeaders.writeEndOfArchive(member);
            }
        } finally {
            Files.deleteIfExists(manifest);
        }
        List<Path> files = new java.util.ArrayList<>();
        files.add(head);
        segments.forEach(sg -> files.add(sg.data()));
        files.add(tail);
        long size = 0;
        for (Path f : files) {
            size += Files.size(f);
        }
        String sha256 = null;
        if (hash) {
            MessageDigest sha = Gzip.sha256();
            try (InputStream in = ArchivePieces.open(files)) {
                byte[] buffer = new byte[256 * 1024];
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    sha.update(buffer, 0, n);
                }
            }
            sha256 = HexFormat.of().formatHex(sha.digest());
        }
        return new ArchivePieces(files, size, sha256, entries, subjects);
    }

    private static int[] counts(List<Segment> segments, Set<String> subjects) throws IOException {
        int[] counts = new int[segments.size()];
        for (int i = 0; i < segments.size(); i++) {
            try (IndexLines.Reader index = new IndexLines.Reader(segments.get(i).index())) {
                for (JsonNode line = index.next(); line != null; line = index.next()) {
                    if (line.has("subject")) {
                        subjects.add(line.get("subject").asText());
                    } else if (line.has("entry")) {
                        counts[i]++;
                    }
                }
            }
        }
        return counts;
    }

    /** Writes the archive to {@code out} (not closed) and tells its size and SHA-256. */
    public AssembledArchive assemble(ArchiveHeader header, List<Segment> segments, OutputStream out, Path spoolDir)
            throws IOException {
        MessageDigest sha = Gzip.sha256();
        CountingOutputStream counted = new CountingOutputStream(new DigestOutputStream(nonClosing(out), sha));
        Instant now = clock.instant();

        byte[] formatEntry = formatEntry(header);
        EntryRecord first;
        try (GZIPOutputStream member = Gzip.member(counted, level)) {
            first = writeEntry(member, ArchiveLayout.FORMAT_ENTRY, "application/json", header.created(),
                    new ByteArrayInputStream(formatEntry), formatEntry.length);
        }

        Set<String> subjects = new TreeSet<>();
        int[] counts = new int[segments.size()];
        for (int i = 0; i < segments.size(); i++) {
            Segment s = segments.get(i);
            try (IndexLines.Reader index = new IndexLines.Reader(s.index())) {
                for (JsonNode line = index.next(); line != null; line = index.next()) {
                    if (line.has("subject")) {
                        subjects.add(line.get("subject").asText());
                    } else if (line.has("entry")) {
                        counts[i]++;
                    }
                }
            }
            Files.copy(s.data(), counted);
        }

        Path manifest = Files.createTempFile(spoolDir, "manifest-", ".json");
        try {
            int entries = writeManifest(header, segments, counts, subjects, first, now, manifest);
            try (GZIPOutputStream member = Gzip.member(counted, level);
                    InputStream in = Files.newInputStream(manifest)) {
                writeEntry(member, ArchiveLayout.MANIFEST_ENTRY, "application/json", now, in, Files.size(manifest));
                TarHeaders.writeEndOfArchive(member);
            }
            return new AssembledArchive(counted.count, HexFormat.of().formatHex(sha.digest()), entries, subjects);
        } finally {
            Files.deleteIfExists(manifest);
        }
    }

    private static EntryRecord writeEntry(OutputStream out, String name, String contentType, Instant modified,
            InputStream data, long size) throws IOException {
        TarHeaders.writeFileHeader(out, name, size, modified.getEpochSecond());
        MessageDigest sha = Gzip.sha256();
        byte[] buffer = new byte[64 * 1024];
        long left = size;
        while (left > 0) {
            int n = data.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                throw new IOException("The spooled entry " + name + " is shorter than its size");
            }
            out.write(buffer, 0, n);
            sha.update(buffer, 0, n);
            left -= n;
        }
        TarHeaders.pad(out, size);
        return new EntryRecord(name, size, HexFormat.of().formatHex(sha.digest()), contentType, modified);
    }

    private static byte[] formatEntry(ArchiveHeader header) throws IOException {
        ObjectNode n = IndexLines.JSON.createObjectNode();
        n.put("format", ArchiveLayout.FORMAT);
        n.put("formatVersion", ArchiveLayout.FORMAT_VERSION);
        n.put("jobId", header.jobId());
        n.put("courseId", header.courseId());
        n.put("created", header.created().toString());
        if (header.generator() != null) {
            n.put("generator", header.generator());
        }
        n.put("manifest", ArchiveLayout.MANIFEST_ENTRY);
        n.put("description", "A Campus course archive (tar, gzip). The last entry, " + ArchiveLayout.MANIFEST_ENTRY
                + ", lists every entry with its size and SHA-256, and the archivers that wrote them.");
        return IndexLines.JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(n);
    }

    private int writeManifest(ArchiveHeader header, List<Segment> segments, int[] counts, Set<String> subjects,
            EntryRecord first, Instant completed, Path target) throws IOException {
        int entries = 1;
        try (OutputStream file = Files.newOutputStream(target);
                JsonGenerator g = IndexLines.JSON.getFactory().createGenerator(file, JsonEncoding.UTF8)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("format", ArchiveLayout.FORMAT);
            g.writeNumberField("formatVersion", ArchiveLayout.FORMAT_VERSION);
            g.writeStringField("jobId", header.jobId());
            g.writeStringField("courseId", header.courseId());
            g.writeStringField("created", header.created().toString());
            g.writeStringField("completed", completed.toString());
            if (header.generator() != null) {
                g.writeStringField("generator", header.generator());
            }
            g.writeArrayFieldStart("archivers");
            for (ArchiveHeader.ArchiverInfo a : header.archivers()) {
                g.writeStartObject();
                g.writeStringField("id", a.id());
                g.writeStringField("bundle", a.bundle());
                g.writeStringField("version", a.version());
                g.writeArrayFieldStart("activityTypes");
                for (String t : a.activityTypes()) {
                    g.writeString(t);
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("activities");
            for (int i = 0; i < segments.size(); i++) {
                ArchiveHeader.ActivityInfo a = segments.get(i).activity();
                g.writeStartObject();
                g.writeStringField("type", a.type());
                g.writeStringField("id", a.id());
                g.writeStringField("archiver", a.archiver());
                g.writeStringField("folder", a.folder());
                g.writeNumberField("entries", counts[i]);
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("dataSubjects");
            for (String s : subjects) {
                g.writeString(s);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("entries");
            writeEntry(g, first);
            for (Segment s : segments) {
                try (IndexLines.Reader index = new IndexLines.Reader(s.index())) {
                    for (JsonNode line = index.next(); line != null; line = index.next()) {
                        if (line.has("entry")) {
                            writeEntry(g, IndexLines.entry(line.get("entry")));
                            entries++;
                        }
                    }
                }
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        return entries;
    }

    private static void writeEntry(JsonGenerator g, EntryRecord e) throws IOException {
        g.writeStartObject();
        g.writeStringField("name", e.name());
        g.writeNumberField("size", e.size());
        g.writeStringField("sha256", e.sha256());
        g.writeStringField("contentType", e.contentType());
        g.writeStringField("modified", e.modified().toString());
        g.writeEndObject();
    }

    private static OutputStream nonClosing(OutputStream out) {
        return new FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                out.flush();
            }
        };
    }

    /** Counts bytes on their way out; closing it does not close what it wraps (see {@link #nonClosing}). */
    private static final class CountingOutputStream extends FilterOutputStream {
        long count;

        CountingOutputStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
