package org.campus.spi.transfer;

import org.campus.api.workflow.LmsId;
import org.osgi.annotation.versioning.ProviderType;

/**
 * One object a transfer changed (or kept on purpose), in a form its provider can undo: a row, a
 * relation, a role assignment. The object type and id are the provider's (e.g.
 * {@code role-assignment}, {@code course:12/role:5}); the states are the provider's own strings
 * (usually JSON).
 */
@ProviderType
public interface ObjectChange {

    ChangeAction action();

    /** The kind of object, for verification counts (e.g. {@code enrolment}, {@code role-assignment}). */
    String objectType();

    /**
     * The provider's id of the object. Unique within the item together with the previous owner: when
     * both accounts had the same role in a course, the source's and the target's are two changes.
     */
    String objectId();

    /** Whose it was before the transfer; null for a {@link ChangeAction#CREATED created} object. */
    LmsId previousOwner();

    /** Whose it is after the transfer; null for a {@link ChangeAction#DELETED deleted} object. */
    LmsId owner();

    /** The object's state before the transfer, in the provider's format; null if it had none or it did not change. */
    String previousState();
}
