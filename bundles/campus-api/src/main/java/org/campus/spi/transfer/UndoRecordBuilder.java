package org.campus.spi.transfer;

import org.campus.api.workflow.LmsId;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Builds the {@link UndoRecord} of one item. Obtained from {@link ExecutionContext#undoRecord(String)}.
 * Keep records small: the core stores one per item (a few KiB is usual; {@link #data(String)} takes
 * at most {@value #MAX_DATA_LENGTH} characters).
 */
@ProviderType
public interface UndoRecordBuilder {

    int MAX_DATA_LENGTH = 1 << 20;

    /** Records one object; see {@link ObjectChange} for what each argument means. */
    UndoRecordBuilder change(ChangeAction action, String objectType, String objectId, LmsId previousOwner,
            LmsId owner, String previousState);

    default UndoRecordBuilder moved(String objectType, String objectId, LmsId from, LmsId to) {
        return change(ChangeAction.MOVED, objectType, objectId, from, to, null);
    }

    default UndoRecordBuilder created(String objectType, String objectId, LmsId owner) {
        return change(ChangeAction.CREATED, objectType, objectId, null, owner, null);
    }

    default UndoRecordBuilder updated(String objectType, String objectId, LmsId owner, String previousState) {
        return change(ChangeAction.UPDATED, objectType, objectId, owner, owner, previousState);
    }

    default UndoRecordBuilder deleted(String objectType, String objectId, LmsId previousOwner, String previousState) {
        return change(ChangeAction.DELETED, objectType, objectId, previousOwner, null, previousState);
    }

    default UndoRecordBuilder kept(String objectType, String objectId, LmsId owner) {
        return change(ChangeAction.KEPT, objectType, objectId, owner, owner, null);
    }

    /** The provider's own data for undo (usually JSON). */
    UndoRecordBuilder data(String data);

    /** The provider's record format version (default 1). */
    UndoRecordBuilder formatVersion(int version);

    UndoRecord build();
}
