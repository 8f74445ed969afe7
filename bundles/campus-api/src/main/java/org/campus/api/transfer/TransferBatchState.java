package org.campus.api.transfer;

import java.util.Optional;

/** Where a batch stands: queued, running through its rows, and ended completed, failed or cancelled. */
public enum TransferBatchState {
    QUEUED,
    RUNNING,
    /** Every row has a final status (rows may have failed or need a resolution: see the counts). */
    COMPLETED,
    /** The batch's job failed for good; rows not reached stay {@code pending}. */
    FAILED,
    /** Cancelled by an admin: the row running was cancelled, rows not reached are {@code cancelled}. */
    CANCELLED;

    public String code() {
        return Codes.code(this);
    }

    public boolean isEnded() {
        return this == COMPLETED || this == FAILED || this == CANCELLED;
    }

    public static Optional<TransferBatchState> fromCode(String code) {
        return Codes.parse(TransferBatchState.class, code);
    }
}
