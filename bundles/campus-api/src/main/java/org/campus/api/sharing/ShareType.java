package org.campus.api.sharing;

import java.util.Arrays;
import java.util.Optional;

/** What was shared. {@code url} and {@code file} shares are foreseen and will be added here. */
public enum ShareType {
    /** One activity (course module); carries a {@code cmId}. */
    ACTIVITY("activity"),
    /** A whole course (a backup of it); carries no {@code cmId}. */
    COURSE("course");

    private final String code;

    ShareType(String code) {
        this.code = code;
    }

    /** The name used on the wire and in the database. */
    public String code() {
        return code;
    }

    public static Optional<ShareType> fromCode(String code) {
        return Arrays.stream(values()).filter(t -> t.code.equals(code)).findFirst();
    }
}
