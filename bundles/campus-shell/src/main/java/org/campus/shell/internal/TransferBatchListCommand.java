package org.campus.shell.internal;

import java.io.PrintStream;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.campus.api.Page;
import org.campus.api.PageRequest;
import org.campus.api.transfer.TransferBatch;
import org.campus.api.transfer.TransferBatchService;

@Service
@Command(scope = "campus", name = "transfer-batch-list", description = "Lists transfer batches, newest first.")
public class TransferBatchListCommand extends CampusAction {

    @Reference
    TransferBatchService batches;

    @Option(name = "--limit", aliases = "-n", description = "How many batches to list (1 to 500)")
    int limit = PageRequest.DEFAULT_LIMIT;

    @Option(name = "--cursor", description = "Where to continue, as printed after the previous page")
    String cursor;

    @Override
    protected void run(PrintStream out) {
        Page<TransferBatch> page = batches.list(new PageRequest(limit, cursor));
        TransferBatchTables.list(page.items()).print(out);
        if (page.next() != null) {
            out.println("Next cursor: " + page.next());
        }
    }
}
