package org.campus.shell.internal;

import java.io.PrintStream;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.campus.api.security.AuditService;
import org.campus.api.transfer.Transfer;
import org.campus.api.transfer.TransferService;

@Service
@Command(scope = "campus", name = "transfer-cancel", description = "Cancels a transfer; it stops between items.")
public class TransferCancelCommand extends CampusAction {

    @Reference
    TransferService transfers;

    @Reference(optional = true)
    AuditService audit;

    @Argument(index = 0, name = "id", description = "The transfer id", required = true)
    long id;

    @Override
    protected void run(PrintStream out) {
        Transfer t = transfers.cancel(id);
        ConsoleAudit.record(audit, "transfer-cancel", "/transfers/" + id, null);
        out.println(t.state().isEnded() ? "Transfer " + id + " " + t.state().code() + "."
                : "Transfer " + id + " asked to stop; it stops after the item it works on.");
    }
}
