package org.campus.shell.internal;

import java.io.PrintStream;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.campus.api.Page;
import org.campus.api.PageRequest;
import org.campus.api.sharing.ShareProgress;
import org.campus.api.sharing.ShareProgressService;
import org.campus.api.sharing.ShareQuery;

@Service
@Command(scope = "campus", name = "share-list", description = "Lists shares, newest first, one page at a time.")
public class ShareListCommand extends CampusAction {

    @Reference
    ShareProgressService shares;

    @Option(name = "--user", aliases = "-u", description = "Only the shares of this LMS user id")
    String userId;

    @Option(name = "--course", aliases = "-c", description = "Only the shares of this LMS course id")
    String courseId;

    @Option(name = "--status", aliases = "-s", description = "Only the shares in this status: in_progress, sent or error")
    @Completion(ShareStatusCompleter.class)
    String status;

    @Option(name = "--limit", aliases = "-n", description = "How many shares to list (1 to 500)")
    int limit = PageRequest.DEFAULT_LIMIT;

    @Option(name = "--cursor", description = "Where to continue, as printed after the previous page")
    String cursor;

    @Override
    protected void run(PrintStream out) {
        ShareQuery query = new ShareQuery(ConsoleIds.lmsId(userId), ConsoleIds.lmsId(courseId),
                StatusCodes.filter(status), null, null, null);
        Page<ShareProgress> page = shares.list(query, new PageRequest(limit, cursor));
        ShareTables.list(page.items()).print(out);
        if (page.next() != null) {
            out.println("Next cursor: " + page.next());
        }
    }
}
