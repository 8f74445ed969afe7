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
import org.campus.api.transfer.TransferBatch;
import org.campus.api.transfer.TransferBatchRow;
import org.campus.api.transfer.TransferBatchService;

@Service
@Command(scope = "campus", name = "transfer-batch-show", description = "Shows a transfer batch and its rows with their status.")
public class TransferBatchShowCommand extends CampusAction {

    @Reference
    TransferBatchService batches;

    @Argument(index = 0, name = "id", description = "The batch id", required = true)
    long id;

    @Option(name = "--limit", aliases = "-n", description = "How many rows to list (1 to 500)")
    int limit = PageRequest.DEFAULT_LIMIT;

    @Option(name = "--cursor", description = "Where to continue the rows, as printed after the previous page")
    String cursor;

    @Override
    protected void run(PrintStream out) {
        TransferBatch b = batches.find(id).orElseThrow(() -> NotFoundException.of("transfer batch", id));
        TransferBatchTables.details(b).print(out);
        Page<TransferBatchRow> rows = batches.rows(id, new PageRequest(limit, cursor));
        TransferBatchTables.rows(rows.items()).print(out);
        if (rows.next() != null) {
            out.println("Next cursor: " + rows.next());
        }
    }
}
