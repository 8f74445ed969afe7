package org.campus.shell.internal;

import java.io.PrintStream;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.campus.api.Page;
import org.campus.api.PageRequest;
import org.campus.api.job.Job;
import org.campus.api.job.JobQuery;
import org.campus.api.job.JobService;

@Service
@Command(scope = "campus", name = "job-list", description = "Lists jobs, newest first, one page at a time.")
public class JobListCommand extends CampusAction {

    @Reference
    JobService jobs;

    @Option(name = "--type", aliases = "-t", description = "Only jobs of this type, e.g. privacy.user-erasure")
    String type;

    @Option(name = "--owner", aliases = "-o", description = "Only jobs asked for by this actor")
    String owner;

    @Option(name = "--state", aliases = "-s", description = "Only jobs in this state: queued, running, completed,"
            + " failed or cancelled")
    @Completion(JobStateCompleter.class)
    String state;

    @Option(name = "--limit", aliases = "-n", description = "How many jobs to list (1 to 500)")
    int limit = PageRequest.DEFAULT_LIMIT;

    @Option(name = "--cursor", description = "Where to continue, as printed after the previous page")
    String cursor;

    @Override
    protected void run(PrintStream out) {
        Page<Job> page = jobs.list(new JobQuery(type, owner, JobCodes.state(state), null, null),
                new PageRequest(limit, cursor));
        JobTables.list(page.items()).print(out);
        if (page.next() != null) {
            out.println("Next cursor: " + page.next());
        }
    }
}
