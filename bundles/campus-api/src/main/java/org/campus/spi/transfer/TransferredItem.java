package org.campus.spi.transfer;

import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** An item of a past transfer, as the core recorded it: handed to undo and verification. */
@ProviderType
public interface TransferredItem {

    TransferItem item();

    /** The resolution the admin chose; empty if the item had no conflict. */
    Optional<Resolution> resolution();

    ItemOutcome outcome();

    /**
     * The item's undo record: the final one of a transferred item, or the partial one a failed item
     * was reported with. Empty for a skipped item, an irreversible one, and a failed one reported
     * without a record (nothing changed, or the provider rolled it back). An item that never got an
     * outcome (its node died and the transfer was not resumed) is handed as {@link ItemOutcome#FAILED}
     * with the record its provider {@linkplain ExecutionContext#prepare prepared}.
     */
    Optional<UndoRecord> undoRecord();
}
