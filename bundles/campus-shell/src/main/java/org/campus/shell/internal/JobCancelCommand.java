package org.campus.shell.internal;

import java.io.PrintStream;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.campus.api.job.Job;
import org.campus.api.job.JobService;
import org.campus.api.security.AuditService;

@Service
@Command(scope = "campus", name = "job-cancel",
        description = "Cancels a job: a queued one at once, a running one at its next check.")
public class JobCancelCommand extends CampusAction {

    @Reference
    JobService jobs;

    @Reference(optional = true)
    AuditService audit;

    @Argument(index = 0, name = "id", description = "The job id", required = true)
    @Completion(JobIdCompleter.class)
    long id;

    @Override
    protected void run(PrintStream out) {
        Job job = jobs.cancel(id);
        ConsoleAudit.record(audit, "job-cancel", "/jobs/" + id, null);
        out.println(job.state().isEnded() ? "Job " + id + " cancelled."
                : "Job " + id + " asked to stop; it ends cancelled at its next check.");
    }
}
