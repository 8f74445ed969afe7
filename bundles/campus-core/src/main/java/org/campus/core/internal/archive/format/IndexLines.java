package org.campus.core.internal.archive.format;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A segment's index: one JSON object per line, {@code {"entry": {...}}} for each entry written and
 * {@code {"subject": "<user id>"}} for each data subject declared, in the order they happened.
 */
final class IndexLines {

    static final ObjectMapper JSON = new ObjectMapper();

    private IndexLines() {
    }

    static String entryLine(EntryRecord e) {
        ObjectNode n = JSON.createObjectNode();
        ObjectNode entry = n.putObject("entry");
        entry.put("name", e.name()).put("size", e.size()).put("sha256", e.sha256())
                .put("contentType", e.contentType()).put("modified", e.modified().toString());
        return n.toString();
    }

    static String subjectLine(String userId) {
        return JSON.createObjectNode().put("subject", userId).toString();
    }

    /** Reads an index file line by line. */
    static final class Reader implements Closeable {
        private final BufferedReader in;

        Reader(Path index) throws IOException {
            this.in = Files.newBufferedReader(index, StandardCharsets.UTF_8);
        }

        /** The next line as JSON, or {@code null} at the end. */
        JsonNode next() throws IOException {
            String line = in.readLine();
            while (line != null && line.isBlank()) {
                line = in.readLine();
            }
            return line == null ? null : JSON.readTree(line);
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    static EntryRecord entry(JsonNode entry) {
        return new EntryRecord(entry.get("name").asText(), entry.get("size").asLong(), entry.get("sha256").asText(),
                entry.get("contentType").asText(), Instant.parse(entry.get("modified").asText()));
    }

    static void writeLine(Writer w, String line) {
        try {
            w.write(line);
            w.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
