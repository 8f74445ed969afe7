package org.campus.transfer.sharing.internal;

import java.util.Set;

import org.campus.api.workflow.LmsId;
import org.campus.spi.transfer.TransferItem;
import org.campus.spi.transfer.TransferProvider;
import org.campus.spi.transfer.TransferUser;
import org.campus.testkit.transfer.TransferProviderContract;

/** The share-progress provider passes the transfer provider contract. */
class ShareTransferProviderContractTest extends TransferProviderContract {

    static final TransferUser SOURCE = new TransferUser(LmsId.of(5), "Ann (old)");
    static final TransferUser TARGET = new TransferUser(LmsId.of("ann-b"), "Ann");

    private final MemoryShares shares = new MemoryShares();

    @Override
    protected TransferProvider provider() {
        return new ShareTransferProvider(shares);
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
        shares.shares.clear();
        shares.add(1, SOURCE.id(), 12);
        shares.add(2, SOURCE.id(), 12);
        shares.add(3, SOURCE.id(), 13);
        shares.add(4, TARGET.id(), 12);
        shares.add(5, LmsId.of(99), 12);
    }

    @Override
    protected Object snapshot() {
        return shares.snapshot();
    }

    @Override
    protected boolean changeAfterTransfer(TransferItem item) {
        shares.owner(ShareTransferProvider.shareId(item.id()), LmsId.of(99));
        return true;
    }

    @Override
    protected Set<String> declaredItemTypes() {
        return Set.of(ShareTransferProvider.TYPE);
    }

    @Override
    protected boolean fixtureHasConflicts() {
        return false;
    }
}
