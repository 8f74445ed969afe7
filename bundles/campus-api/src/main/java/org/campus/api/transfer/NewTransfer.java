package org.campus.api.transfer;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.campus.spi.transfer.Resolution;
import org.campus.spi.transfer.SourceAccount;
import org.campus.spi.transfer.TransferUser;

/**
 * An admin's selection for a transfer: the items (qualified ids, as a preview of the two users
 * lists them), or every item ({@code allItems}), one resolution for each conflicting item, and what
 * is to become of the source account.
 *
 * @param items the qualified ids of the chosen items (empty when {@code allItems})
 * @param allItems every item the providers list now
 * @param resolutions qualified item id to the resolution chosen for its conflict
 */
public record NewTransfer(TransferUser from, TransferUser to, List<String> items, boolean allItems,
        Map<String, Resolution> resolutions, SourceAccount sourceAccount) {

    public NewTransfer {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        items = items == null ? List.of() : List.copyOf(items);
        resolutions = resolutions == null ? Map.of() : Map.copyOf(resolutions);
        sourceAccount = sourceAccount == null ? SourceAccount.LEFT_AS_IS : sourceAccount;
    }
}
