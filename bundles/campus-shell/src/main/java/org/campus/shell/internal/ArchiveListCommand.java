package org.campus.shell.internal;

import java.io.PrintStream;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.campus.api.Page;
import org.campus.api.PageRequest;
import org.campus.api.archive.ArchiveJob;
import org.campus.api.archive.ArchiveService;
import org.campus.api.workflow.LmsId;

@Service
@Command(scope = "campus", name = "archive-list", description = "Lists archive jobs, newest first, one page at a time.")
public class ArchiveListCommand extends CampusAction {

    @Reference
    ArchiveService archives;

    @Option(name = "--course", aliases = "-c", description = "Only jobs of this LMS course")
    String course;

    @Option(name = "--owner", aliases = "-o", description = "Only jobs asked for by this actor")
    String owner;

    @Option(name = "--user", aliases = "-u", description = "Only jobs made for this LMS user (the job's userId)")
    String user;

    @Option(name = "--limit", aliases = "-n", description = "How many jobs to list (1 to 500)")
    int limit = PageRequest.DEFAULT_LIMIT;

    @Option(name = "--cursor", description = "Where to continue, as printed after the previous page")
    String cursor;

    @Override
    protected void run(PrintStream out) {
        Page<ArchiveJob> page = archives.list(course, owner, user == null ? null : LmsId.of(user),
                new PageRequest(limit, cursor));
        ArchiveTables.list(page.items()).print(out);
        if (page.next() != null) {
            out.println("Next cursor: " + page.next());
        }
    }
}
