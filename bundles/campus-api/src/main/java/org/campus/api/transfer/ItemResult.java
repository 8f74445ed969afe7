package org.campus.api.transfer;

import java.util.Optional;

/** What became of one selected item of a transfer. */
public enum ItemResult {
    /** Not reached yet. */
    PENDING,
    /** The provider moved it. */
    TRANSFERRED,
    /** The provider changed nothing (the resolution was skip, or there was nothing to move). */
    SKIPPED,
    /** The provider could not transfer it; the message says why. */
    FAILED,
    /** Never run: the transfer was cancelled or stopped before it. */
    NOT_RUN,
    /** Transferred, then undone (by an undo, or because a provider failed later). */
    UNDONE;

    public String code() {
        return Codes.code(this);
    }

    public static Optional<ItemResult> fromCode(String code) {
        return Codes.parse(ItemResult.class, code);
    }
}
