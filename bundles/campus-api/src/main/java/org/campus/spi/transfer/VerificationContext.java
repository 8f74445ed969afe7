package org.campus.spi.transfer;

import org.campus.spi.ProviderContext;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The context of {@link TransferProvider#verify}: the provider reports every object of every item,
 * with the fate the transfer meant for it and the fate it finds now. The core sums the actual fates
 * per object type (moved, stayed, removed, lost), and flags the transfer when an object's actual
 * fate differs from the expected one, or when a selected item reports no object at all.
 *
 * <p>Expected fates follow from the records: a {@link ChangeAction#MOVED moved} or
 * {@link ChangeAction#CREATED created} object is expected {@link ObjectFate#MOVED}, a
 * {@link ChangeAction#DELETED deleted} one {@link ObjectFate#REMOVED}, a {@link ChangeAction#KEPT
 * kept} one and the objects of a skipped item {@link ObjectFate#STAYED}.
 */
@ProviderType
public interface VerificationContext extends ProviderContext {

    /**
     * Reports one object.
     *
     * @param itemId the item it belongs to
     * @param objectType as in {@link ObjectChange#objectType()}
     * @param objectId as in {@link ObjectChange#objectId()}
     * @param expected where the transfer meant it to be
     * @param actual where it is now
     * @param detail for the admin when the two differ (e.g. "the target is no longer in Group A"); may be null
     */
    void object(String itemId, String objectType, String objectId, ObjectFate expected, ObjectFate actual,
            String detail);
}
