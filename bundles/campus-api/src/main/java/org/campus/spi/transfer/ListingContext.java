package org.campus.spi.transfer;

import org.campus.spi.ProviderContext;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The context of {@link TransferProvider#listItems}: items are handed to the core one at a time, so
 * that a user with very many items never has to be held in memory as a whole.
 */
@ProviderType
public interface ListingContext extends ProviderContext {

    /** Starts an item with its id and type (see {@link TransferItem#id()} and {@link TransferItem#type()}). */
    ItemBuilder item(String id, String type);
}
