package org.campus.core.internal.transfer;

import java.sql.SQLException;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

import org.campus.api.transfer.ItemResult;
import org.campus.core.internal.db.DatabaseException;
import org.campus.spi.job.JobContext;
import org.campus.spi.transfer.ExecutionContext;
import org.campus.spi.transfer.TransferException;
import org.campus.spi.transfer.UndoRecord;
import org.campus.spi.transfer.UndoRecordBuilder;

/**
 * The core's {@link ExecutionContext} for one provider in one attempt of a transfer: every prepared
 * record and every outcome is committed with the job's checkpoint before the call returns.
 */
final class ExecutionRun extends WorkContext implements ExecutionContext {

    interface Progress {
        void itemDone();
    }

    private final long transferId;
    private final TransferRepository repository;
    private final Writes writes;
    private final Clock clock;
    private final Progress progress;
    private int reported;

    ExecutionRun(JobContext job, String provider, long transferId, TransferRepository repository, Writes writes,
            Clock clock, Progress progress) {
        super(job, provider);
        this.transferId = transferId;
        this.repository = repository;
        this.writes = writes;
        this.clock = clock;
        this.progress = progress;
    }

    int reported() {
        return reported;
    }

    @Override
    public UndoRecordBuilder undoRecord(String itemId) {
        return new RecordBuilder(Objects.requireNonNull(itemId, "itemId"));
    }

    @Override
    public void prepare(UndoRecord record) {
        Objects.requireNonNull(record, "record");
        String json = TransferJson.record(record);
        boolean written = write("prepare " + record.itemId(),
                c -> repository.prepare(c, transferId, provider, record.itemId(), json));
        if (!written) {
            throw new IllegalStateException("item " + record.itemId() + " is not a pending selection of transfer "
                    + transferId);
        }
    }

    @Override
    public void transferred(String itemId, UndoRecord record) {
        if (record != null && !itemId.equals(record.itemId())) {
            throw new IllegalArgumentException("the record of item " + record.itemId() + " given for item " + itemId);
        }
        outcome(itemId, ItemResult.TRANSFERRED, null, record == null ? null : TransferJson.record(record), false);
    }

    @Override
    public void skipped(String itemId, String reason) {
        outcome(itemId, ItemResult.SKIPPED, reason, null, false);
    }

    @Override
    public void failed(String itemId, TransferException failure, UndoRecord partial) {
        Objects.requireNonNull(failure, "failure");
        log(org.campus.spi.LogLevel.WARN, "item {} failed: {}", itemId, failure.getMessage());
        // a failed item without a partial record was rolled back by its provider: nothing to undo
        outcome(itemId, ItemResult.FAILED, failure.adminMessage(), partial == null ? null : TransferJson.record(partial),
                false);
    }

    private void outcome(String itemId, ItemResult outcome, String message, String recordJson, boolean keepPrepared) {
        long now = clock.millis();
        boolean written = write(outcome.code() + " " + itemId, c -> repository.outcome(c, transferId, provider, itemId,
                outcome, message, recordJson, keepPrepared, now));
        if (!written) {
            throw new IllegalStateException("item " + itemId + " is not a pending selection of transfer " + transferId
                    + " (not selected, or reported before)");
        }
        reported++;
        progress.itemDone();
    }

    private boolean write(String step, org.campus.spi.job.JobWork<Boolean> work) {
        try {
            return writes.write(step.length() > 200 ? step.substring(0, 200) : step, work);
        } catch (SQLException e) {
            throw new DatabaseException("recording transfer " + transferId + " failed", e);
        }
    }

    static Optional<UndoRecord> prepared(TransferRepository.ItemRow row) {
        return row.prepared() ? Optional.ofNullable(TransferJson.record(row.recordJson())) : Optional.empty();
    }
}
