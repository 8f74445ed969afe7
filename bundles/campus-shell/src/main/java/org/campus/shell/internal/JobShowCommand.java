package org.campus.shell.internal;

import java.io.PrintStream;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.campus.api.NotFoundException;
import org.campus.api.job.JobService;

@Service
@Command(scope = "campus", name = "job-show", description = "Shows one job: state, progress, attempts, checkpoint, reason.")
public class JobShowCommand extends CampusAction {

    @Reference
    JobService jobs;

    @Argument(index = 0, name = "id", description = "The job id", required = true)
    @Completion(JobIdCompleter.class)
    long id;

    @Override
    protected void run(PrintStream out) {
        JobTables.details(jobs.find(id).orElseThrow(() -> NotFoundException.of("job", id))).print(out);
    }
}
