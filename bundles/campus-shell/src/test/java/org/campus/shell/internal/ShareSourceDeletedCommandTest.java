package org.campus.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.campus.api.sharing.SourceDeleted;
import org.campus.api.workflow.LmsId;
import org.junit.jupiter.api.Test;

class ShareSourceDeletedCommandTest {

    private final FakeShareProgressService shares = new FakeShareProgressService();
    private final Output output = new Output();

    private ShareSourceDeletedCommand command(String courseId, String cmId) {
        ShareSourceDeletedCommand command = new ShareSourceDeletedCommand();
        command.shares = shares;
        command.courseId = courseId;
        command.cmId = cmId;
        return command;
    }

    @Test
    void wholeCourse() throws Exception {
        shares.sourceDeletedResult = 3;

        assertTrue(output.run(command("5", null)));

        assertEquals(new SourceDeleted(5, null), shares.lastSourceDeleted);
        assertEquals("Marked 3 shares of course 5 as source deleted.", output.out().strip());
    }

    @Test
    void oneActivity() throws Exception {
        shares.sourceDeletedResult = 1;

        output.run(command("5", "cm-33"));

        assertEquals(new SourceDeleted(LmsId.of(5), LmsId.of("cm-33")), shares.lastSourceDeleted);
        assertEquals("Marked 1 share of activity cm-33 of course 5 as source deleted.", output.out().strip());
    }
}
