package org.campus.api.sharing;

import java.util.Arrays;
import java.util.Optional;

/** Where a share stands. A share starts {@link #IN_PROGRESS} and ends {@link #SENT} or {@link #ERROR}. */
public enum ShareStatus {
    IN_PROGRESS("in_progress"),
    SENT("sent"),
    ERROR("error");

    private final String code;

    ShareStatus(String code) {
        this.code = code;
    }

    /** The name used on the wire and in the database. */
    public String code() {
        return code;
    }

    /** Whether a share in this status may move to {@code next}. */
    public boolean canMoveTo(ShareStatus next) {
        return this == IN_PROGRESS && next != IN_PROGRESS;
    }

    public static Optional<ShareStatus> fromCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
    }
}
