package org.campus.shell.internal;

import java.io.PrintStream;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.campus.api.archive.ArchiveJob;
import org.campus.api.archive.ArchiveService;
import org.campus.api.security.AuditService;

@Service
@Command(scope = "campus", name = "archive-cancel",
        description = "Cancels an archive job: an open or queued one at once, a running one at its next check.")
public class ArchiveCancelCommand extends CampusAction {

    @Reference
    ArchiveService archives;

    @Reference(optional = true)
    AuditService audit;

    @Argument(index = 0, name = "id", description = "The archive job id", required = true)
    @Completion(ArchiveIdCompleter.class)
    long id;

    @Override
    protected void run(PrintStream out) {
        ArchiveJob job = archives.cancel(id);
        ConsoleAudit.record(audit, "archive-cancel", "/archive/jobs/" + id, null);
        out.println(job.isEnded() ? "Archive job " + id + " cancelled."
                : "Archive job " + id + " asked to stop; it ends cancelled at its next check.");
    }
}
