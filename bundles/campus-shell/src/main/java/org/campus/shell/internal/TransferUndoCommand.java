package org.campus.shell.internal;

import java.io.PrintStream;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.campus.api.security.AuditService;
import org.campus.api.transfer.TransferService;
import org.campus.api.transfer.UndoRefusedException;
import org.campus.api.transfer.UndoResult;

@Service
@Command(scope = "campus", name = "transfer-undo",
        description = "Undoes an ended transfer if every item can be undone; otherwise says why not, item by item.")
public class TransferUndoCommand extends CampusAction {

    @Reference
    TransferService transfers;

    @Reference(optional = true)
    AuditService audit;

    @Argument(index = 0, name = "id", description = "The transfer id", required = true)
    long id;

    @Override
    protected void run(PrintStream out) {
        UndoResult result;
        try {
            result = transfers.undo(id, ConsoleAudit.user());
        } catch (UndoRefusedException e) {
            TransferTables.undo(e.items()).print(out);
            throw e;
        }
        ConsoleAudit.record(audit, "transfer-undo", "/transfers/" + id, result.items().size() + " items");
        TransferTables.undo(result.items()).print(out);
        out.println(result.complete() ? "Transfer " + id + " undone." : "Transfer " + id + " partly undone; see the items.");
    }
}
