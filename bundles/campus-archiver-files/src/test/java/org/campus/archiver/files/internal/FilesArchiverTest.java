package org.campus.archiver.files.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.campus.spi.archiver.ActivityArchiver;
import org.campus.spi.archiver.ArchiveResult;
import org.campus.testkit.archiver.ActivityArchiverContract;
import org.campus.testkit.archiver.RecordingArchiveContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class FilesArchiverTest extends ActivityArchiverContract {

    @TempDir
    Path dir;

    @Override
    protected ActivityArchiver archiver() {
        return new FilesArchiver();
    }

    @Override
    protected RecordingArchiveContext.Builder typicalActivity() throws Exception {
        Path pdf = Files.write(dir.resolve("attempt.pdf"), "%PDF-1.7 attempt of user 5".getBytes());
        return RecordingArchiveContext.builder("files", "17")
                .upload("attempts/5/attempt.pdf", pdf, "application/pdf")
                .upload("submissions/Übung 1 (final).txt", "an essay".getBytes(), null);
    }

    @Test
    void streamsEveryUploadIntoAnEntryAndIndexesThem() throws Exception {
        RecordingArchiveContext context = typicalActivity().build();

        ArchiveResult result = archiver().archive(context);

        assertEquals(ArchiveResult.Outcome.SUCCEEDED, result.outcome());
        assertEquals(List.of("files/attempts/5/attempt.pdf", "files/submissions/Übung 1 (final).txt", "files.json"),
                List.copyOf(context.entriesWritten().keySet()));
        assertArrayEquals("%PDF-1.7 attempt of user 5".getBytes(),
                context.entry("files/attempts/5/attempt.pdf").bytes());
        assertEquals("application/pdf", context.entry("files/attempts/5/attempt.pdf").contentType());
        assertEquals("application/octet-stream",
                context.entry("files/submissions/Übung 1 (final).txt").contentType());
        JsonNode index = new ObjectMapper().readTree(context.entry("files.json").bytes());
        assertEquals(2, index.get("files").size());
        assertEquals(context.uploads().get(0).sha256(), index.get("files").get(0).get("sha256").asText());
        assertEquals("files/attempts/5/attempt.pdf", index.get("files").get(0).get("entry").asText());
        assertEquals(context.progressSteps(), context.progressDone());
        assertEquals(26 + 8, context.progressDone(), "progress counts bytes");
    }

    @Test
    void stopsBetweenFilesWhenCancelledMidway() throws Exception {
        AtomicInteger checks = new AtomicInteger();
        RecordingArchiveContext context = typicalActivity().cancelledWhen(() -> checks.incrementAndGet() > 1).build();

        ArchiveResult result = archiver().archive(context);

        assertEquals(ArchiveResult.Outcome.CANCELLED, result.outcome());
        assertEquals(List.of("files/attempts/5/attempt.pdf"), List.copyOf(context.entriesWritten().keySet()));
    }

    @Test
    void anActivityWithoutUploadsIsArchivedAsAnEmptyIndexWithAWarning() throws Exception {
        RecordingArchiveContext context = RecordingArchiveContext.builder("files", "18").build();
        assertEquals(ArchiveResult.Outcome.SUCCEEDED, archiver().archive(context).outcome());
        assertEquals(0, new ObjectMapper().readTree(context.entry("files.json").bytes()).get("files").size());
        assertTrue(context.logLines().get(0).startsWith("WARN No file was uploaded for activity files 18"),
                context.logLines().toString());
    }
}
