package org.campus.testkit.transfer;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import org.campus.spi.transfer.ExecutionContext;
import org.campus.spi.transfer.ItemOutcome;
import org.campus.spi.transfer.TransferException;
import org.campus.spi.transfer.UndoRecord;
import org.campus.spi.transfer.UndoRecordBuilder;

/** Records prepared undo records and outcomes, with the core's checks; can play a crash or a cancel. */
final class RecordingExecutionContext extends BaseContext implements ExecutionContext {

    record Outcome(ItemOutcome outcome, UndoRecord record, String skipReason, TransferException failure) {
    }

    private final Set<String> selected;
    private final Set<String> irreversible;
    private final boolean undoSupported;
    private final AtomicBoolean cancelled;
    private final int cancelAfterOutcomes;
    private final String crashAt;
    private boolean dead;
    final Map<String, UndoRecord> prepared = new LinkedHashMap<>();
    final Map<String, Outcome> outcomes = new LinkedHashMap<>();

    RecordingExecutionContext(Set<String> selected, Set<String> irreversible, boolean undoSupported,
            AtomicBoolean cancelled, int cancelAfterOutcomes, String crashAt) {
        super(cancelled::get);
        this.selected = selected;
        this.irreversible = irreversible;
        this.undoSupported = undoSupported;
        this.cancelled = cancelled;
        this.cancelAfterOutcomes = cancelAfterOutcomes;
        this.crashAt = crashAt;
    }

    @Override
    public UndoRecordBuilder undoRecord(String itemId) {
        alive(itemId);
        checkSelected(itemId);
        return new SimpleUndoRecordBuilder(itemId);
    }

    @Override
    public void prepare(UndoRecord record) {
        Checks.require(record != null, "prepare needs a record");
        alive(record.itemId());
        checkSelected(record.itemId());
        if (outcomes.containsKey(record.itemId())) {
            throw new IllegalStateException("item " + record.itemId() + " already has an outcome");
        }
        prepared.put(record.itemId(), record);
    }

    @Override
    public void transferred(String itemId, UndoRecord record) {
        Checks.require(record != null || irreversible.contains(itemId) || !undoSupported,
                "a reversible item is transferred with its undo record: " + itemId);
        Checks.require(record == null || itemId.equals(record.itemId()), "the record is of another item");
        outcome(itemId, new Outcome(ItemOutcome.TRANSFERRED, record, null, null));
    }

    @Override
    public void skipped(String itemId, String reason) {
        Checks.notBlank(reason, "skip reason");
        outcome(itemId, new Outcome(ItemOutcome.SKIPPED, null, reason, null));
    }

    @Override
    public void failed(String itemId, TransferException failure, UndoRecord partial) {
        Checks.require(failure != null, "a failed item needs its failure");
        Checks.require(partial == null || itemId.equals(partial.itemId()), "the record is of another item");
        outcome(itemId, new Outcome(ItemOutcome.FAILED, partial, null, failure));
    }

    private void outcome(String itemId, Outcome outcome) {
        alive(itemId);
        checkSelected(itemId);
        if (itemId.equals(crashAt)) {
            dead = true;
            throw new SimulatedCrash(itemId);
        }
        if (outcomes.containsKey(itemId)) {
            throw new IllegalStateException("item " + itemId + " already has an outcome");
        }
        outcomes.put(itemId, outcome);
        if (cancelAfterOutcomes > 0 && outcomes.size() >= cancelAfterOutcomes) {
            cancelled.set(true);
        }
    }

    private void alive(String itemId) {
        if (dead) {
            throw new SimulatedCrash(itemId);
        }
    }

    private void checkSelected(String itemId) {
        if (!selected.contains(itemId)) {
            throw new IllegalStateException("item " + itemId + " was not selected");
        }
    }
}
