package org.campus.shell.internal;

import java.util.List;
import java.util.stream.Collectors;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.campus.api.CampusException;
import org.campus.api.PageRequest;
import org.campus.api.archive.ArchiveService;

/** Completes archive job ids with the ids of the most recent archive jobs. */
@Service
public class ArchiveIdCompleter implements Completer {

    static final int RECENT = 50;

    @Reference
    ArchiveService archives;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        return new StringsCompleter(recentIds()).complete(session, commandLine, candidates);
    }

    List<String> recentIds() {
        try {
            return archives.list(null, null, PageRequest.first(RECENT)).items().stream()
                    .map(job -> Long.toString(job.id())).collect(Collectors.toList());
        } catch (CampusException e) {
            return List.of();
        }
    }
}
