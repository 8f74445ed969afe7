package org.campus.core.internal.transfer;

import java.util.List;
import java.util.Optional;

import org.campus.api.provider.ProviderLease;
import org.campus.api.provider.ProviderRegistry;
import org.campus.api.provider.ProviderUnavailableException;
import org.campus.spi.transfer.TransferProvider;

/**
 * The transfer providers registered now, as the {@link ProviderRegistry} (the one tracker of every
 * provider service) finds them, with what the transfer service reads from their service properties.
 * A provider whose properties are wrong, or whose id a higher ranked one holds, is left out; the
 * providers overview shows it as down.
 */
final class TransferProviders {

    /** A registered provider with what its service properties say. */
    record Registered(String id, String title, boolean undo, TransferProvider provider) {
    }

    private final ProviderRegistry registry;

    TransferProviders(ProviderRegistry registry) {
        this.registry = registry;
    }

    /** Every usable provider, by id. */
    List<Registered> all() {
        return registry.transferProviders().stream().map(TransferProviders::registered).toList();
    }

    Optional<Registered> get(String id) {
        try {
            return Optional.of(registered(registry.transferProvider(id)));
        } catch (ProviderUnavailableException e) {
            return Optional.empty();
        }
    }

    private static Registered registered(ProviderLease<TransferProvider> lease) {
        Object undo = lease.properties().get(TransferProvider.PROPERTY_UNDO);
        Object title = lease.properties().get(TransferProvider.PROPERTY_TITLE);
        Object id = lease.properties().get(TransferProvider.PROPERTY_ID);
        return new Registered((String) id, title instanceof String t && !t.isBlank() ? t : null,
                Boolean.TRUE.equals(undo) || "true".equals(undo), lease.service());
    }
}
