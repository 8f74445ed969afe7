package org.campus.shell.internal;

import java.util.List;

import org.apache.karaf.shell.support.table.ShellTable;
import org.campus.api.archive.ArchiveJob;

/** The console tables of archive jobs: a list, and one job with its activities. */
final class ArchiveTables {

    static final int MAX_REASON_WIDTH = 60;

    private ArchiveTables() {
    }

    static ShellTable list(List<ArchiveJob> jobs) {
        ShellTable table = new ShellTable().emptyTableText("No archive jobs found.");
        table.column("ID").alignRight();
        table.column("Course");
        table.column("Owner");
        table.column("User");
        table.column("State");
        table.column("Progress").alignRight();
        table.column("Activities").alignRight();
        table.column("Signed");
        table.column("Created");
        table.column("Reason").maxSize(MAX_REASON_WIDTH);
        jobs.forEach(j -> table.addRow().addContent(j.id(), j.courseId().value(), j.owner(),
                Cells.text(j.userId() == null ? null : j.userId().value()), j.state(), j.progress() + "%", j.activities().size(), Cells.yesNo(j.sign()), Cells.time(j.created()),
                Cells.text(j.reason())));
        return table;
    }

    static ShellTable fields(ArchiveJob j) {
        ShellTable table = new ShellTable().noHeaders();
        table.column("Field");
        table.column("Value");
        table.addRow().addContent("ID", j.id());
        table.addRow().addContent("Job", Cells.text(j.jobId()));
        table.addRow().addContent("Course", j.courseId().value());
        table.addRow().addContent("Owner", j.owner());
        table.addRow().addContent("User", Cells.text(j.userId() == null ? null : j.userId().value()));
        table.addRow().addContent("State", j.state());
        table.addRow().addContent("Progress", j.progress() + "%");
        table.addRow().addContent("Sign", Cells.yesNo(j.sign()));
        table.addRow().addContent("Storage", j.storage());
        table.addRow().addContent("Created", Cells.time(j.created()));
        table.addRow().addContent("Ended", Cells.time(j.ended()));
        table.addRow().addContent("Reason", Cells.text(j.reason()));
        if (j.stored() != null) {
            table.addRow().addContent("Location", j.stored().location());
            table.addRow().addContent("Size", j.stored().size());
            table.addRow().addContent("SHA-256", j.stored().sha256());
            table.addRow().addContent("Time-stamped", Cells.time(j.stored().timestamped()));
            table.addRow().addContent("TSA", Cells.text(j.stored().tsa()));
        }
        return table;
    }

    static ShellTable activities(ArchiveJob j) {
        ShellTable table = new ShellTable().emptyTableText("No activities.");
        table.column("#").alignRight();
        table.column("Type");
        table.column("ID");
        table.column("State");
        table.column("Archiver");
        table.column("Entries").alignRight();
        table.column("Uploads").alignRight();
        table.column("Message").maxSize(MAX_REASON_WIDTH);
        for (int i = 0; i < j.activities().size(); i++) {
            ArchiveJob.Activity a = j.activities().get(i);
            table.addRow().addContent(i, a.type(), a.id(), a.state(), Cells.text(a.archiver()), a.entries(),
                    a.uploads().size(), Cells.text(a.message()));
        }
        return table;
    }
}
