package org.campus.spi.transfer;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Moves one module's data of a user to another user's account: a module's part of a Campus
 * transfer. Modelled on Sling's {@code JobExecutor}: the core calls the provider on a job thread
 * with a context it implements, and everything the provider hands back goes through that context.
 *
 * <p>Register an implementation as an OSGi service with these properties:
 * <ul>
 * <li>{@link #PROPERTY_KIND} = {@link #KIND} ({@code transfer});</li>
 * <li>{@link #PROPERTY_ID}: a stable id, unique among transfer providers (the core stores it with
 * every item and undo record, and names it when the provider is missing);</li>
 * <li>{@link #PROPERTY_ITEM_TYPES}: the item types it lists;</li>
 * <li>{@link #PROPERTY_UNDO}: {@code true} if it can undo (absent means it cannot).</li>
 * </ul>
 * The provider registry lists providers by these properties with the registering bundle and its
 * version, and {@link #checkHealth()}.
 *
 * <p>Rules every provider follows:
 * <ul>
 * <li>It never loses data silently: whatever it removes (a resolution discarding the source's or
 * the target's data) is in the item's undo record first.</li>
 * <li>Its steps are idempotent: the core may run an item again after a crash or a retryable
 * failure.</li>
 * <li>It is stateless between calls and safe to call for several transfers at once; the core never
 * runs two transfers touching the same user at the same time.</li>
 * <li>It starts no threads; it calls out synchronously on the caller's thread.</li>
 * <li>A provider that stores personal data itself also registers a
 * {@link org.campus.api.privacy.PrivacyProvider}; undo records are stored by the core and covered by
 * the core's.</li>
 * </ul>
 */
@ConsumerType
public interface TransferProvider {

    /** Service property naming the kind of provider; {@link #KIND} for transfer providers. */
    String PROPERTY_KIND = "campus.provider.kind";

    /** The value of {@link #PROPERTY_KIND} for transfer providers. */
    String KIND = "transfer";

    /** Service property: the provider's stable id (String), unique among transfer providers. */
    String PROPERTY_ID = "campus.provider.id";

    /** Service property: the item types the provider lists (String or String[]). */
    String PROPERTY_ITEM_TYPES = "campus.transfer.types";

    /** Service property: {@code true} (Boolean or String) if the provider can undo its transfers. */
    String PROPERTY_UNDO = "campus.transfer.undo";

    /**
     * Lists what could be transferred from the source to the target, each item through
     * {@link ListingContext#item}, with conflicts and the resolutions offered. Changes nothing.
     *
     * @throws TransferException if the listing is impossible (the module's store is unreachable)
     */
    void listItems(ListingRequest request, ListingContext context) throws TransferException;

    /**
     * Transfers the selected items one at a time, as {@link ExecutionContext} describes: undo record
     * first, then the change, then one outcome per item. A failure of one item is reported with
     * {@link ExecutionContext#failed} and the provider goes on with the next; it throws only when it
     * cannot go on at all (then the items without an outcome count as not run).
     */
    void transfer(ExecutionRequest request, ExecutionContext context) throws TransferException;

    /**
     * Restores the previous state of the given items from their undo records, or (in a dry run)
     * says whether it could. One report per item through the context; an item whose data changed
     * since the transfer is refused with {@link UndoRefusal#CHANGED_SINCE}, never overwritten.
     */
    void undo(UndoRequest request, UndoContext context) throws TransferException;

    /** Reports where every recorded object of the given items is now (see {@link VerificationContext}). */
    void verify(VerificationRequest request, VerificationContext context) throws TransferException;

    /**
     * Checks that the provider can work now (its store or remote system answers, its credentials
     * are accepted); returns normally if so.
     *
     * @throws TransferException saying what is wrong, for the provider registry's health column
     */
    void checkHealth() throws TransferException;
}
