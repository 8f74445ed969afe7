package org.campus.shell.internal;

import java.util.List;

import org.apache.karaf.shell.support.table.ShellTable;
import org.campus.api.sharing.ShareProgress;
import org.campus.api.sharing.ShareStatusChange;

/** The console tables of share progress: a list of shares, one share's fields, a status timeline. */
final class ShareTables {

    static final int MAX_OUTCOME_WIDTH = 60;

    private ShareTables() {
    }

    /** One row per share, in the given order. */
    static ShellTable list(List<ShareProgress> shares) {
        ShellTable table = new ShellTable().emptyTableText("No shares found.");
        table.column("ID").alignRight();
        table.column("Course").alignRight();
        table.column("User").alignRight();
        table.column("Type");
        table.column("CM").alignRight();
        table.column("Status");
        table.column("Created");
        table.column("URL / Error").maxSize(MAX_OUTCOME_WIDTH);
        table.column("Source deleted");
        shares.forEach(share -> table.addRow().addContent(listRow(share)));
        return table;
    }

    static List<Object> listRow(ShareProgress share) {
        return List.of(
                share.id(),
                Cells.text(share.courseId()),
                Cells.text(share.userId()),
                share.type() == null ? "" : share.type().code(),
                Cells.text(share.cmId()),
                share.status() == null ? "" : share.status().code(),
                Cells.time(share.timeCreated()),
                outcome(share),
                Cells.yesNo(share.sourceDeleted()));
    }

    /** What came of the share: the resource URL once sent, the error message once failed. */
    static String outcome(ShareProgress share) {
        if (share.resourceUrl() != null) {
            return share.resourceUrl();
        }
        return Cells.text(share.errorMessage());
    }

    /** Every field of one share, one per row. */
    static ShellTable details(ShareProgress share) {
        ShellTable table = new ShellTable();
        table.column("Field");
        table.column("Value").wrap();
        table.addRow().addContent("ID", share.id());
        table.addRow().addContent("Course", Cells.text(share.courseId()));
        table.addRow().addContent("User", Cells.text(share.userId()));
        table.addRow().addContent("Type", share.type() == null ? "" : share.type().code());
        table.addRow().addContent("CM", Cells.text(share.cmId()));
        table.addRow().addContent("Status", share.status() == null ? "" : share.status().code());
        table.addRow().addContent("Resource URL", Cells.text(share.resourceUrl()));
        table.addRow().addContent("Error", Cells.text(share.errorMessage()));
        table.addRow().addContent("Created", Cells.time(share.timeCreated()));
        table.addRow().addContent("Modified", Cells.time(share.timeModified()));
        table.addRow().addContent("Source deleted", Cells.yesNo(share.sourceDeleted()));
        table.addRow().addContent("Source deleted at", Cells.time(share.timeSourceDeleted()));
        table.addRow().addContent("Version", share.version());
        return table;
    }

    /** One row per status change, oldest first. */
    static ShellTable timeline(List<ShareStatusChange> changes) {
        ShellTable table = new ShellTable().emptyTableText("No status changes recorded.");
        table.column("Time");
        table.column("Status");
        table.column("URL / Message").wrap();
        changes.forEach(change -> table.addRow().addContent(timelineRow(change)));
        return table;
    }

    static List<Object> timelineRow(ShareStatusChange change) {
        String detail = change.resourceUrl() != null ? change.resourceUrl() : Cells.text(change.message());
        return List.of(
                Cells.time(change.time()),
                change.status() == null ? "" : change.status().code(),
                detail);
    }
}
