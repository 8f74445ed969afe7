package org.campus.api.transfer;

import java.time.Instant;

import org.campus.spi.transfer.TransferUser;

/**
 * One row of a batch.
 *
 * @param line the row's data line in the CSV (1 = the first line after the header)
 * @param transferId the row's transfer once started ({@code null} before, and when none was started)
 * @param message why the row has its status (the items needing a resolution, the transfer holding a
 *     user, a failure), {@code null} when there is nothing to say
 * @param timeModified when the row last changed status
 */
public record TransferBatchRow(int line, TransferUser from, TransferUser to, TransferBatchRowStatus status,
        Long transferId, String message, Instant timeModified) {
}
