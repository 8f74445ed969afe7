package org.campus.testkit.transfer;

import java.util.List;

import org.campus.api.workflow.LmsId;
import org.campus.spi.transfer.ChangeAction;
import org.campus.spi.transfer.ObjectChange;
import org.campus.spi.transfer.UndoRecord;

record SimpleUndoRecord(String itemId, int formatVersion, List<ObjectChange> changes, String data)
        implements UndoRecord {

    SimpleUndoRecord {
        changes = List.copyOf(changes);
    }

    record Change(ChangeAction action, String objectType, String objectId, LmsId previousOwner, LmsId owner,
            String previousState) implements ObjectChange {
    }
}
