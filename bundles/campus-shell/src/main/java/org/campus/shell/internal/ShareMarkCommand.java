package org.campus.shell.internal;

import java.io.PrintStream;
import java.util.List;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.campus.api.sharing.ShareProgress;
import org.campus.api.sharing.ShareProgressService;

@Service
@Command(scope = "campus", name = "share-mark",
        description = "Marks an in-progress share sent (with the resource URL) or failed (with a message).",
        detailedDescription = "Usage: campus:share-mark <id> sent <resourceUrl>\n"
                + "       campus:share-mark <id> error <message...>")
public class ShareMarkCommand extends CampusAction {

    @Reference
    ShareProgressService shares;

    @Argument(index = 0, name = "id", description = "The share id", required = true)
    @Completion(ShareIdCompleter.class)
    long id;

    @Argument(index = 1, name = "status", description = "sent or error", required = true)
    @Completion(MarkStatusCompleter.class)
    String status;

    @Argument(index = 2, name = "detail", required = true, multiValued = true,
            description = "For sent: the resource URL (absolute http or https). For error: the message, the rest of the line.")
    List<String> detail;

    @Override
    protected void run(PrintStream out) {
        ShareProgress share = MarkRequest.parse(id, status, detail).applyTo(shares);
        out.println("Share " + share.id() + " is now " + share.status().code() + ": " + ShareTables.outcome(share));
    }
}
