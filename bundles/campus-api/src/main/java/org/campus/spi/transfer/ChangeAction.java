package org.campus.spi.transfer;

/** What a transfer did to one object, as an {@link ObjectChange} records it. */
public enum ChangeAction {

    /** The object now belongs to the target instead of the source (its previous owner). */
    MOVED,

    /** A new object was created for its owner (a copy, or the target's half of a moved relation). */
    CREATED,

    /** The owner's object was changed (a merge); its previous state is recorded. */
    UPDATED,

    /** The object was removed from its previous owner (a resolution discarded it); its previous state is recorded. */
    DELETED,

    /** The object was looked at and left with its owner on purpose (the target's side of a conflict). */
    KEPT
}
