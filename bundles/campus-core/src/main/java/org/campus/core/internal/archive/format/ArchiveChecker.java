package org.campus.core.internal.archive.format;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads an archive through once and checks it: gzip and tar intact, the format entry first, the
 * manifest last, and every entry's size and SHA-256 as the manifest lists them (no entry missing,
 * none extra, same order). Computes the SHA-256 of the whole stream on the way, for the time-stamp
 * check, even when the archive turns out to be damaged. The entries read are spooled to a file
 * to compare them with the manifest, so memory stays flat.
 */
public final class ArchiveChecker {

    private ArchiveChecker() {
    }

    public static ArchiveCheck check(InputStream archive, Path spoolDir) throws IOException {
        MessageDigest sha = Gzip.sha256();
        CountingDigestInputStream raw = new CountingDigestInputStream(archive, sha);
        Path seen = Files.createTempFile(spoolDir, "check-", ".lines");
        String problem;
        int[] entries = {0};
        String[] ids = new String[2];
        try {
            problem = read(raw, seen, entries, ids);
        } catch (IOException e) {
            problem = "The archive is damaged: " + e.getMessage();
        } finally {
            try {
                raw.drain();
            } finally {
                Files.deleteIfExists(seen);
            }
        }
        return new ArchiveCheck(problem, HexFormat.of().formatHex(sha.digest()), raw.count, entries[0], ids[0], ids[1]);
    }

    private static String read(InputStream raw, Path seen, int[] entries, String[] ids) throws IOException {
        TarReader tar = new TarReader(new GzipMembersInputStream(raw));
        TarReader.Entry first = tar.next();
        if (first == null || !first.name().equals(ArchiveLayout.FORMAT_ENTRY)) {
            return "Not a Campus archive: the first entry is not " + ArchiveLayout.FORMAT_ENTRY;
        }
        byte[] formatBytes = readSmall(tar.data(), first.size(), ArchiveLayout.FORMAT_ENTRY);
        JsonNode format = IndexLines.JSON.readTree(formatBytes);
        if (!ArchiveLayout.FORMAT.equals(format.path("format").asText())) {
            return "Not a Campus archive: " + ArchiveLayout.FORMAT_ENTRY + " names another format";
        }
        if (format.path("formatVersion").asInt() > ArchiveLayout.FORMAT_VERSION) {
            return "The archive has format version " + format.path("formatVersion").asInt()
                    + ", newer than this Campus reads (" + ArchiveLayout.FORMAT_VERSION + ")";
        }
        ids[0] = format.path("jobId").asText(null);
        ids[1] = format.path("courseId").asText(null);
        try (BufferedWriter out = Files.newBufferedWriter(seen, StandardCharsets.UTF_8)) {
            out.write(line(first.name(), formatBytes.length, HexFormat.of().formatHex(Gzip.sha256().digest(formatBytes))));
            entries[0]++;
            for (TarReader.Entry e = tar.next(); e != null; e = tar.next()) {
                if (e.name().equals(ArchiveLayout.MANIFEST_ENTRY)) {
                    out.close();
                    String problem = compare(tar.data(), seen);
                    if (problem != null) {
                        return problem;
                    }
                    TarReader.Entry after = tar.next();
                    return after == null ? null : "The entry " + after.name() + " follows the manifest";
                }
                MessageDigest sha = Gzip.sha256();
                byte[] buffer = new byte[64 * 1024];
                long size = 0;
                InputStream data = tar.data();
                for (int n = data.read(buffer); n >= 0; n = data.read(buffer)) {
                    sha.update(buffer, 0, n);
                    size += n;
                }
                out.write(line(e.name(), size, HexFormat.of().formatHex(sha.digest())));
                entries[0]++;
            }
        }
        return "The archive has no manifest (" + ArchiveLayout.MANIFEST_ENTRY + "): it is incomplete";
    }

    private static String line(String name, long size, String sha256) {
        return IndexLines.JSON.createObjectNode().put("name", name).put("size", size).put("sha256", sha256) + "\n";
    }

    /** Compares the manifest's entries, streamed, with the entries read, in order. */
    private static String compare(InputStream manifest, Path seen) throws IOException {
        try (JsonParser p = IndexLines.JSON.getFactory().createParser(manifest);
                BufferedReader read = Files.newBufferedReader(seen, StandardCharsets.UTF_8)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return "The manifest is not a JSON object";
            }
            boolean sawEntries = false;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.getCurrentName();
                p.nextToken();
                if (!field.equals("entries")) {
                    p.skipChildren();
                    continue;
                }
                sawEntries = true;
                if (p.currentToken() != JsonToken.START_ARRAY) {
                    return "The manifest's entries are not a list";
                }
                while (p.nextToken() == JsonToken.START_OBJECT) {
                    JsonNode listed = IndexLines.JSON.readTree(p);
                    String name = listed.path("name").asText();
                    String actualLine = read.readLine();
                    if (actualLine == null) {
                        return "The manifest lists " + name + ", which the archive lacks";
                    }
                    JsonNode actual = IndexLines.JSON.readTree(actualLine);
                    if (!actual.get("name").asText().equals(name)) {
                        return "The entry " + actual.get("name").asText() + " is not where the manifest lists "
                                + name + " (an entry was added, removed or renamed)";
                    }
                    if (actual.get("size").asLong() != listed.path("size").asLong(-1)) {
                        return "The entry " + name + " has " + actual.get("size").asLong() + " bytes; the manifest says "
                                + listed.path("size").asLong(-1);
                    }
                    if (!actual.get("sha256").asText().equals(listed.path("sha256").asText())) {
                        return "The entry " + name + " has SHA-256 " + actual.get("sha256").asText()
                                + "; the manifest says " + listed.path("sha256").asText();
                    }
                }
            }
            if (!sawEntries) {
                return "The manifest lists no entries";
            }
            String extra = read.readLine();
            if (extra != null) {
                return "The entry " + IndexLines.JSON.readTree(extra).get("name").asText() + " is not in the manifest";
            }
            return null;
        }
    }

    private static byte[] readSmall(InputStream in, long size, String name) throws IOException {
        if (size > 1024 * 1024) {
            throw new IOException("The entry " + name + " is larger than it can be");
        }
        return in.readNBytes((int) size);
    }

    /** Counts and digests every byte read, and reads what is left at the end. */
    private static final class CountingDigestInputStream extends FilterInputStream {
        private final MessageDigest digest;
        long count;

        CountingDigestInputStream(InputStream in, MessageDigest digest) {
            super(in);
            this.digest = digest;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                digest.update((byte) b);
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) {
                digest.update(b, off, n);
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            byte[] buffer = new byte[8192];
            long skipped = 0;
            while (skipped < n) {
                int r = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
                if (r < 0) {
                    break;
                }
                skipped += r;
            }
            return skipped;
        }

        void drain() throws IOException {
            byte[] buffer = new byte[64 * 1024];
            while (read(buffer, 0, buffer.length) >= 0) {
                // the digest covers the rest
            }
        }
    }
}
