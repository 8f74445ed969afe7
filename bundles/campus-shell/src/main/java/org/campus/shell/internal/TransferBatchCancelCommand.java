package org.campus.shell.internal;

import java.io.PrintStream;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.campus.api.security.AuditService;
import org.campus.api.transfer.TransferBatch;
import org.campus.api.transfer.TransferBatchService;

@Service
@Command(scope = "campus", name = "transfer-batch-cancel",
        description = "Cancels a transfer batch: the row's transfer running is cancelled, rows not reached are not run.")
public class TransferBatchCancelCommand extends CampusAction {

    @Reference
    TransferBatchService batches;

    @Reference(optional = true)
    AuditService audit;

    @Argument(index = 0, name = "id", description = "The batch id", required = true)
    long id;

    @Override
    protected void run(PrintStream out) {
        TransferBatch b = batches.cancel(id);
        ConsoleAudit.record(audit, "transfer-batch-cancel", "/transfers/batches/" + id, null);
        out.println(b.state().isEnded() ? "Transfer batch " + id + " " + b.state().code() + "."
                : "Transfer batch " + id + " asked to stop; the transfer of its current row stops after the item it"
                        + " works on.");
    }
}
