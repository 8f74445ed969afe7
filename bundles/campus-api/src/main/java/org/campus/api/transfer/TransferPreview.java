package org.campus.api.transfer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.campus.spi.transfer.SourceAccount;
import org.campus.spi.transfer.TransferUser;

/**
 * What every transfer provider could move from one account to another now, with conflicts, warnings
 * (irreversible items, providers that did not answer) and what becomes of the source account.
 *
 * @param sourceAccountEffect what becomes of the source account, in a sentence
 * @param items in the providers' order (providers by id)
 */
public record TransferPreview(TransferUser from, TransferUser to, SourceAccount sourceAccount,
        String sourceAccountEffect, List<PreviewItem> items, List<ProviderListing> providers, List<String> warnings) {

    public TransferPreview {
        items = List.copyOf(items);
        providers = List.copyOf(providers);
        warnings = List.copyOf(warnings);
    }

    /** The items grouped by type, the types in the order they first appear. */
    public Map<String, List<PreviewItem>> byType() {
        Map<String, List<PreviewItem>> groups = new LinkedHashMap<>();
        for (PreviewItem item : items) {
            groups.computeIfAbsent(item.type(), t -> new java.util.ArrayList<>()).add(item);
        }
        return groups;
    }
}
