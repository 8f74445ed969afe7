package org.campus.spi.transfer;

/** What the admin chose to happen to the source account after the transfer. */
public enum SourceAccount {

    /** The default: the source account stays as it is, with whatever was not selected or was skipped. */
    LEFT_AS_IS,

    /**
     * Campus records the source account as merged into the target (and tells the LMS in its
     * callback). Providers need not act on it; one whose module has such a marker may set it, and
     * must record it in its undo record like any other change.
     */
    MARKED_MERGED
}
