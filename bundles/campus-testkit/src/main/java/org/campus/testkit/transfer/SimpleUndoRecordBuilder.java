package org.campus.testkit.transfer;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.campus.api.workflow.LmsId;
import org.campus.spi.transfer.ChangeAction;
import org.campus.spi.transfer.ObjectChange;
import org.campus.spi.transfer.UndoRecord;
import org.campus.spi.transfer.UndoRecordBuilder;

/** The undo record builder with the checks the core applies. */
final class SimpleUndoRecordBuilder implements UndoRecordBuilder {

    private final String itemId;
    private final List<ObjectChange> changes = new ArrayList<>();
    private String data;
    private int formatVersion = 1;
    private boolean built;

    SimpleUndoRecordBuilder(String itemId) {
        this.itemId = itemId;
    }

    @Override
    public UndoRecordBuilder change(ChangeAction action, String objectType, String objectId, LmsId previousOwner,
            LmsId owner, String previousState) {
        Objects.requireNonNull(action, "action");
        Checks.notBlank(objectType, "objectType");
        Checks.notBlank(objectId, "objectId");
        switch (action) {
            case MOVED -> {
                Checks.require(previousOwner != null && owner != null, "a moved object needs both owners");
                Checks.require(!previousOwner.equals(owner), "a moved object changes its owner");
            }
            case CREATED -> Checks.require(owner != null && previousOwner == null,
                    "a created object has an owner and no previous owner");
            case DELETED -> Checks.require(previousOwner != null && owner == null,
                    "a deleted object has a previous owner and no owner");
            case UPDATED, KEPT -> Checks.require(owner != null && owner.equals(previousOwner),
                    "an updated or kept object stays with its owner");
            default -> throw new IllegalArgumentException(action.name());
        }
        changes.add(new SimpleUndoRecord.Change(action, objectType, objectId, previousOwner, owner, previousState));
        return this;
    }

    @Override
    public UndoRecordBuilder data(String data) {
        Checks.require(data == null || data.length() <= MAX_DATA_LENGTH, "undo data longer than " + MAX_DATA_LENGTH);
        this.data = data;
        return this;
    }

    @Override
    public UndoRecordBuilder formatVersion(int version) {
        Checks.require(version >= 1, "format versions start at 1");
        this.formatVersion = version;
        return this;
    }

    @Override
    public UndoRecord build() {
        Checks.require(!built, "an undo record builder is used once");
        built = true;
        return new SimpleUndoRecord(itemId, formatVersion, changes, data);
    }
}
