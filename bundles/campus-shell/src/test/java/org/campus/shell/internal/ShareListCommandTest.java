package org.campus.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.campus.api.PageRequest;
import org.campus.api.sharing.ShareQuery;
import org.campus.api.sharing.ShareStatus;
import org.campus.api.workflow.LmsId;
import org.junit.jupiter.api.Test;

class ShareListCommandTest {

    private final FakeShareProgressService shares = new FakeShareProgressService()
            .add(FakeShareProgressService.inProgress(1, 5, 7))
            .add(FakeShareProgressService.inProgress(2, 5, 8));
    private final Output output = new Output();

    private ShareListCommand command() {
        ShareListCommand command = new ShareListCommand();
        command.shares = shares;
        return command;
    }

    @Test
    void optionsBecomeQueryAndPage() throws Exception {
        ShareListCommand command = command();
        command.userId = "7";
        command.courseId = "course-5";
        command.status = "sent";
        command.limit = 10;
        command.cursor = "abc";

        assertTrue(output.run(command));

        assertEquals(new ShareQuery(LmsId.of(7), LmsId.of("course-5"), ShareStatus.SENT, null, null, null),
                shares.lastQuery);
        assertEquals(new PageRequest(10, "abc"), shares.lastPage);
    }

    @Test
    void defaultsListEverythingFiftyAtATime() throws Exception {
        assertTrue(output.run(command()));

        assertEquals(ShareQuery.all(), shares.lastQuery);
        assertEquals(PageRequest.first(50), shares.lastPage);
        assertFalse(output.out().contains("Next cursor"), output.out());
    }

    @Test
    void printsTheNextCursor() throws Exception {
        shares.nextCursor = "c2";

        output.run(command());

        assertTrue(output.out().lines().anyMatch("Next cursor: c2"::equals), output.out());
    }

    @Test
    void newestFirstAsTheServiceReturns() throws Exception {
        output.run(command());

        String out = output.out();
        assertTrue(out.indexOf("2024-05-01T10:15:32Z") < out.indexOf("2024-05-01T10:15:31Z"), out);
    }

    @Test
    void badStatusIsReportedAndNothingIsListed() throws Exception {
        ShareListCommand command = command();
        command.status = "done";

        assertFalse(output.run(command));

        assertEquals("Error: status: must be one of in_progress, sent, error", output.err().strip());
        assertNull(shares.lastQuery);
    }

    @Test
    void badLimitIsReportedAsAFieldError() throws Exception {
        ShareListCommand command = command();
        command.limit = 0;

        assertFalse(output.run(command));

        assertEquals("Error: limit: must be between 1 and 500", output.err().strip());
    }
}
