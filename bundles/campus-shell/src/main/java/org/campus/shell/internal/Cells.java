package org.campus.shell.internal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** How single values look in console tables and lines. */
final class Cells {

    private Cells() {
    }

    /** ISO-8601 in UTC to the second, e.g. {@code 2024-05-01T10:15:30Z}; empty for {@code null}. */
    static String time(Instant time) {
        return time == null ? "" : time.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** The value as text; empty for {@code null}. */
    static String text(Object value) {
        return value == null ? "" : String.valueOf(value);
    }

    static String yesNo(boolean value) {
        return value ? "yes" : "no";
    }
}
