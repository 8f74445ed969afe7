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
     * The item's undo record: the final one of a transferred item, or the partial one of a failed
     * item (the prepared record if the provider reported none); empty for a skipped item, an
     * irreversible one, or a failed one that changed nothing.
     */
    Optional<UndoRecord> undoRecord();
}
