package org.campus.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.campus.api.InvalidInputException;
import org.junit.jupiter.api.Test;

class ShareMarkCommandTest {

    private final FakeShareProgressService shares = new FakeShareProgressService()
            .add(FakeShareProgressService.inProgress(3, 5, 7));
    private final Output output = new Output();

    private ShareMarkCommand command(String status, String... detail) {
        ShareMarkCommand command = new ShareMarkCommand();
        command.shares = shares;
        command.id = 3;
        command.status = status;
        command.detail = List.of(detail);
        return command;
    }

    @Test
    void marksSent() throws Exception {
        assertTrue(output.run(command("sent", "https://net.example/r/1")));

        assertEquals("Share 3 is now sent: https://net.example/r/1", output.out().strip());
        assertEquals(List.of("markSent 3 https://net.example/r/1"), shares.calls);
    }

    @Test
    void marksErrorWithTheWholeMessage() throws Exception {
        assertTrue(output.run(command("error", "remote", "said", "no")));

        assertEquals("Share 3 is now error: remote said no", output.out().strip());
    }

    @Test
    void serviceValidationIsPrintedPerField() throws Exception {
        shares.failure = new InvalidInputException("resourceUrl", "must be an absolute http or https URL");

        assertFalse(output.run(command("sent", "ftp://x")));

        assertEquals("Error: resourceUrl: must be an absolute http or https URL", output.err().strip());
    }

    @Test
    void conflictIsPrinted() throws Exception {
        output.run(command("sent", "https://net.example/r/1"));
        Output second = new Output();

        assertFalse(second.run(command("error", "late")));

        assertEquals("Error: share 3 is sent, not in_progress", second.err().strip());
    }
}
