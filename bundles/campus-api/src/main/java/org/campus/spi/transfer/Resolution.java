package org.campus.spi.transfer;

/**
 * How a conflict between the source's data and the target's is resolved. A provider offers the
 * resolutions that make sense for a conflict ({@link Conflict#options()}), each with a sentence
 * saying what it will do there; the admin picks one per conflicting item.
 *
 * <p>Whatever a resolution removes is kept in the item's {@link UndoRecord}, so that undo can bring
 * it back: a resolution never loses data silently.
 */
public enum Resolution {

    /** The source's data replaces the target's conflicting data; the target's is removed. */
    KEEP_SOURCE,

    /** The target's data stays as it is; the source's conflicting data is removed from the source. */
    KEEP_TARGET,

    /** Both are kept: the source's data moves to the target next to the target's own (two test passes). */
    KEEP_BOTH,

    /** The two are combined into the target's, as the option's effect describes; the source's is removed. */
    MERGE,

    /** Nothing happens to this item: the source keeps its data, the target keeps its own. */
    SKIP
}
