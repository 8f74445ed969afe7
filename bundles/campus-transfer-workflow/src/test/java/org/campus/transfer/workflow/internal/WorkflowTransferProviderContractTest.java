package org.campus.transfer.workflow.internal;

import java.util.Set;

import org.campus.api.workflow.LmsId;
import org.campus.spi.transfer.TransferItem;
import org.campus.spi.transfer.TransferProvider;
import org.campus.spi.transfer.TransferUser;
import org.campus.testkit.transfer.TransferProviderContract;

/** The workflow record provider passes the transfer provider contract. */
class WorkflowTransferProviderContractTest extends TransferProviderContract {

    static final TransferUser SOURCE = new TransferUser(LmsId.of(5), "Ann (old)");
    static final TransferUser TARGET = new TransferUser(LmsId.of("ann-b"), "Ann");

    private final MemoryRecords records = new MemoryRecords();

    @Override
    protected TransferProvider provider() {
        return new WorkflowTransferProvider(records);
    }

    @Override
    protected TransferUser source() {
        return SOURCE;
    }

    @Override
    protected TransferUser target() {
        return TARGET;
    }

    @Override
    protected void createFixture() {
        records.authors.clear();
        records.history.clear();
        records.record(1, SOURCE.id());
        records.entry(11, 1, SOURCE.id());
        records.entry(12, 1, LmsId.of(42)); // a teacher's review stays the teacher's
        records.record(2, SOURCE.id());
        records.entry(21, 2, SOURCE.id());
        records.entry(22, 2, SOURCE.id());
        records.record(3, SOURCE.id());
        records.record(4, TARGET.id());
        records.entry(41, 4, TARGET.id());
        records.record(5, LmsId.of(42));
        records.entry(51, 5, SOURCE.id()); // in someone else's record: not moved
    }

    @Override
    protected Object snapshot() {
        return records.snapshot();
    }

    @Override
    protected boolean changeAfterTransfer(TransferItem item) {
        records.authors.put(WorkflowTransferProvider.recordId(item.id()), LmsId.of(42));
        return true;
    }

    @Override
    protected Set<String> declaredItemTypes() {
        return Set.of(WorkflowTransferProvider.TYPE);
    }

    @Override
    protected boolean fixtureHasConflicts() {
        return false;
    }
}
