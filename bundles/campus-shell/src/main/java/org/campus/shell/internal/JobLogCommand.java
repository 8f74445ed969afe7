package org.campus.shell.internal;

import java.io.PrintStream;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.campus.api.Page;
import org.campus.api.PageRequest;
import org.campus.api.job.JobLogEntry;
import org.campus.api.job.JobService;

@Service
@Command(scope = "campus", name = "job-log", description = "Shows a job's log, oldest first, one page at a time.")
public class JobLogCommand extends CampusAction {

    @Reference
    JobService jobs;

    @Argument(index = 0, name = "id", description = "The job id", required = true)
    @Completion(JobIdCompleter.class)
    long id;

    @Option(name = "--level", aliases = "-l", description = "Only entries of this level or more severe: debug, info,"
            + " warn or error")
    @Completion(JobLogLevelCompleter.class)
    String level;

    @Option(name = "--limit", aliases = "-n", description = "How many entries to show (1 to 500)")
    int limit = PageRequest.MAX_LIMIT;

    @Option(name = "--cursor", description = "Where to continue, as printed after the previous page")
    String cursor;

    @Override
    protected void run(PrintStream out) {
        Page<JobLogEntry> page = jobs.log(id, JobCodes.level(level), new PageRequest(limit, cursor));
        JobTables.log(page.items()).print(out);
        if (page.next() != null) {
            out.println("Next cursor: " + page.next());
        }
    }
}
