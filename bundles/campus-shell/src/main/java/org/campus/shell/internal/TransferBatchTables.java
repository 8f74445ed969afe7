package org.campus.shell.internal;

import java.util.List;
import java.util.stream.Collectors;

import org.apache.karaf.shell.support.table.ShellTable;
import org.campus.api.transfer.Codes;
import org.campus.api.transfer.TransferBatch;
import org.campus.api.transfer.TransferBatchRow;

/** The console tables of transfer batches: a list, one batch, its rows. */
final class TransferBatchTables {

    private TransferBatchTables() {
    }

    /** The non-zero counts, e.g. {@code completed 2, needs_resolution 1}. */
    static String counts(TransferBatch b) {
        String s = b.counts().entrySet().stream().filter(e -> e.getValue() > 0).sorted(java.util.Map.Entry.comparingByKey())
                .map(e -> e.getKey().code() + " " + e.getValue()).collect(Collectors.joining(", "));
        return s.isEmpty() ? "-" : s;
    }

    static ShellTable list(List<TransferBatch> batches) {
        ShellTable table = new ShellTable().emptyTableText("No transfer batches found.");
        table.column("ID").alignRight();
        table.column("State");
        table.column("Rows").alignRight();
        table.column("Rows by status").maxSize(TransferTables.MAX_TEXT_WIDTH);
        table.column("Resolution");
        table.column("Requested by");
        table.column("Created");
        batches.forEach(b -> table.addRow().addContent(b.id(), b.state().code(), b.rowCount(), counts(b),
                Cells.text(Codes.code(b.resolution())), b.requestedBy(), Cells.time(b.timeCreated())));
        return table;
    }

    static ShellTable details(TransferBatch b) {
        ShellTable table = new ShellTable();
        table.column("Field");
        table.column("Value").wrap().maxSize(100);
        table.addRow().addContent("ID", b.id());
        table.addRow().addContent("State", b.state().code());
        table.addRow().addContent("Rows", b.rowCount() + " (" + counts(b) + ")");
        table.addRow().addContent("Resolution", Cells.text(Codes.code(b.resolution())));
        table.addRow().addContent("Source account", Codes.code(b.sourceAccount()));
        table.addRow().addContent("Requested by", b.requestedBy());
        table.addRow().addContent("Created", Cells.time(b.timeCreated()));
        table.addRow().addContent("Ended", Cells.time(b.timeEnded()));
        table.addRow().addContent("Job", b.jobId());
        table.addRow().addContent("Reason", Cells.text(b.reason()));
        return table;
    }

    static ShellTable rows(List<TransferBatchRow> rows) {
        ShellTable table = new ShellTable().emptyTableText("No rows.");
        table.column("Line").alignRight();
        table.column("From");
        table.column("To");
        table.column("Status");
        table.column("Transfer").alignRight();
        table.column("Message").maxSize(TransferTables.MAX_TEXT_WIDTH);
        rows.forEach(r -> table.addRow().addContent(r.line(), r.from().id(), r.to().id(), r.status().code(),
                Cells.text(r.transferId()), Cells.text(r.message())));
        return table;
    }
}
