package org.campus.spi.transfer;

import org.campus.spi.ProviderContext;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The context of {@link TransferProvider#transfer}. For each selection, in order:
 * <ol>
 * <li>stop if {@link #isCancelled()} (the core marks the rest as not run);</li>
 * <li>read the item's current state and {@link #prepare} its undo record before changing anything
 * (if {@code prepare} throws, change nothing and let the exception propagate);</li>
 * <li>change the data;</li>
 * <li>report exactly one outcome: {@link #transferred}, {@link #skipped} or {@link #failed}.</li>
 * </ol>
 * The core persists the prepared record and each outcome before the call returns, so that a
 * transfer interrupted anywhere can be resumed ({@link Selection#preparedRecord()}) or undone.
 * The core throws {@link IllegalStateException} for an outcome given twice or for an item that was
 * not selected. Whatever this context throws, the provider lets it propagate: a provider never
 * carries on without its record.
 *
 * <p>Progress: one step per selection ({@link #initProgress} with {@link ExecutionRequest#selectionCount()}).
 */
@ProviderType
public interface ExecutionContext extends ProviderContext {

    /** Starts the undo record of an item. */
    UndoRecordBuilder undoRecord(String itemId);

    /** Persists the record of what the provider is about to do to an item (write-ahead), before it does it. */
    void prepare(UndoRecord record);

    /**
     * The item moved. The record says what was done (it replaces the prepared one); null only for
     * an irreversible item.
     */
    void transferred(String itemId, UndoRecord record);

    /** Nothing was changed for the item (the resolution was SKIP, or there was nothing to move). */
    void skipped(String itemId, String reason);

    /**
     * The item could not be transferred. {@code partial} is the record of what was changed anyway
     * and could not be rolled back by the provider (so that the core can undo it or show it); null
     * if nothing of the item was changed, or the provider rolled it back itself.
     */
    void failed(String itemId, TransferException failure, UndoRecord partial);
}
