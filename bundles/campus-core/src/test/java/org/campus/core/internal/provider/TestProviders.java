package org.campus.core.internal.provider;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.campus.api.provider.ProviderKind;
import org.campus.core.internal.provider.ProviderRegistryImpl.Registered;
import org.campus.spi.archiver.ActivityArchiver;
import org.campus.spi.storage.StorageDriver;
import org.campus.spi.transfer.TransferProvider;
import org.osgi.framework.Constants;

/** Registers providers with a real {@link ProviderRegistryImpl} outside OSGi, for tests of other packages. */
public final class TestProviders {

    private static final AtomicLong SERVICE_IDS = new AtomicLong(1000);

    private TestProviders() {
    }

    /** Registers an archiver; the returned service id unregisters it. */
    public static long addArchiver(ProviderRegistryImpl registry, ActivityArchiver archiver, String id, String types,
            String inputs) {
        Map<String, Object> p = properties();
        p.put(ActivityArchiver.PROPERTY_ID, id);
        p.put(ActivityArchiver.PROPERTY_ACTIVITY_TYPES, types);
        p.put(ActivityArchiver.PROPERTY_INPUTS, inputs);
        registry.add(registry.archiverMap(), Registered.of(ProviderKind.ARCHIVER, archiver, p, "campus-archiver-" + id,
                "0.1.0"));
        return (Long) p.get(Constants.SERVICE_ID);
    }

    public static long addStorage(ProviderRegistryImpl registry, StorageDriver driver, String id) {
        Map<String, Object> p = properties();
        p.put(StorageDriver.PROPERTY_ID, id);
        registry.add(registry.storageMap(), Registered.of(ProviderKind.STORAGE, driver, p, "campus-storage-" + id,
                "0.1.0"));
        return (Long) p.get(Constants.SERVICE_ID);
    }

    /** Registers a transfer provider; {@code title} may be {@code null}. */
    public static long addTransfer(ProviderRegistryImpl registry, TransferProvider provider, String id, String title,
            boolean undo) {
        Map<String, Object> p = properties();
        p.put(TransferProvider.PROPERTY_ID, id);
        if (title != null) {
            p.put(TransferProvider.PROPERTY_TITLE, title);
        }
        p.put(TransferProvider.PROPERTY_UNDO, undo);
        registry.addTransferProvider(provider, p, "campus-transfer-" + id, "0.1.0");
        return (Long) p.get(Constants.SERVICE_ID);
    }

    public static void removeStorage(ProviderRegistryImpl registry, long serviceId) {
        registry.remove(registry.storageMap(), serviceId);
    }

    private static Map<String, Object> properties() {
        Map<String, Object> p = new HashMap<>();
        p.put(Constants.SERVICE_ID, SERVICE_IDS.incrementAndGet());
        p.put(Constants.SERVICE_RANKING, 0);
        return p;
    }
}
