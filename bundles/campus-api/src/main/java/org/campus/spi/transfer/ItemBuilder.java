package org.campus.spi.transfer;

import org.campus.api.workflow.LmsId;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Builds one {@link TransferItem} and hands it to the core with {@link #add()}. Obtained from
 * {@link ListingContext#item(String, String)}; a builder is used once.
 *
 * <p>The core checks what it is given and throws {@link IllegalArgumentException} from the call
 * that breaks a rule: an id or type not of the documented form, a blank title, an id listed twice,
 * a conflict without options, an option or recommendation given twice or without a conflict.
 */
@ProviderType
public interface ItemBuilder {

    int MAX_ID_LENGTH = 200;

    /** Required: what the admin sees in the list. */
    ItemBuilder title(String title);

    /** Optional: more about the item. */
    ItemBuilder info(String info);

    /** A parameter the provider wants back with the item (at most 4000 characters in all). */
    ItemBuilder parameter(String name, String value);

    /** An LMS course this item belongs to (for the learning-progress callback). */
    ItemBuilder course(LmsId courseId);

    /** Marks the item as one whose transfer cannot be undone, and says why. */
    ItemBuilder irreversible(String reason);

    /**
     * Marks the item as conflicting with the target's data. Follow with {@link #offer} for each
     * resolution offered; {@link Resolution#SKIP} is added by the core if it is not offered.
     */
    ItemBuilder conflict(String description);

    /** Offers a resolution for the conflict, saying what it will do. */
    ItemBuilder offer(Resolution resolution, String effect);

    /** Offers a resolution that cannot be undone for this item, saying what it will do and why it is final. */
    ItemBuilder offerIrreversible(Resolution resolution, String effect, String reason);

    /** The offered resolution the provider suggests. */
    ItemBuilder recommend(Resolution resolution);

    /** Hands the item to the core (which may store it at once) and returns it. */
    TransferItem add();
}
