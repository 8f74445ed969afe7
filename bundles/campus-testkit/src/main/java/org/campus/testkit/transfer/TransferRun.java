package org.campus.testkit.transfer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.campus.spi.transfer.ItemOutcome;
import org.campus.spi.transfer.Resolution;
import org.campus.spi.transfer.TransferException;
import org.campus.spi.transfer.TransferItem;
import org.campus.spi.transfer.TransferredItem;
import org.campus.spi.transfer.UndoRecord;

/**
 * One execution of a transfer through the harness (a first attempt, or a resumed one with the
 * outcomes of the attempts before it), as the core would have recorded it.
 */
public final class TransferRun {

    final String transferId;
    final int attempt;
    final List<TransferItem> items;
    final Map<String, Resolution> resolutions;
    final Map<String, RecordingExecutionContext.Outcome> outcomes;
    final Map<String, UndoRecord> prepared;
    private final TransferException thrown;
    private final SimulatedCrash crash;
    private final List<LogLine> log;
    private final long announcedSteps;
    private final long doneSteps;

    TransferRun(String transferId, int attempt, List<TransferItem> items, Map<String, Resolution> resolutions,
            Map<String, RecordingExecutionContext.Outcome> outcomes, Map<String, UndoRecord> prepared,
            TransferException thrown, SimulatedCrash crash, List<LogLine> log, long announcedSteps, long doneSteps) {
        this.transferId = transferId;
        this.attempt = attempt;
        this.items = List.copyOf(items);
        this.resolutions = Map.copyOf(resolutions);
        this.outcomes = new LinkedHashMap<>(outcomes);
        this.prepared = new LinkedHashMap<>(prepared);
        this.thrown = thrown;
        this.crash = crash;
        this.log = List.copyOf(log);
        this.announcedSteps = announcedSteps;
        this.doneSteps = doneSteps;
    }

    public String transferId() {
        return transferId;
    }

    /** The selected items, in selection order. */
    public List<TransferItem> items() {
        return items;
    }

    /** Outcome per item id, in report order; items without an outcome (not run) are absent. */
    public Map<String, ItemOutcome> outcomes() {
        Map<String, ItemOutcome> out = new LinkedHashMap<>();
        outcomes.forEach((id, o) -> out.put(id, o.outcome()));
        return out;
    }

    public Optional<ItemOutcome> outcome(String itemId) {
        return Optional.ofNullable(outcomes.get(itemId)).map(RecordingExecutionContext.Outcome::outcome);
    }

    /**
     * The record the core keeps for the item: the one its outcome was reported with; for an item
     * without an outcome (the node died), the prepared one.
     */
    public Optional<UndoRecord> record(String itemId) {
        RecordingExecutionContext.Outcome outcome = outcomes.get(itemId);
        if (outcome != null) {
            return Optional.ofNullable(outcome.record());
        }
        return Optional.ofNullable(prepared.get(itemId));
    }

    /** The record prepared (write-ahead) for the item, if any. */
    public Optional<UndoRecord> preparedRecord(String itemId) {
        return Optional.ofNullable(prepared.get(itemId));
    }

    public Optional<TransferException> failure(String itemId) {
        return Optional.ofNullable(outcomes.get(itemId)).map(RecordingExecutionContext.Outcome::failure);
    }

    public Optional<String> skipReason(String itemId) {
        return Optional.ofNullable(outcomes.get(itemId)).map(RecordingExecutionContext.Outcome::skipReason);
    }

    /** What {@code transfer} threw, if it gave up as a whole. */
    public Optional<TransferException> thrown() {
        return Optional.ofNullable(thrown);
    }

    /** True if the harness played a crash in this attempt. */
    public boolean crashed() {
        return crash != null;
    }

    public List<LogLine> log() {
        return log;
    }

    /** The steps the provider announced in this attempt; -1 if it announced none. */
    public long announcedSteps() {
        return announcedSteps;
    }

    public long doneSteps() {
        return doneSteps;
    }

    /** The items as undo and verification get them: every item with an outcome, in transfer order. */
    List<TransferredItem> transferredItems() {
        List<TransferredItem> out = new ArrayList<>();
        for (TransferItem item : items) {
            RecordingExecutionContext.Outcome outcome = outcomes.get(item.id());
            if (outcome != null) {
                out.add(new Requests.Transferred(item, Optional.ofNullable(resolutions.get(item.id())),
                        outcome.outcome(), record(item.id())));
            }
        }
        return out;
    }
}
