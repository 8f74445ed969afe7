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
@Command(scope = "campus", name = "job-retry",
        description = "Queues a failed job again; the new attempt resumes after its last finished step.")
public class JobRetryCommand extends CampusAction {

    @Reference
    JobService jobs;

    @Reference(optional = true)
    AuditService audit;

    @Argument(index = 0, name = "id", description = "The job id", required = true)
    @Completion(JobIdCompleter.class)
    long id;

    @Override
    protected void run(PrintStream out) {
        Job job = jobs.retry(id);
        ConsoleAudit.record(audit, "job-retry", "/jobs/" + id, null);
        out.println("Job " + id + " queued as attempt " + job.attempt()
                + (job.checkpoint() == null ? ", from its start." : ", resuming after step " + job.checkpoint() + "."));
    }
}
