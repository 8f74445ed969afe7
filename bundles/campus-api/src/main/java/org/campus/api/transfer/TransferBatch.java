package org.campus.api.transfer;

import java.time.Instant;
import java.util.Map;

import org.campus.spi.transfer.Resolution;
import org.campus.spi.transfer.SourceAccount;

/**
 * A batch of transfers from a CSV upload: one row per pair of accounts, each previewed and run as
 * a transfer of its own, one after the other, on one job.
 *
 * @param resolution the one resolution applied to every conflict that offers it ({@code null}: none)
 * @param counts how many rows have each status (every status, zeros included)
 * @param reason why the batch failed or was cancelled ({@code null} otherwise)
 */
public record TransferBatch(long id, TransferBatchState state, Resolution resolution, SourceAccount sourceAccount,
        String requestedBy, Instant timeCreated, Instant timeStarted, Instant timeEnded, long jobId, int rowCount,
        Map<TransferBatchRowStatus, Integer> counts, String reason) {

    public TransferBatch {
        counts = Map.copyOf(counts);
    }
}
