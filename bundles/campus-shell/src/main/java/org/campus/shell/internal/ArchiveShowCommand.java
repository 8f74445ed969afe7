package org.campus.shell.internal;

import java.io.PrintStream;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.campus.api.NotFoundException;
import org.campus.api.archive.ArchiveJob;
import org.campus.api.archive.ArchiveService;

@Service
@Command(scope = "campus", name = "archive-show",
        description = "Shows an archive job: state, progress, the stored archive, and its activities.")
public class ArchiveShowCommand extends CampusAction {

    @Reference
    ArchiveService archives;

    @Argument(index = 0, name = "id", description = "The archive job id", required = true)
    @Completion(ArchiveIdCompleter.class)
    long id;

    @Override
    protected void run(PrintStream out) {
        ArchiveJob job = archives.find(id).orElseThrow(() -> NotFoundException.of("archive job", id));
        ArchiveTables.fields(job).print(out);
        out.println();
        ArchiveTables.activities(job).print(out);
    }
}
