package org.campus.shell.internal;

import java.io.PrintStream;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.campus.api.InvalidInputException;
import org.campus.api.Page;
import org.campus.api.PageRequest;
import org.campus.api.transfer.Transfer;
import org.campus.api.transfer.TransferQuery;
import org.campus.api.transfer.TransferService;
import org.campus.api.transfer.TransferState;

@Service
@Command(scope = "campus", name = "transfer-list", description = "Lists transfers, newest first (the audit of transfers).")
public class TransferListCommand extends CampusAction {

    @Reference
    TransferService transfers;

    @Option(name = "--user", aliases = "-u", description = "Only transfers from or to this LMS user")
    String user;

    @Option(name = "--state", aliases = "-s", description = "queued, running, completed, failed or cancelled")
    String state;

    @Option(name = "--by", description = "Only transfers asked for by this actor")
    String requestedBy;

    @Option(name = "--limit", aliases = "-n", description = "How many transfers to list (1 to 500)")
    int limit = PageRequest.DEFAULT_LIMIT;

    @Option(name = "--cursor", description = "Where to continue, as printed after the previous page")
    String cursor;

    @Override
    protected void run(PrintStream out) {
        TransferState s = state == null ? null : TransferState.fromCode(state.trim().toLowerCase(java.util.Locale.ROOT))
                .orElseThrow(() -> new InvalidInputException("state",
                        "must be one of queued, running, completed, failed, cancelled"));
        Page<Transfer> page = transfers.list(new TransferQuery(ConsoleIds.lmsId(user), s, requestedBy, null, null),
                new PageRequest(limit, cursor));
        TransferTables.list(page.items()).print(out);
        if (page.next() != null) {
            out.println("Next cursor: " + page.next());
        }
    }
}
