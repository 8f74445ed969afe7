package org.campus.shell.internal;

import org.campus.api.workflow.LmsId;

/** LMS ids typed on the console, which cannot tell a number from a string: digits are taken as a number. */
final class ConsoleIds {

    private ConsoleIds() {
    }

    /** The LMS id typed, or {@code null} when the option was not given. */
    static LmsId lmsId(String typed) {
        if (typed == null) {
            return null;
        }
        return typed.matches("-?\\d{1,18}") ? LmsId.of(Long.parseLong(typed)) : LmsId.of(typed);
    }
}
