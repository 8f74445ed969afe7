package org.campus.api.transfer;

import java.util.Optional;

/** Where a transfer stands: it is queued, runs, and ends completed, failed or cancelled. */
public enum TransferState {
    QUEUED,
    RUNNING,
    /** Every selected item has an outcome (some may have failed: the verification flags them). */
    COMPLETED,
    /** A provider could not go on (or the job failed for good); what could be undone was undone. */
    FAILED,
    /** Cancelled by an admin; the items done before stay done (and can be undone). */
    CANCELLED;

    public String code() {
        return Codes.code(this);
    }

    public boolean isEnded() {
        return this == COMPLETED || this == FAILED || this == CANCELLED;
    }

    public static Optional<TransferState> fromCode(String code) {
        return Codes.parse(TransferState.class, code);
    }
}
