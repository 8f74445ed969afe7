package org.campus.shell.internal;

import java.util.List;
import java.util.stream.Collectors;

import org.apache.karaf.shell.support.table.ShellTable;
import org.campus.api.transfer.Codes;
import org.campus.api.transfer.PreviewItem;
import org.campus.api.transfer.Transfer;
import org.campus.api.transfer.TransferItemResult;
import org.campus.api.transfer.UndoItem;

/** The console tables of transfers: a preview's items, a list of transfers, one transfer, undo outcomes. */
final class TransferTables {

    static final int MAX_TEXT_WIDTH = 60;

    private TransferTables() {
    }

    static ShellTable preview(List<PreviewItem> items) {
        ShellTable table = new ShellTable().emptyTableText("Nothing to transfer.");
        table.column("Type");
        table.column("Item");
        table.column("Title").maxSize(MAX_TEXT_WIDTH);
        table.column("Undo");
        table.column("Conflict: resolutions").maxSize(MAX_TEXT_WIDTH);
        items.forEach(i -> table.addRow().addContent(i.type(), i.id(), i.title(),
                i.irreversible() ? "no: " + i.irreversibleReason() : "yes",
                i.conflict() == null ? "" : i.conflict().resolutions().stream().map(Codes::code)
                        .collect(Collectors.joining(", "))));
        return table;
    }

    static ShellTable list(List<Transfer> transfers) {
        ShellTable table = new ShellTable().emptyTableText("No transfers found.");
        table.column("ID").alignRight();
        table.column("From");
        table.column("To");
        table.column("State");
        table.column("Items").alignRight();
        table.column("Requested by");
        table.column("Created");
        table.column("Flagged");
        table.column("Undo");
        transfers.forEach(t -> table.addRow().addContent(t.id(), t.from().id(), t.to().id(), t.state().code(),
                t.counts().selected(), t.requestedBy(), Cells.time(t.timeCreated()),
                t.verification() == null ? "" : Cells.yesNo(t.verification().flagged()), Cells.text(t.undoState())));
        return table;
    }

    static ShellTable details(Transfer t) {
        ShellTable table = new ShellTable();
        table.column("Field");
        table.column("Value").wrap().maxSize(100);
        table.addRow().addContent("ID", t.id());
        table.addRow().addContent("From", t.from());
        table.addRow().addContent("To", t.to());
        table.addRow().addContent("State", t.state().code() + " (" + t.progress() + "%)");
        table.addRow().addContent("Source account", Codes.code(t.sourceAccount()));
        table.addRow().addContent("Requested by", t.requestedBy());
        table.addRow().addContent("Created", Cells.time(t.timeCreated()));
        table.addRow().addContent("Ended", Cells.time(t.timeEnded()));
        table.addRow().addContent("Job", t.jobId());
        table.addRow().addContent("Reason", Cells.text(t.reason()));
        table.addRow().addContent("Items", t.counts().selected() + " selected, " + t.counts().transferred()
                + " transferred, " + t.counts().skipped() + " skipped, " + t.counts().failed() + " failed, "
                + t.counts().notRun() + " not run, " + t.counts().undone() + " undone");
        if (t.verification() != null) {
            table.addRow().addContent("Verification", t.verification().flagged()
                    ? "FLAGGED: " + String.join("; ", t.verification().reasons()) : "adds up");
        }
        table.addRow().addContent("Undo", t.undoState() == null ? "-"
                : t.undoState() + " by " + t.undoneBy() + " at " + Cells.time(t.timeUndone()));
        return table;
    }

    static ShellTable items(List<TransferItemResult> items) {
        ShellTable table = new ShellTable().emptyTableText("No items.");
        table.column("Item");
        table.column("Resolution");
        table.column("Outcome");
        table.column("Message").maxSize(MAX_TEXT_WIDTH);
        table.column("Undo").maxSize(MAX_TEXT_WIDTH);
        items.forEach(i -> table.addRow().addContent(i.id(), Cells.text(Codes.code(i.resolution())),
                i.outcome().code(), Cells.text(i.message()), i.undoOutcome() == null ? "" : Codes.code(i.undoOutcome())
                        + (i.undoRefusal() == null ? "" : " (" + Codes.code(i.undoRefusal()) + ")")));
        return table;
    }

    static ShellTable undo(List<UndoItem> items) {
        ShellTable table = new ShellTable().emptyTableText("No items.");
        table.column("Item");
        table.column("Outcome");
        table.column("Reason");
        table.column("Detail").maxSize(MAX_TEXT_WIDTH);
        items.forEach(i -> table.addRow().addContent(i.id(), i.outcome().code(), Cells.text(Codes.code(i.reason())),
                Cells.text(i.detail())));
        return table;
    }
}
