package org.campus.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ShareShowCommandTest {

    private final FakeShareProgressService shares = new FakeShareProgressService()
            .add(FakeShareProgressService.inProgress(3, 5, 7));
    private final Output output = new Output();

    private ShareShowCommand command(long id) {
        ShareShowCommand command = new ShareShowCommand();
        command.shares = shares;
        command.id = id;
        return command;
    }

    @Test
    void showsFieldsAndTimeline() throws Exception {
        shares.markError(3, "quota exceeded");

        assertTrue(output.run(command(3)));

        String out = output.out();
        assertTrue(out.contains("Timeline:"), out);
        assertTrue(out.contains("quota exceeded"), out);
        assertTrue(out.indexOf("in_progress", out.indexOf("Timeline:")) < out.lastIndexOf("error"), out);
        assertEquals("", output.err());
    }

    @Test
    void unknownShareIsOneErrorLine() throws Exception {
        assertFalse(output.run(command(99)));

        assertEquals("Error: share 99 does not exist", output.err().strip());
        assertEquals("", output.out());
    }
}
