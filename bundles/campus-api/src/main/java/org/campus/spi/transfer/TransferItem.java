package org.campus.spi.transfer;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.campus.api.workflow.LmsId;
import org.osgi.annotation.versioning.ProviderType;

/**
 * One thing a provider can transfer from the source account to the target, as the admin selects it
 * (a course enrolment with its roles and groups, a test pass, a workflow record). Built through
 * {@link ListingContext#item(String, String)}; the core keeps it between preview and execution and
 * hands it back in {@link Selection#item()}.
 */
@ProviderType
public interface TransferItem {

    /**
     * The provider's id of the item: unique among this provider's items for the two users, stable
     * between a preview and the execution (so that a selection made on a preview still names the
     * same data), at most {@value ItemBuilder#MAX_ID_LENGTH} characters of {@code [A-Za-z0-9._:/-]}.
     * The core qualifies it with the provider id where items of several providers meet.
     */
    String id();

    /**
     * The kind of item, for grouping and icons in the preview (e.g. {@code enrolment},
     * {@code test-pass}): a lowercase token of {@code [a-z0-9.-]}. Items of different providers may
     * share a type when they are the same kind of data. A provider lists its types in the service
     * property {@link TransferProvider#PROPERTY_ITEM_TYPES}.
     */
    String type();

    /** What the admin sees in the list (e.g. "Physics 101 (PHY101)"). */
    String title();

    /** More about the item for the admin (e.g. "Roles: student. Groups: Group A"); null if none. */
    String info();

    /** The provider's own parameters for the item (e.g. the course id); handed back unchanged. */
    Map<String, String> parameters();

    /**
     * The LMS courses this item belongs to, if any. After a transfer (and an undo) the core tells the
     * LMS which courses and users were affected, so that it recalculates learning progress there.
     */
    Set<LmsId> courses();

    /** True if transferring this item cannot be undone, whatever the resolution. */
    boolean irreversible();

    /** Why it cannot be undone; null if it can. */
    String irreversibleReason();

    /** The clash with the target's data, if any; such an item needs a resolution to be transferred. */
    Optional<Conflict> conflict();
}
