package org.campus.spi.transfer;

/** Why an item of a transfer cannot be undone. */
public enum UndoRefusal {

    /** The provider (or this item) has no undo: it was marked irreversible, or the provider declares no undo. */
    NOT_SUPPORTED,

    /** The data was changed since the transfer (by the user, a teacher, another transfer): undoing would overwrite that. */
    CHANGED_SINCE,

    /** The transfer is older than the configured undo window (the core decides this). */
    PAST_UNDO_WINDOW,

    /** Undo was tried and failed (the LMS refused or was unreachable); the detail says what is left. */
    FAILED
}
