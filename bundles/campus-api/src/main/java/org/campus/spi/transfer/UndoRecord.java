package org.campus.spi.transfer;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * What a provider did to one item, in a form it can undo: every object it changed or kept on
 * purpose ({@link #changes()}, for undo, verification and the audit), plus the provider's own
 * opaque {@link #data()} (e.g. the states before and after as JSON).
 *
 * <p>The core persists undo records, not the provider: in the transfer's job, in the same
 * transaction as the item's outcome, under the transfer id, and hands them back to
 * {@link TransferProvider#undo} and {@link TransferProvider#verify}. A provider therefore needs no
 * storage of its own for undo, the records share the transfer's retention, undo window and privacy
 * handling, and a record cannot be lost between a provider's write and the core's outcome.
 */
@ProviderType
public interface UndoRecord {

    /** The item this record is for. */
    String itemId();

    /** The version of the provider's record format, so that a newer provider can read an older record. */
    int formatVersion();

    /** The objects changed or kept, in the order the provider did it. */
    List<ObjectChange> changes();

    /** The provider's own data for undo; null if the changes say everything. */
    String data();
}
