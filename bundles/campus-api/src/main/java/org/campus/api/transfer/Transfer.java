package org.campus.api.transfer;

import java.time.Instant;

import org.campus.spi.transfer.SourceAccount;
import org.campus.spi.transfer.TransferUser;

/**
 * A transfer as recorded: who asked for it and when, between which accounts, where it stands, what
 * became of its items (counted here; each one through {@link TransferService#items}), its
 * verification, its undo and its LMS callback. The record is the transfer's audit entry.
 *
 * @param jobId the job that runs it (progress, log, cancel)
 * @param progress 0 to 100
 * @param reason why it failed or was cancelled, or {@code null}
 * @param verification {@code null} until the transfer has ended
 * @param undoState {@code null} (not undone), {@code undone}, or {@code failed} (an undo left items)
 * @param undoneBy who undid it, or {@code null}
 * @param callbackJobId the job that calls the LMS back after the transfer (and after its undo), or
 *        {@code null} while none was queued (no callback URL configured, or not ended yet)
 */
public record Transfer(long id, TransferUser from, TransferUser to, TransferState state, SourceAccount sourceAccount,
        String requestedBy, Instant timeCreated, Instant timeStarted, Instant timeEnded, long jobId, int progress,
        String reason, ItemCounts counts, TransferVerification verification, String undoState, String undoneBy,
        Instant timeUndone, String undoReason, Long callbackJobId) {
}
