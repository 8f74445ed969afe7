package org.campus.shell.internal;

import java.io.PrintStream;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.campus.api.NotFoundException;
import org.campus.api.sharing.ShareProgress;
import org.campus.api.sharing.ShareProgressService;

@Service
@Command(scope = "campus", name = "share-show", description = "Shows one share and its status timeline.")
public class ShareShowCommand extends CampusAction {

    @Reference
    ShareProgressService shares;

    @Argument(index = 0, name = "id", description = "The share id", required = true)
    @Completion(ShareIdCompleter.class)
    long id;

    @Override
    protected void run(PrintStream out) {
        ShareProgress share = shares.find(id).orElseThrow(() -> NotFoundException.of("share", id));
        ShareTables.details(share).print(out);
        out.println();
        out.println("Timeline:");
        ShareTables.timeline(shares.timeline(id)).print(out);
    }
}
