package org.campus.shell.internal;

import java.io.PrintStream;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.campus.api.job.JobService;
import org.campus.api.security.AuditService;

@Service
@Command(scope = "campus", name = "job-delete",
        description = "Deletes an ended job with its log. Asks for confirmation unless --force.")
public class JobDeleteCommand extends CampusAction {

    @Reference
    JobService jobs;

    @Reference(optional = true)
    AuditService audit;

    @Reference
    Session session;

    @Argument(index = 0, name = "id", description = "The job id", required = true)
    @Completion(JobIdCompleter.class)
    long id;

    @Option(name = "--force", aliases = "-f", description = "Delete without asking for confirmation")
    boolean force;

    @Override
    protected void run(PrintStream out) throws Exception {
        if (!force && !Confirmation.ask(session, "Delete job " + id + " and its log? This cannot be undone.")) {
            out.println("Aborted: nothing was deleted.");
            return;
        }
        jobs.delete(id);
        ConsoleAudit.record(audit, "job-delete", "/jobs/" + id, null);
        out.println("Job " + id + " deleted.");
    }
}
