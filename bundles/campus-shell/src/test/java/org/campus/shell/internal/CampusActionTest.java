package org.campus.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintStream;
import java.util.List;

import org.campus.api.FieldError;
import org.campus.api.InvalidInputException;
import org.junit.jupiter.api.Test;

class CampusActionTest {

    private static CampusAction doing(Runnable work) {
        return new CampusAction() {
            @Override
            protected void run(PrintStream out) {
                out.println("working");
                work.run();
            }
        };
    }

    @Test
    void successPrintsToOutOnly() throws Exception {
        Output output = new Output();

        assertTrue(output.run(doing(() -> { })));

        assertEquals("working" + System.lineSeparator(), output.out());
        assertEquals("", output.err());
    }

    @Test
    void campusExceptionBecomesErrorLinesWithoutStackTrace() throws Exception {
        Output output = new Output();

        boolean ok = output.run(doing(() -> {
            throw new InvalidInputException(List.of(new FieldError("courseId", "must be a positive id"),
                    new FieldError("userId", "must be a positive id")));
        }));

        assertFalse(ok);
        assertEquals(List.of("Error: courseId: must be a positive id", "Error: userId: must be a positive id"),
                output.err().lines().toList());
    }

    @Test
    void otherExceptionsAreLeftToTheShell() {
        Output output = new Output();

        assertThrows(IllegalStateException.class, () -> output.run(doing(() -> {
            throw new IllegalStateException("bug");
        })));
        assertEquals("", output.err());
    }
}
