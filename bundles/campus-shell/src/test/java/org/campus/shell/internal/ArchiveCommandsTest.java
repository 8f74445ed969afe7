package org.campus.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.campus.api.ConflictException;
import org.campus.api.NotFoundException;
import org.campus.api.Page;
import org.campus.api.PageRequest;
import org.campus.api.archive.ArchiveJob;
import org.campus.api.archive.ArchiveService;
import org.campus.api.archive.ArchiveVerification;
import org.campus.api.archive.NewArchiveJob;
import org.campus.api.workflow.LmsId;
import org.junit.jupiter.api.Test;

class ArchiveCommandsTest {

    private final FakeArchives archives = new FakeArchives();
    private final FakeSecurity.Audit audit = new FakeSecurity.Audit();
    private final Output output = new Output();

    private static ArchiveJob job(long id, String state, String reason) {
        return new ArchiveJob(id, 50 + id, LmsId.of(12), "moodle (key k1)", state, state.equals("completed") ? 100 : 30,
                true, "filesystem", List.of(new ArchiveJob.Activity("workflow", "17", false, "archived", "workflow", 4,
                        List.of(), null)), reason,
                state.equals("completed") ? new ArchiveJob.Stored("courses/c12/archive-" + id + ".tar.gz", 2048,
                        "ab".repeat(32), Instant.parse("2026-12-02T10:00:00Z"), "CN=Test TSA") : null,
                Instant.parse("2026-12-02T09:59:00Z"), null, LmsId.of(42));
    }

    /** Answers from a list of jobs and records the calls. */
    private static final class FakeArchives implements ArchiveService {
        final List<ArchiveJob> jobs = new ArrayList<>();
        final List<String> calls = new ArrayList<>();
        String lastCourse;
        LmsId lastUser;

        private ArchiveJob get(long id) {
            return jobs.stream().filter(j -> j.id() == id).findFirst()
                    .orElseThrow(() -> NotFoundException.of("archive job", id));
        }

        @Override
        public ArchiveJob create(NewArchiveJob job, String owner) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ArchiveJob start(long id) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ArchiveJob.Upload upload(long id, int activity, String name, String contentType, long offset,
                boolean last, InputStream data) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<ArchiveJob> find(long id) {
            return jobs.stream().filter(j -> j.id() == id).findFirst();
        }

        @Override
        public Page<ArchiveJob> list(String courseId, String owner, LmsId userId, PageRequest page) {
            calls.add("list");
            lastCourse = courseId;
            lastUser = userId;
            return new Page<>(jobs, "more");
        }

        @Override
        public InputStream openArchive(long id) {
            throw new UnsupportedOperationException();
        }

        @Override
        public InputStream openTimestamp(long id) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ArchiveVerification verify(long id) {
            calls.add("verify " + id);
            ArchiveJob j = get(id);
            if (j.stored() == null) {
                throw new ConflictException("archive job " + id + " is " + j.state() + "; it has no stored archive");
            }
            return new ArchiveVerification(false, "the entry activities/001-workflow-17/records.json differs", null,
                    null);
        }

        @Override
        public ArchiveJob cancel(long id) {
            calls.add("cancel " + id);
            return job(id, "running", null);
        }

        @Override
        public void report(long id, int activity, String token, org.campus.api.archive.WorkerReport report) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void delete(long id) {
            calls.add("delete " + id);
            get(id);
        }
    }

    @Test
    void listAndShowPrintTheJobsActivitiesAndTheStoredArchive() throws Exception {
        archives.jobs.add(job(7, "completed", null));
        archives.jobs.add(job(8, "failed", "No archiver for activity type 'quiz' is registered"));
        ArchiveListCommand list = new ArchiveListCommand();
        list.archives = archives;
        list.course = "12";
        list.user = "42";
        assertTrue(output.run(list));
        ArchiveShowCommand show = new ArchiveShowCommand();
        show.archives = archives;
        show.id = 7;
        assertTrue(output.run(show));

        String out = output.out();
        assertTrue(out.lines().anyMatch(l -> l.contains("8") && l.contains("failed") && l.contains("'quiz'")), out);
        assertTrue(out.contains("Next cursor: more"), out);
        assertEquals("12", archives.lastCourse);
        assertEquals("42", archives.lastUser.value());
        assertTrue(out.lines().anyMatch(l -> l.contains("User") && l.contains("42")), out);
        assertTrue(out.contains("courses/c12/archive-7.tar.gz"), out);
        assertTrue(out.contains("CN=Test TSA"), out);
        assertTrue(out.lines().anyMatch(l -> l.contains("workflow") && l.contains("archived")), out);
    }

    @Test
    void verifyPrintsTheVerdictAndARefusalIsAnError() throws Exception {
        archives.jobs.add(job(7, "completed", null));
        archives.jobs.add(job(9, "running", null));
        ArchiveVerifyCommand verify = new ArchiveVerifyCommand();
        verify.archives = archives;
        verify.id = 7;
        assertTrue(output.run(verify));
        assertTrue(output.out().startsWith("INVALID: the entry activities/001-workflow-17/records.json differs"),
                output.out());
        verify.id = 9;
        assertFalse(output.run(verify));
        assertTrue(output.err().contains("no stored archive"), output.err());
    }

    @Test
    void cancelAndDeleteAreAudited() throws Exception {
        archives.jobs.add(job(7, "completed", null));
        ArchiveCancelCommand cancel = new ArchiveCancelCommand();
        cancel.archives = archives;
        cancel.audit = audit;
        cancel.id = 7;
        assertTrue(output.run(cancel));
        assertTrue(output.out().contains("asked to stop"), output.out());
        ArchiveDeleteCommand delete = new ArchiveDeleteCommand();
        delete.archives = archives;
        delete.audit = audit;
        delete.id = 7;
        assertTrue(output.run(delete));
        delete.id = 99;
        assertFalse(output.run(delete));
        assertEquals(List.of("cancel 7", "delete 7", "delete 99"), archives.calls);
        assertEquals(List.of("archive-cancel", "archive-delete"), audit.entries.stream().map(e -> e.action()).toList());
    }
}
