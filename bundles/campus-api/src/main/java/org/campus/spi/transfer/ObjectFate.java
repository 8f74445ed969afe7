package org.campus.spi.transfer;

/** Where a recorded object is after a transfer, as verification finds it. */
public enum ObjectFate {

    /** With the target, as the transfer put it. */
    MOVED,

    /** With the owner it had before the transfer (skipped, or the target's side kept). */
    STAYED,

    /** Gone because a chosen resolution removed it; it lives on only in the undo record. */
    REMOVED,

    /** Gone although the transfer meant to keep it, or not where the transfer put it. */
    LOST
}
