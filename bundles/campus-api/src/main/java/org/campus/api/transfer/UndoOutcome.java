package org.campus.api.transfer;

import java.util.Optional;

/** The undo of one item. */
public enum UndoOutcome {
    UNDONE,
    REFUSED,
    FAILED;

    public String code() {
        return Codes.code(this);
    }

    public static Optional<UndoOutcome> fromCode(String code) {
        return Codes.parse(UndoOutcome.class, code);
    }
}
