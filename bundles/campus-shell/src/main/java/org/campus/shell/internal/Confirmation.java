package org.campus.shell.internal;

import java.io.IOException;
import java.util.Locale;

import org.apache.karaf.shell.api.console.Session;

/** Asks the console user to confirm a change that cannot be undone by typing {@code yes}. */
final class Confirmation {

    static final String ANSWER = "yes";

    private Confirmation() {
    }

    static boolean ask(Session session, String question) throws IOException {
        return isYes(session.readLine(question + " Type '" + ANSWER + "' to continue: ", null));
    }

    /** Only {@code yes} (any case, surrounding blanks ignored) confirms; no answer does not. */
    static boolean isYes(String answer) {
        return answer != null && answer.trim().toLowerCase(Locale.ROOT).equals(ANSWER);
    }
}
