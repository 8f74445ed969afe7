package org.campus.spi.transfer;

import org.campus.spi.ProviderContext;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The context of {@link TransferProvider#undo}: one report per item, {@link #undone} or
 * {@link #refused}. A provider compares the current data with what its record says the transfer
 * left, and refuses an item with {@link UndoRefusal#CHANGED_SINCE} rather than overwrite a later
 * change.
 */
@ProviderType
public interface UndoContext extends ProviderContext {

    /** The item's previous state is restored (in a dry run: would be restored now). */
    void undone(String itemId);

    /** The item is not undone (in a dry run: would not be), with why, and a sentence for the admin. */
    void refused(String itemId, UndoRefusal reason, String detail);
}
