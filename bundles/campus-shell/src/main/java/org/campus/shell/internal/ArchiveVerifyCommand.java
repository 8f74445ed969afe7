package org.campus.shell.internal;

import java.io.PrintStream;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.campus.api.archive.ArchiveService;
import org.campus.api.archive.ArchiveVerification;

@Service
@Command(scope = "campus", name = "archive-verify",
        description = "Re-reads a stored archive and checks it against its manifest and its RFC 3161 time-stamp.")
public class ArchiveVerifyCommand extends CampusAction {

    @Reference
    ArchiveService archives;

    @Argument(index = 0, name = "id", description = "The archive job id", required = true)
    @Completion(ArchiveIdCompleter.class)
    long id;

    @Override
    protected void run(PrintStream out) throws Exception {
        ArchiveVerification v = archives.verify(id);
        out.println((v.valid() ? "VALID: " : "INVALID: ") + v.reason());
    }
}
