package org.campus.api.transfer;

import java.time.Instant;

import org.campus.api.workflow.LmsId;

/**
 * Filters for listing transfers (the audit of transfers); each {@code null} matches everything.
 * {@code userId} matches either account; {@code createdFrom} is inclusive, {@code createdTo} exclusive.
 */
public record TransferQuery(LmsId userId, TransferState state, String requestedBy, Instant createdFrom,
        Instant createdTo) {

    public static TransferQuery all() {
        return new TransferQuery(null, null, null, null, null);
    }
}
