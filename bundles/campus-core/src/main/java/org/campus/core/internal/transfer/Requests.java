package org.campus.core.internal.transfer;

import java.time.Instant;
import java.util.Optional;

import org.campus.api.transfer.ItemResult;
import org.campus.spi.transfer.ExecutionRequest;
import org.campus.spi.transfer.ItemOutcome;
import org.campus.spi.transfer.ListingRequest;
import org.campus.spi.transfer.Resolution;
import org.campus.spi.transfer.Selection;
import org.campus.spi.transfer.SourceAccount;
import org.campus.spi.transfer.TransferItem;
import org.campus.spi.transfer.TransferUser;
import org.campus.spi.transfer.TransferredItem;
import org.campus.spi.transfer.UndoRecord;
import org.campus.spi.transfer.UndoRequest;
import org.campus.spi.transfer.VerificationRequest;

/** What the core hands providers: the requests, selections and transferred items. */
final class Requests {

    private Requests() {
    }

    record Listing(TransferUser source, TransferUser target) implements ListingRequest {
    }

    record Execution(TransferUser source, TransferUser target, String transferId, int attempt,
            SourceAccount sourceAccount, long selectionCount, Iterable<Selection> selections)
            implements ExecutionRequest {
    }

    record Undo(TransferUser source, TransferUser target, String transferId, Instant transferredAt, boolean dryRun,
            long itemCount, Iterable<TransferredItem> items) implements UndoRequest {
    }

    record Verification(TransferUser source, TransferUser target, String transferId, long itemCount,
            Iterable<TransferredItem> items) implements VerificationRequest {
    }

    record Chosen(TransferItem item, Optional<Resolution> resolution, Optional<UndoRecord> preparedRecord)
            implements Selection {
    }

    record Done(TransferItem item, Optional<Resolution> resolution, ItemOutcome outcome,
            Optional<UndoRecord> undoRecord) implements TransferredItem {
    }

    static Selection selection(TransferRepository.ItemRow row) {
        return new Chosen(row.item(), Optional.ofNullable(row.resolution()), ExecutionRun.prepared(row));
    }

    static TransferredItem transferred(TransferRepository.ItemRow row) {
        ItemOutcome outcome = row.outcome() == ItemResult.TRANSFERRED ? ItemOutcome.TRANSFERRED
                : row.outcome() == ItemResult.SKIPPED ? ItemOutcome.SKIPPED : ItemOutcome.FAILED;
        return new Done(row.item(), Optional.ofNullable(row.resolution()), outcome,
                Optional.ofNullable(TransferJson.record(row.recordJson())));
    }
}
