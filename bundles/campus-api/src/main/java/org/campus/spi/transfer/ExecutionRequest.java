package org.campus.spi.transfer;

import org.osgi.annotation.versioning.ProviderType;

/** Asks a provider to transfer the selected items from the source to the target. */
@ProviderType
public interface ExecutionRequest extends TransferRequest {

    /** The transfer's id; the core keeps every undo record under it. */
    String transferId();

    /** 1 on the first run of this transfer; more when the core resumes it after a node was lost. */
    int attempt();

    /** What the admin chose to happen to the source account. */
    SourceAccount sourceAccount();

    /** How many selections {@link #selections()} yields (for progress). */
    long selectionCount();

    /**
     * The selected items of this provider, in the order the provider listed them, each once. The
     * core may read them lazily from its store, so iterate once.
     */
    Iterable<Selection> selections();
}
