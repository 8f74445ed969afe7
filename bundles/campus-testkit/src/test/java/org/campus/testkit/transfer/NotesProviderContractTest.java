package org.campus.testkit.transfer;

import java.util.Set;

import org.campus.api.workflow.LmsId;
import org.campus.spi.transfer.TransferItem;
import org.campus.spi.transfer.TransferProvider;
import org.campus.spi.transfer.TransferUser;

/** The kit's own reference provider passes the contract. */
class NotesProviderContractTest extends TransferProviderContract {

    static final TransferUser SOURCE = new TransferUser(LmsId.of("u-old"), "Ada (old)");
    static final TransferUser TARGET = new TransferUser(LmsId.of(7), "Ada");

    final NotesStore store = new NotesStore();

    @Override
    protected TransferProvider provider() {
        return new NotesProvider(store);
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
        fill(store);
    }

    static void fill(NotesStore store) {
        store.notes.clear();
        store.put("u-old", "alpha", "first");
        store.put("u-old", "beta", "second");
        store.put("u-old", "gamma", "third");
        store.put("7", "beta", "target's second");
        store.put("7", "delta", "target only");
        store.put("someone-else", "alpha", "not ours");
    }

    @Override
    protected Object snapshot() {
        return store.snapshot();
    }

    @Override
    protected boolean changeAfterTransfer(TransferItem item) {
        String key = item.parameters().get("key");
        store.put("7", key, "edited by the user after the transfer");
        return true;
    }

    @Override
    protected Set<String> declaredItemTypes() {
        return Set.of(NotesProvider.TYPE);
    }
}
