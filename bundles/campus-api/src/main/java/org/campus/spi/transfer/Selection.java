package org.campus.spi.transfer;

import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** One item the admin selected for transfer, with the resolution chosen for its conflict. */
@ProviderType
public interface Selection {

    /** The item as the preview listed it (the provider re-reads the current state before it acts). */
    TransferItem item();

    /**
     * The resolution the admin chose; empty if the item had no conflict in the preview. If the item
     * conflicts now but has no resolution, the provider fails it ("changed since the preview")
     * rather than guess.
     */
    Optional<Resolution> resolution();

    /**
     * The undo record a previous attempt of this transfer {@linkplain ExecutionContext#prepare
     * prepared} for this item without reporting an outcome (the node died mid-item). The provider
     * then takes the previous state from it, not from the half-changed data it would read now, and
     * completes the item idempotently. Empty on a first attempt.
     */
    Optional<UndoRecord> preparedRecord();
}
