package org.campus.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.List;

import org.apache.karaf.shell.api.console.Session;
import org.campus.api.job.JobLogEntry;
import org.campus.api.job.JobLogLevel;
import org.campus.api.job.JobQuery;
import org.campus.api.job.JobState;
import org.junit.jupiter.api.Test;

class JobCommandsTest {

    private final FakeJobService jobs = new FakeJobService();
    private final FakeSecurity.Audit audit = new FakeSecurity.Audit();
    private final Output output = new Output();

    private static Session answering(String answer) {
        return (Session) Proxy.newProxyInstance(Session.class.getClassLoader(), new Class<?>[] {Session.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("readLine")) {
                        return answer;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void listShowsOneRowPerJobWithItsFilters() throws Exception {
        jobs.add(1, JobState.RUNNING, "share-progress", null);
        jobs.add(2, JobState.FAILED, "share-progress", "provider files is not registered");
        JobListCommand command = new JobListCommand();
        command.jobs = jobs;
        command.state = " Failed ";
        command.owner = "admin";
        command.limit = 1;

        assertTrue(output.run(command));

        String out = output.out();
        assertTrue(out.lines().anyMatch(l -> l.contains("privacy.user-erasure") && l.contains("running")), out);
        assertTrue(out.contains("provider files is not registered"), out);
        assertTrue(out.contains("Next cursor: more"), out);
        assertEquals(new JobQuery(null, "admin", JobState.FAILED, null, null), jobs.lastQuery);
    }

    @Test
    void aBadStateIsRefusedNamingTheChoices() throws Exception {
        JobListCommand command = new JobListCommand();
        command.jobs = jobs;
        command.state = "sleeping";

        assertFalse(output.run(command));

        assertEquals("Error: state: must be one of queued, running, completed, failed, cancelled",
                output.err().strip());
        assertEquals(List.of(), jobs.calls);
    }

    @Test
    void showPrintsEveryFieldAndTheLogItsEntries() throws Exception {
        jobs.add(4, JobState.RUNNING, "share-progress", null);
        jobs.log.add(new JobLogEntry(1, 4, FakeJobService.T, JobLogLevel.WARN, 2, "provider files failed: disk full"));
        JobShowCommand show = new JobShowCommand();
        show.jobs = jobs;
        show.id = 4;
        JobLogCommand log = new JobLogCommand();
        log.jobs = jobs;
        log.id = 4;
        log.level = "warn";

        output.run(show);
        output.run(log);

        String out = output.out();
        assertTrue(out.contains("40% (2 of 5 steps)"), out);
        assertTrue(out.lines().anyMatch(l -> l.contains("Last finished step") && l.contains("share-progress")), out);
        assertTrue(out.contains("userId=42"), out);
        assertTrue(out.lines().anyMatch(l -> l.contains("warn") && l.contains("provider files failed: disk full")), out);
        assertEquals(JobLogLevel.WARN, jobs.lastLevel);
    }

    @Test
    void anUnknownJobIsAnErrorLine() throws Exception {
        JobShowCommand show = new JobShowCommand();
        show.jobs = jobs;
        show.id = 99;

        assertFalse(output.run(show));

        assertEquals("Error: job 99 does not exist", output.err().strip());
    }

    @Test
    void cancelRetryAndDeleteAreAuditedAndTheirConflictsShown() throws Exception {
        jobs.add(5, JobState.RUNNING, null, null);
        jobs.add(6, JobState.FAILED, "step 2", "broke");
        JobCancelCommand cancel = new JobCancelCommand();
        cancel.jobs = jobs;
        cancel.audit = audit;
        cancel.id = 5;
        JobRetryCommand retry = new JobRetryCommand();
        retry.jobs = jobs;
        retry.audit = audit;
        retry.id = 6;
        JobRetryCommand retryRunning = new JobRetryCommand();
        retryRunning.jobs = jobs;
        retryRunning.id = 5;

        assertTrue(output.run(cancel));
        assertTrue(output.run(retry));
        assertFalse(output.run(retryRunning));

        String out = output.out();
        assertTrue(out.contains("Job 5 asked to stop; it ends cancelled at its next check."), out);
        assertTrue(out.contains("Job 6 queued as attempt 2, resuming after step step 2."), out);
        assertTrue(output.err().contains("only a failed job can be retried"), output.err());
        assertEquals(List.of("job-cancel", "job-retry"), audit.entries.stream().map(e -> e.action()).toList());
    }

    @Test
    void deleteAsksUnlessForcedAndOnlyEndedJobsGo() throws Exception {
        jobs.add(7, JobState.COMPLETED, null, null);
        jobs.add(8, JobState.RUNNING, null, null);
        JobDeleteCommand keep = new JobDeleteCommand();
        keep.jobs = jobs;
        keep.session = answering("no");
        keep.id = 7;
        JobDeleteCommand delete = new JobDeleteCommand();
        delete.jobs = jobs;
        delete.session = answering("yes");
        delete.audit = audit;
        delete.id = 7;
        JobDeleteCommand running = new JobDeleteCommand();
        running.jobs = jobs;
        running.force = true;
        running.id = 8;

        output.run(keep);
        assertTrue(jobs.find(7).isPresent());
        output.run(delete);
        assertFalse(output.run(running));

        assertTrue(jobs.find(7).isEmpty());
        assertTrue(jobs.find(8).isPresent());
        assertTrue(output.out().contains("Aborted: nothing was deleted."), output.out());
        assertTrue(output.out().contains("Job 7 deleted."), output.out());
        assertEquals(List.of("job-delete"), audit.entries.stream().map(e -> e.action()).toList());
    }

    @Test
    void theCompleterOffersRecentIds() {
        jobs.add(3, JobState.COMPLETED, null, null);
        jobs.add(4, JobState.QUEUED, null, null);
        JobIdCompleter completer = new JobIdCompleter();
        completer.jobs = jobs;

        assertEquals(List.of("3", "4"), completer.recentIds());
    }
}
