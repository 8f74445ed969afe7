package org.campus.api.transfer;

import java.time.Instant;

import org.campus.spi.transfer.Resolution;
import org.campus.spi.transfer.UndoRefusal;

/**
 * One selected item of a transfer and what became of it.
 *
 * @param id the qualified id
 * @param resolution the resolution chosen for its conflict, or {@code null}
 * @param message why it was skipped or failed (for the admin), or {@code null}
 * @param undoOutcome what its last undo did, or {@code null}
 * @param undoRefusal why it was not undone, or {@code null}
 * @param undoDetail the provider's sentence about its undo, or {@code null}
 * @param time when its outcome was recorded, or {@code null}
 */
public record TransferItemResult(String id, String provider, String type, String title, Resolution resolution,
        ItemResult outcome, String message, UndoOutcome undoOutcome, UndoRefusal undoRefusal, String undoDetail,
        Instant time) {
}
