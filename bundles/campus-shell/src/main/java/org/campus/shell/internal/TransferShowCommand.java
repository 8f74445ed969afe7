package org.campus.shell.internal;

import java.io.PrintStream;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.campus.api.NotFoundException;
import org.campus.api.Page;
import org.campus.api.PageRequest;
import org.campus.api.transfer.Transfer;
import org.campus.api.transfer.TransferItemResult;
import org.campus.api.transfer.TransferService;

@Service
@Command(scope = "campus", name = "transfer-show", description = "Shows a transfer: state, verification, undo and its items.")
public class TransferShowCommand extends CampusAction {

    @Reference
    TransferService transfers;

    @Argument(index = 0, name = "id", description = "The transfer id", required = true)
    long id;

    @Option(name = "--limit", aliases = "-n", description = "How many items to list (1 to 500)")
    int limit = PageRequest.DEFAULT_LIMIT;

    @Override
    protected void run(PrintStream out) {
        Transfer t = transfers.find(id).orElseThrow(() -> NotFoundException.of("transfer", id));
        TransferTables.details(t).print(out);
        Page<TransferItemResult> items = transfers.items(id, PageRequest.first(limit));
        TransferTables.items(items.items()).print(out);
        if (items.next() != null) {
            out.println("(more items: GET /campus/api/v1/transfers/" + id + "/items)");
        }
    }
}
