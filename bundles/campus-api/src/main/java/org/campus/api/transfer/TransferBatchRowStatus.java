package org.campus.api.transfer;

import java.util.Optional;

/**
 * What became of one row of a batch. A row goes {@code pending}, {@code previewing}, then either
 * {@code started} (its transfer is running) and {@code completed}, {@code failed} or
 * {@code cancelled} as its transfer ended, or one of the statuses that start no transfer:
 * {@code needs_resolution}, {@code blocked}, {@code empty}, {@code failed}, {@code cancelled}.
 */
public enum TransferBatchRowStatus {
    /** Not reached yet. */
    PENDING,
    /** Its preview is being asked for. */
    PREVIEWING,
    /** A conflicting item does not offer the batch's resolution (or the batch has none): nothing started. */
    NEEDS_RESOLUTION,
    /** Another transfer held one of the two users: nothing started; submit the row again later. */
    BLOCKED,
    /** The providers list nothing to move from the source to the target: nothing started. */
    EMPTY,
    /** Its transfer was started and has not ended yet. */
    STARTED,
    /** Its transfer completed (the transfer's verification may still have flagged it). */
    COMPLETED,
    /** Its preview or start was refused (a provider could not list, an item changed), or its transfer failed. */
    FAILED,
    /** The batch was cancelled before the row's transfer ended, or before the row was reached. */
    CANCELLED;

    public String code() {
        return Codes.code(this);
    }

    /** Whether the row has its last status (the batch will not touch it again). */
    public boolean isFinal() {
        return this != PENDING && this != PREVIEWING && this != STARTED;
    }

    public static Optional<TransferBatchRowStatus> fromCode(String code) {
        return Codes.parse(TransferBatchRowStatus.class, code);
    }
}
