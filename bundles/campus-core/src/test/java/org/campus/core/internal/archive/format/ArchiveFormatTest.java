package org.campus.core.internal.archive.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.campus.core.internal.archive.format.ArchiveHeader.ActivityInfo;
import org.campus.core.internal.archive.format.ArchiveHeader.ArchiverInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Archives written by segments and assembled: read back by Campus's own checker, by Commons
 * Compress and by GNU tar, which must all see the same entries and bytes.
 */
class ArchiveFormatTest {

    private static final Instant T = Instant.parse("2026-03-04T05:06:07Z");
    private static final String LONG_NAME = "submissions/" + "x".repeat(120) + "/Übung 1 (final).pdf";

    @TempDir
    Path dir;

    private final Map<String, byte[]> written = new LinkedHashMap<>();

    private Segment segment(int index, String type, String id, SegmentBody body) throws IOException {
        String folder = ArchiveLayout.activityFolder(index, type, id);
        Path data = dir.resolve("seg-" + index + ".gz");
        Path indexFile = dir.resolve("seg-" + index + ".index");
        try (SegmentWriter w = new SegmentWriter(data, indexFile, folder, 6, dir, CopyMonitor.NONE)) {
            body.write(w, folder);
            w.finish();
        }
        return new Segment(new ActivityInfo(type, id, type + "-archiver", folder), data, indexFile);
    }

    interface SegmentBody {
        void write(SegmentWriter w, String folder) throws IOException;
    }

    private void add(SegmentWriter w, String folder, String name, byte[] bytes) throws IOException {
        w.write(name, "application/octet-stream", T, new ByteArrayInputStream(bytes), bytes.length);
        written.put(folder + name, bytes);
    }

    private ArchiveHeader header() {
        return new ArchiveHeader("42", "course-7", T, "Campus test",
                List.of(new ArchiverInfo("workflow-archiver", "campus-archiver-workflow", "0.1.0", List.of("workflow")),
                        new ArchiverInfo("files-archiver", "campus-archiver-files", "0.2.0", List.of("files"))),
                List.of());
    }

    private Path assemble(List<Segment> segments) throws IOException {
        Path archive = dir.resolve("archive.tar.gz");
        try (OutputStream out = Files.newOutputStream(archive)) {
            AssembledArchive a = new ArchiveAssembler(6, Clock.fixed(T.plusSeconds(60), ZoneOffset.UTC))
                    .assemble(header(), segments, out, dir);
            assertEquals(Files.size(archive), a.size());
            assertEquals(sha256(Files.readAllBytes(archive)), a.sha256());
        }
        return archive;
    }

    private List<Segment> twoActivities() throws IOException {
        byte[] big = new byte[3 * 1024 * 1024 + 17];
        new java.util.Random(1).nextBytes(big);
        Segment first = segment(1, "workflow", "17", (w, folder) -> {
            add(w, folder, "records.json", "[{\"id\":1}]".getBytes(StandardCharsets.UTF_8));
            add(w, folder, "empty.txt", new byte[0]);
            add(w, folder, "exactly-512.bin", new byte[512]);
            w.addDataSubject("5");
            w.addDataSubject("9");
            w.addDataSubject("5");
        });
        Segment second = segment(2, "files", "a/b c", (w, folder) -> {
            add(w, folder, LONG_NAME, big);
            try (OutputStream out = w.open("spooled/notes.txt", "text/plain", T)) {
                for (int i = 0; i < 1000; i++) {
                    out.write(("line " + i + "\n").getBytes(StandardCharsets.UTF_8));
                }
            }
            ByteArrayOutputStream expected = new ByteArrayOutputStream();
            for (int i = 0; i < 1000; i++) {
                expected.write(("line " + i + "\n").getBytes(StandardCharsets.UTF_8));
            }
            written.put(folder + "spooled/notes.txt", expected.toByteArray());
            w.addDataSubject("12");
        });
        return List.of(first, second);
    }

    @Test
    void campusReadsBackWhatItWroteAndFindsItConsistent() throws IOException {
        Path archive = assemble(twoActivities());

        ArchiveCheck check;
        try (InputStream in = Files.newInputStream(archive)) {
            check = ArchiveChecker.check(in, dir);
        }
        assertNull(check.problem());
        assertEquals(sha256(Files.readAllBytes(archive)), check.sha256());
        assertEquals(Files.size(archive), check.size());
        assertEquals(written.size() + 1, check.entries());
        assertEquals("42", check.jobId());
        assertEquals("course-7", check.courseId());
    }

