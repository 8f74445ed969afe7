package org.campus.testkit.transfer;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

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

/** The requests the harness hands a provider. */
final class Requests {

    private Requests() {
    }

    record Listing(TransferUser source, TransferUser target) implements ListingRequest {
    }

    record Choice(TransferItem item, Optional<Resolution> resolution, Optional<UndoRecord> preparedRecord)
            implements Selection {
    }

    record Execution(TransferUser source, TransferUser target, String transferId, int attempt,
            SourceAccount sourceAccount, List<Selection> choices) implements ExecutionRequest {

        @Override
        public long selectionCount() {
            return choices.size();
        }

        @Override
        public Iterable<Selection> selections() {
            return OnceIterable.of(choices);
        }
    }

    record Transferred(TransferItem item, Optional<Resolution> resolution, ItemOutcome outcome,
            Optional<UndoRecord> undoRecord) implements TransferredItem {
    }

    record Undo(TransferUser source, TransferUser target, String transferId, Instant transferredAt, boolean dryRun,
            List<TransferredItem> list) implements UndoRequest {

        @Override
        public long itemCount() {
            return list.size();
        }

        @Override
        public Iterable<TransferredItem> items() {
            return OnceIterable.of(list);
        }
    }

    record Verification(TransferUser source, TransferUser target, String transferId, List<TransferredItem> list)
            implements VerificationRequest {

        @Override
        public long itemCount() {
            return list.size();
        }

        @Override
        public Iterable<TransferredItem> items() {
            return OnceIterable.of(list);
        }
    }
}
