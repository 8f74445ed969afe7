package org.campus.shell.internal;

import java.io.PrintStream;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.campus.api.archive.ArchiveService;
import org.campus.api.security.AuditService;

@Service
@Command(scope = "campus", name = "archive-delete",
        description = "Deletes an archive job that is open or has ended, with its uploads, its stored archive and time-stamp.")
public class ArchiveDeleteCommand extends CampusAction {

    @Reference
    ArchiveService archives;

    @Reference(optional = true)
    AuditService audit;

    @Argument(index = 0, name = "id", description = "The archive job id", required = true)
    @Completion(ArchiveIdCompleter.class)
    long id;

    @Override
    protected void run(PrintStream out) {
        archives.delete(id);
        ConsoleAudit.record(audit, "archive-delete", "/archive/jobs/" + id, null);
        out.println("Archive job " + id + " deleted, with its stored archive.");
    }
}
