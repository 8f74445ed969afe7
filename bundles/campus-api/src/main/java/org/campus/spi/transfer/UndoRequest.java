package org.campus.spi.transfer;

import java.time.Instant;

import org.osgi.annotation.versioning.ProviderType;

/** Asks a provider to undo (or, in a dry run, to check that it could undo) items of a past transfer. */
@ProviderType
public interface UndoRequest extends TransferRequest {

    String transferId();

    /** When the transfer ended. */
    Instant transferredAt();

    /**
     * True: change nothing, only report for each item whether it would be undone now
     * ({@link UndoContext#undone}) or why not ({@link UndoContext#refused}). The core runs a dry run
     * over every provider first and undoes only if no item is refused.
     */
    boolean dryRun();

    /** How many items {@link #items()} yields. */
    long itemCount();

    /**
     * The items to undo, each with its undo record, in the reverse of the order they were
     * transferred (so that later changes are undone first). Iterate once.
     */
    Iterable<TransferredItem> items();
}
