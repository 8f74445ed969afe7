package org.campus.testkit.archiver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.campus.spi.archiver.ActivityArchiver;
import org.campus.spi.archiver.ArchiveResult;
import org.campus.spi.archiver.EntryNames;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link ActivityArchiver} keeps. Extend it in your archiver's tests:
 * {@link #archiver()} makes the archiver, {@link #typicalActivity()} a context for an activity it
 * can archive, with the input it needs. It checks: a typical activity is archived (or handed to a
 * worker) without an exception, into valid entry names; a cancelled context stops it with a
 * cancelled result; archiving the same activity again writes the same entries (the core repeats
 * an activity after a crash or a retry); health answers.
 */
public abstract class ActivityArchiverContract {

    protected abstract ActivityArchiver archiver() throws Exception;

    /** A context for an activity the archiver can archive; called anew for every run. */
    protected abstract RecordingArchiveContext.Builder typicalActivity() throws Exception;

    @Test
    protected void archivesATypicalActivity() throws Exception {
        RecordingArchiveContext context = typicalActivity().build();
        ArchiveResult result = archiver().archive(context);
        assertNotNull(result, "archive() returns a result made by context.result()");
        assertTrue(result.outcome() == ArchiveResult.Outcome.SUCCEEDED
                || result.outcome() == ArchiveResult.Outcome.AWAITING_WORKER, "outcome " + result.outcome() + " "
                        + result.message().orElse(""));
        if (result.outcome() == ArchiveResult.Outcome.SUCCEEDED) {
            assertTrue(!context.entriesWritten().isEmpty(), "a succeeded activity wrote entries");
        }
        context.entriesWritten().keySet().forEach(EntryNames::check);
    }

    @Test
    protected void stopsWithACancelledResultWhenCancelled() throws Exception {
        RecordingArchiveContext context = typicalActivity().cancelled().build();
        ArchiveResult result = archiver().archive(context);
        assertEquals(ArchiveResult.Outcome.CANCELLED, result.outcome());
        assertTrue(context.cancellationChecks() > 0, "the archiver asked isCancelled()");
    }

    @Test
    protected void archivingAgainWritesTheSameEntries() throws Exception {
        RecordingArchiveContext first = typicalActivity().build();
        RecordingArchiveContext second = typicalActivity().build();
        ActivityArchiver archiver = archiver();
        archiver.archive(first);
        archiver.archive(second);
        assertEquals(List.copyOf(first.entriesWritten().keySet()), List.copyOf(second.entriesWritten().keySet()));
    }

    @Test
    protected void healthAnswers() throws Exception {
        assertNotNull(archiver().health());
    }
}
