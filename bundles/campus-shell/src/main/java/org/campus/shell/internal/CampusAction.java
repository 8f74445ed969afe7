package org.campus.shell.internal;

import java.io.PrintStream;

import org.apache.karaf.shell.api.action.Action;
import org.campus.api.CampusException;

/**
 * Base of the campus commands: runs the command against the session's output and reports the
 * errors that Campus services throw on purpose as {@code Error: ...} lines instead of a stack trace.
 * Anything else is left to the shell, as it is a bug rather than bad input.
 */
abstract class CampusAction implements Action {

    @Override
    public final Object execute() throws Exception {
        execute(System.out, System.err);
        return null;
    }

    /** Runs the command; returns {@code false} when a service refused it (and the reason was printed to {@code err}). */
    final boolean execute(PrintStream out, PrintStream err) throws Exception {
        try {
            run(out);
            return true;
        } catch (CampusException e) {
            ErrorMessages.of(e).forEach(err::println);
            return false;
        }
    }

    /** Does the command's work, printing its result to {@code out}. */
    protected abstract void run(PrintStream out) throws Exception;
}
