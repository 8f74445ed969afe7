package org.campus.spi.transfer;

import org.campus.spi.Provider;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Moves one module's data of a user to another user's account: a module's part of a Campus
 * transfer. Modelled on Sling's {@code JobExecutor}: the core calls the provider on a job thread
 * with a context it implements (a {@link org.campus.spi.ProviderContext}: progress, cancellation,
 * log, heartbeat), and everything the provider hands back goes through that context.
 *
 * <p>Register an implementation as an OSGi service with the service properties {@link #PROPERTY_ID},
 * {@link #PROPERTY_ITEM_TYPES} and {@link #PROPERTY_UNDO}:
 *
 * <pre>
 * &#64;Component(service = TransferProvider.class, property = {
 *         TransferProvider.PROPERTY_ID + "=moodle",
 *         TransferProvider.PROPERTY_ITEM_TYPES + "=enrolment",
 *         TransferProvider.PROPERTY_UNDO + ":Boolean=true" })
 * </pre>
 *
 * The core reads the properties when the service appears, without calling it. The providers
 * overview describes it as kind {@value #KIND} with its id, bundle, version and
 * {@linkplain #health() health}. The core stores the id with every item and undo record of a
 * transfer; a provider that is missing when a transfer, an undo or a verification needs it fails
 * that work with the id named.
 *
 * <p>Rules every transfer provider follows (besides those of every provider, see
 * {@link org.campus.spi}):
 * <ul>
 * <li>It never loses data silently: whatever it removes (a resolution discarding the source's or
 * the target's data) is in the item's undo record first.</li>
 * <li>Its steps are idempotent: the core may run an item again after a crash or a retryable
 * failure.</li>
 * <li>It is stateless between calls and safe to call for several transfers at once; the core never
 * runs two transfers touching the same user at the same time.</li>
 * <li>Undo records are stored by the core with the transfer and covered by the core's privacy
 * provider; a provider that stores personal data of its own registers its own.</li>
 * </ul>
 */
@ConsumerType
public interface TransferProvider extends Provider {

    /** The provider kind, as the providers overview names it. */
    String KIND = "transfer";

    /**
     * Service property (String, required): the provider's id, unique among transfer providers and
     * never changed once transfers were made; lower-case letters, digits, dashes and dots, at most
     * 64 characters.
     */
    String PROPERTY_ID = "transfer.id";

    /** Service property (String, optional): a title for people (e.g. "Moodle at lms.example.org"). */
    String PROPERTY_TITLE = "transfer.title";

    /**
     * Service property (String or String[], required): the item types it lists (see
     * {@link TransferItem#type()}).
     */
    String PROPERTY_ITEM_TYPES = "transfer.item.types";

    /**
     * Service property (Boolean, or the String {@code true}; optional): whether it can undo its
     * transfers. Absent means it cannot: the preview warns that every item of it is irreversible,
     * and the core refuses to undo its items with {@link UndoRefusal#NOT_SUPPORTED}.
     */
    String PROPERTY_UNDO = "transfer.undo";

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
}
