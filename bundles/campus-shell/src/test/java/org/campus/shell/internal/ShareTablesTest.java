package org.campus.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.apache.karaf.shell.support.table.ShellTable;
import org.campus.api.sharing.ShareProgress;
import org.campus.api.sharing.ShareStatus;
import org.campus.api.sharing.ShareStatusChange;
import org.campus.api.sharing.ShareType;
import org.campus.api.workflow.LmsId;
import org.junit.jupiter.api.Test;

class ShareTablesTest {

    private static final Instant CREATED = Instant.parse("2024-05-01T10:15:30.987654Z");

    private static String print(ShellTable table) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        table.print(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void sentActivityRow() {
        ShareProgress share = new ShareProgress(12, LmsId.of(5), LmsId.of("u-7"), ShareType.ACTIVITY, LmsId.of(33),
                ShareStatus.SENT,
                "https://net.example/r/9", null, CREATED, CREATED, true, CREATED, 2);

        assertEquals(List.of(12L, "5", "u-7", "activity", "33", "sent", "2024-05-01T10:15:30Z",
                "https://net.example/r/9", "yes"), ShareTables.listRow(share));
    }

    @Test
    void failedCourseRowShowsTheErrorAndNoCm() {
        ShareProgress share = new ShareProgress(13, LmsId.of(5), LmsId.of(7), ShareType.COURSE, null, ShareStatus.ERROR,
                null, "backup failed", CREATED, CREATED, false, null, 1);

        assertEquals(List.of(13L, "5", "7", "course", "", "error", "2024-05-01T10:15:30Z", "backup failed", "no"),
                ShareTables.listRow(share));
    }

    @Test
    void listTableHasHeadersAndRows() {
        String text = print(ShareTables.list(List.of(FakeShareProgressService.inProgress(41, 5, 7))));

        assertTrue(text.contains("URL / Error"), text);
        assertTrue(text.contains("Source deleted"), text);
        assertTrue(text.contains("in_progress"), text);
        assertTrue(text.contains("41"), text);
    }

    @Test
    void emptyListSaysSo() {
        assertTrue(print(ShareTables.list(List.of())).contains("No shares found."));
    }

    @Test
    void timelineRowShowsUrlOrMessage() {
        assertEquals(List.of("2024-05-01T10:15:30Z", "sent", "https://x.example/1"),
                ShareTables.timelineRow(new ShareStatusChange(ShareStatus.SENT, CREATED, "https://x.example/1", null)));
        assertEquals(List.of("2024-05-01T10:15:30Z", "error", "timeout"),
                ShareTables.timelineRow(new ShareStatusChange(ShareStatus.ERROR, CREATED, null, "timeout")));
        assertEquals(List.of("", "in_progress", ""),
                ShareTables.timelineRow(new ShareStatusChange(ShareStatus.IN_PROGRESS, null, null, null)));
    }
}