    @Test
    void commonsCompressSeesTheSameEntriesFormatFirstManifestLast() throws IOException {
        Path archive = assemble(twoActivities());

        List<String> names = new ArrayList<>();
        Map<String, byte[]> read = new LinkedHashMap<>();
        byte[] manifest = null;
        try (TarArchiveInputStream tar = new TarArchiveInputStream(GzipCompressorInputStream.builder()
                .setPath(archive).setDecompressConcatenated(true).get())) {
            for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
                names.add(e.getName());
                byte[] bytes = tar.readAllBytes();
                read.put(e.getName(), bytes);
                if (e.getName().equals(ArchiveLayout.MANIFEST_ENTRY)) {
                    manifest = bytes;
                }
            }
        }
        assertEquals(ArchiveLayout.FORMAT_ENTRY, names.get(0));
        assertEquals(ArchiveLayout.MANIFEST_ENTRY, names.get(names.size() - 1));
        for (Map.Entry<String, byte[]> e : written.entrySet()) {
            assertArrayEquals(e.getValue(), read.get(e.getKey()), e.getKey());
        }
        assertTrue(read.containsKey("activities/002-files-a_b_c/" + LONG_NAME), names.toString());

        JsonNode m = new ObjectMapper().readTree(manifest);
        assertEquals("campus-archive", m.get("format").asText());
        assertEquals("42", m.get("jobId").asText());
        assertEquals("course-7", m.get("courseId").asText());
        assertEquals("0.2.0", m.get("archivers").get(1).get("version").asText());
        assertEquals("activities/001-workflow-17/", m.get("activities").get(0).get("folder").asText());
        assertEquals(3, m.get("activities").get(0).get("entries").asInt());
        assertEquals("[\"12\",\"5\",\"9\"]", m.get("dataSubjects").toString());
        JsonNode entries = m.get("entries");
        assertEquals(names.size() - 1, entries.size(), "every entry but the manifest itself");
        for (JsonNode e : entries) {
            byte[] bytes = read.get(e.get("name").asText());
            assertEquals(bytes.length, e.get("size").asLong());
            assertEquals(sha256(bytes), e.get("sha256").asText());
        }
        assertEquals("text/plain", entries.get(5).get("contentType").asText());
    }

    @Test
    void thePiecesReadInOrderAreTheArchiveByteForByteAndGnuTarListsThem() throws Exception {
        List<Segment> segments = twoActivities();
        byte[] assembled = Files.readAllBytes(assemble(segments));
        Path head = dir.resolve("head.gz");
        Path tail = dir.resolve("tail.gz");
        ArchivePieces pieces = new ArchiveAssembler(6, Clock.fixed(T.plusSeconds(60), ZoneOffset.UTC))
                .prepare(header(), segments, head, tail, dir, true);

        assertEquals(List.of(head, segments.get(0).data(), segments.get(1).data(), tail), pieces.files());
        byte[] read;
        try (InputStream in = pieces.open()) {
            read = in.readAllBytes();
        }
        assertArrayEquals(assembled, read, "no copy is made, yet the bytes are the assembled archive's");
        assertEquals(assembled.length, pieces.size());
        assertEquals(sha256(assembled), pieces.sha256());
        assertEquals(written.size() + 1, pieces.entries(), "the format entry and the activities' entries");
        assertEquals(java.util.Set.of("5", "9", "12"), pieces.dataSubjects());
        assertNull(new ArchiveAssembler(6, Clock.systemUTC()).prepare(header(), segments, head, tail, dir, false)
                .sha256(), "hashed later, as the bytes pass to the driver");

        Path file = dir.resolve("pieces.tar.gz");
        try (InputStream in = ArchivePieces.open(pieces.files())) {
            Files.copy(in, file);
        }
        Process p = new ProcessBuilder("tar", "tzf", file.toString()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), output);
        List<String> names = output.lines().toList();
        assertEquals(ArchiveLayout.FORMAT_ENTRY, names.get(0));
        assertEquals(ArchiveLayout.MANIFEST_ENTRY, names.get(names.size() - 1));
        assertTrue(names.containsAll(written.keySet()), output);
    }

    @Test
    void anEntryWhoseFirstBlockDoesNotCompressIsStoredAndTextIsStillCompressed() throws IOException {
        byte[] random = new byte[1024 * 1024];
        new java.util.Random(7).nextBytes(random);
        byte[] text = "student 7 answered question 3 with a long paragraph\n".repeat(20_000)
                .getBytes(StandardCharsets.UTF_8);
        String folder = ArchiveLayout.activityFolder(1, "files", "1");
        Path[] data = new Path[2];
        int[] storedEntries = new int[2];
        for (int i = 0; i < 2; i++) {
            boolean store = i == 0;
            data[i] = dir.resolve("store-" + store + ".gz");
            try (SegmentWriter w = new SegmentWriter(data[i], dir.resolve("store-" + store + ".index"), folder, 6,
                    store, dir, CopyMonitor.NONE)) {
                w.write("attempt.pdf", "application/pdf", T, new ByteArrayInputStream(random), random.length);
                w.write("answers.txt", "text/plain", T, new ByteArrayInputStream(text), text.length);
                w.finish();
                storedEntries[i] = w.storedCount();
            }
        }
        byte[] stored = Files.readAllBytes(data[0]);
        byte[] compressed = Files.readAllBytes(data[1]);
        byte[] run = java.util.Arrays.copyOfRange(random, 300_000, 304_096);
        assertTrue(indexOf(stored, run) >= 0, "the random entry is stored: its bytes stand in the member as they are");
        assertEquals(1, storedEntries[0], "the random entry, not the text");
        assertEquals(0, storedEntries[1], "without the option every entry goes through deflate's matching");
        assertTrue(compressed.length < random.length + text.length / 20);
        assertTrue(stored.length < random.length + text.length / 20, "the text entry is still compressed: "
                + stored.length);
        written.clear();
        written.put(folder + "attempt.pdf", random);
        written.put(folder + "answers.txt", text);
        Segment segment = new Segment(new ActivityInfo("files", "1", "files-archiver", folder), data[0],
                dir.resolve("store-true.index"));
        Path archive = assemble(List.of(segment));
        ArchiveCheck check;
        try (InputStream in = Files.newInputStream(archive)) {
            check = ArchiveChecker.check(in, dir);
        }
        assertNull(check.problem(), "a member with stored and deflated blocks reads back whole");
        assertEquals(3, check.entries());
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @Test
    void gnuTarListsAndExtractsTheSameBytes() throws Exception {
        Path archive = assemble(twoActivities());
        Path out = Files.createDirectory(dir.resolve("x"));

        Process p = new ProcessBuilder("tar", "-xzf", archive.toString(), "-C", out.toString())
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), output);
        assertEquals("", output.trim(), "no warning from GNU tar");
        for (Map.Entry<String, byte[]> e : written.entrySet()) {
            assertArrayEquals(e.getValue(), Files.readAllBytes(out.resolve(e.getKey())), e.getKey());
        }
        assertTrue(Files.isRegularFile(out.resolve(ArchiveLayout.MANIFEST_ENTRY)));
    }

    @Test
    void aManifestThatDisagreesWithAnEntryIsNamedExactly() throws IOException {
        List<Segment> segments = twoActivities();
        Path index = segments.get(0).index();
        String text = Files.readString(index);
        String records = text.lines().filter(l -> l.contains("records.json")).findFirst().orElseThrow();
        JsonNode line = new ObjectMapper().readTree(records);
        String sha = line.get("entry").get("sha256").asText();
        Files.writeString(index, text.replace(sha, "0".repeat(64)));

        ArchiveCheck check;
        try (InputStream in = Files.newInputStream(assemble(segments))) {
            check = ArchiveChecker.check(in, dir);
        }
        assertEquals("The entry activities/001-workflow-17/records.json has SHA-256 " + sha
                + "; the manifest says " + "0".repeat(64), check.problem());
    }

    @Test
    void aMissingOrExtraEntryIsNamed() throws IOException {
        List<Segment> segments = twoActivities();
        Path index = segments.get(0).index();
        List<String> lines = new ArrayList<>(Files.readAllLines(index));
        lines.removeIf(l -> l.contains("empty.txt"));
        Files.write(index, lines);

        try (InputStream in = Files.newInputStream(assemble(segments))) {
            String problem = ArchiveChecker.check(in, dir).problem();
            assertTrue(problem.contains("activities/001-workflow-17/empty.txt"), problem);
        }
    }

    @Test
    void aDamagedOrTruncatedArchiveIsDamagedYetItsDigestCoversEveryByte() throws IOException {
        byte[] bytes = Files.readAllBytes(assemble(twoActivities()));
        byte[] damaged = bytes.clone();
        damaged[bytes.length / 2] ^= 0x40;
        ArchiveCheck check = ArchiveChecker.check(new ByteArrayInputStream(damaged), dir);
        assertTrue(check.problem().startsWith("The archive is damaged"), check.problem());
        assertEquals(sha256(damaged), check.sha256());
        assertEquals(damaged.length, check.size());

        byte[] truncated = java.util.Arrays.copyOf(bytes, bytes.length - 300);
        ArchiveCheck cut = ArchiveChecker.check(new ByteArrayInputStream(truncated), dir);
        assertFalse(cut.consistent());
        assertEquals(sha256(truncated), cut.sha256());

        ArchiveCheck garbage = ArchiveChecker.check(new ByteArrayInputStream("not an archive".getBytes()), dir);
        assertTrue(garbage.problem().startsWith("The archive is damaged"), garbage.problem());
    }

    @Test
    void membersAreReadToTheEndEvenWhenTheStreamSaysNothingIsAvailable() throws IOException {
        byte[] bytes = Files.readAllBytes(assemble(twoActivities()));
        InputStream trickle = new InputStream() {
            int pos;

            @Override
            public int read() {
                return pos < bytes.length ? bytes[pos++] & 0xff : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (pos >= bytes.length) {
                    return -1;
                }
                int n = Math.min(Math.min(len, 7), bytes.length - pos);
                System.arraycopy(bytes, pos, b, off, n);
                pos += n;
                return n;
            }

            @Override
            public int available() {
                return 0;
            }
        };
        ArchiveCheck check = ArchiveChecker.check(trickle, dir);
        assertNull(check.problem());
        assertEquals(written.size() + 1, check.entries());
    }

    @Test
    void aFailedEntryBreaksTheSegmentAndClosingDeletesIt() throws IOException {
        Path data = dir.resolve("s.gz");
        Path index = dir.resolve("s.index");
        SegmentWriter w = new SegmentWriter(data, index, "activities/001-x-1/", 6, dir, CopyMonitor.NONE);
        IOException shorter = assertThrows(IOException.class,
                () -> w.write("a.bin", null, T, new ByteArrayInputStream(new byte[10]), 11));
        assertTrue(shorter.getMessage().contains("ended after 10 of 11"), shorter.getMessage());
        IllegalStateException after = assertThrows(IllegalStateException.class,
                () -> w.write("b.bin", null, T, new ByteArrayInputStream(new byte[1]), 1));
        assertTrue(after.getMessage().contains("archived again"), after.getMessage());
        assertThrows(IllegalStateException.class, w::finish);
        w.close();
        assertFalse(Files.exists(data));
        assertFalse(Files.exists(index));

        try (SegmentWriter longer = new SegmentWriter(data, index, "activities/001-x-1/", 6, dir, CopyMonitor.NONE)) {
            IOException e = assertThrows(IOException.class,
                    () -> longer.write("a.bin", null, T, new ByteArrayInputStream(new byte[12]), 11));
            assertTrue(e.getMessage().contains("more than the 11 bytes"), e.getMessage());
        }
    }

    @Test
    void hostileAndRepeatedEntryNamesAreRefused() throws IOException {
        try (SegmentWriter w = new SegmentWriter(dir.resolve("s.gz"), dir.resolve("s.index"), "activities/001-x-1/", 6,
                dir, CopyMonitor.NONE)) {
            for (String name : List.of("../escape", "/etc/passwd", "a/../../b", "a//b", "a/", "./a", "a\\b", "c:x",
                    "a\u0000b", "line\nbreak", "", "a/./b")) {
                assertThrows(IllegalArgumentException.class,
                        () -> w.write(name, null, T, new ByteArrayInputStream(new byte[0]), 0), name);
            }
            w.write("ok.txt", null, T, new ByteArrayInputStream(new byte[1]), 1);
            assertThrows(IllegalArgumentException.class,
                    () -> w.write("ok.txt", null, T, new ByteArrayInputStream(new byte[1]), 1));
            assertEquals(1, w.count());
        }
        assertThrows(IllegalArgumentException.class,
                () -> new SegmentWriter(dir.resolve("t.gz"), dir.resolve("t.index"), "../", 6, dir, CopyMonitor.NONE));
    }

    @Test
    void aCancellationFromTheMonitorStopsTheCopy() throws IOException {
        try (SegmentWriter w = new SegmentWriter(dir.resolve("s.gz"), dir.resolve("s.index"), "activities/001-x-1/", 6,
                dir, bytes -> {
                    throw new java.io.InterruptedIOException("cancelled");
                })) {
            assertThrows(java.io.InterruptedIOException.class,
                    () -> w.write("a.bin", null, T, new ByteArrayInputStream(new byte[100]), 100));
        }
    }

    @Test
    void sizesBeyondEightGibibytesAndNamesBeyondUstarGoIntoPaxHeaders() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long huge = 9L * 1024 * 1024 * 1024 + 3;
        TarHeaders.writeFileHeader(out, LONG_NAME, huge, T.getEpochSecond());
        TarReader reader = new TarReader(new ByteArrayInputStream(out.toByteArray()));
        TarReader.Entry e = reader.next();
        assertEquals(LONG_NAME, e.name());
        assertEquals(huge, e.size());
        assertEquals(T.getEpochSecond(), e.mtimeSeconds());

        for (String key : List.of("path", "size")) {
            for (int length = 1; length < 2000; length += 97) {
                String record = TarHeaders.paxRecord(key, "v".repeat(length));
                assertEquals(record.getBytes(StandardCharsets.UTF_8).length,
                        Integer.parseInt(record.substring(0, record.indexOf(' '))), record);
            }
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
