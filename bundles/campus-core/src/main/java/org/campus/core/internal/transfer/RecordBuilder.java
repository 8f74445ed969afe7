package org.campus.core.internal.transfer;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.campus.api.workflow.LmsId;
import org.campus.spi.transfer.ChangeAction;
import org.campus.spi.transfer.ObjectChange;
import org.campus.spi.transfer.UndoRecord;
import org.campus.spi.transfer.UndoRecordBuilder;

/** The core's {@link UndoRecordBuilder}: checks what it is given, as the SPI says. */
final class RecordBuilder implements UndoRecordBuilder {

    private final String itemId;
    private final List<ObjectChange> changes = new ArrayList<>();
    private String data;
    private int formatVersion = 1;

    RecordBuilder(String itemId) {
        this.itemId = itemId;
    }

    @Override
    public UndoRecordBuilder change(ChangeAction action, String objectType, String objectId, LmsId previousOwner,
            LmsId owner, String previousState) {
        Objects.requireNonNull(action, "action");
        ItemListing.notBlank(objectType, "object type");
        ItemListing.notBlank(objectId, "object id");
        changes.add(new TransferJson.Change(action, objectType, objectId, previousOwner, owner, previousState));
        return this;
    }

    @Override
    public UndoRecordBuilder data(String data) {
        ItemListing.require(data == null || data.length() <= MAX_DATA_LENGTH,
                "undo record data longer than " + MAX_DATA_LENGTH + " characters");
        this.data = data;
        return this;
    }

    @Override
    public UndoRecordBuilder formatVersion(int version) {
        ItemListing.require(version >= 1, "format version below 1");
        this.formatVersion = version;
        return this;
    }

    @Override
    public UndoRecord build() {
        return new TransferJson.Record(itemId, formatVersion, changes, data);
    }
}
