package org.campus.api.provider;

import java.util.List;
import java.util.Optional;

import org.campus.spi.archiver.ActivityArchiver;
import org.campus.spi.storage.StorageDriver;
import org.campus.spi.transfer.TransferProvider;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Every provider registered now. The core tracks provider services dynamically: a provider that
 * appears is found by the next lookup, one that disappears is gone from every answer at once (the
 * registry holds no provider past its unregistration), and leases taken before tell so.
 */
@ProviderType
public interface ProviderRegistry {

    /** Event topic: a provider was registered. Properties: kind, id, bundle, version. */
    String TOPIC_REGISTERED = "campus/provider/REGISTERED";

    /** Event topic: a provider was unregistered. Properties: kind, id, bundle, version. */
    String TOPIC_UNREGISTERED = "campus/provider/UNREGISTERED";

    /** Every provider registered now, with its health, by kind then id. */
    List<ProviderDescription> providers();

    /** Every provider of one kind registered now, by id. */
    List<ProviderDescription> providers(ProviderKind kind);

    Optional<ProviderDescription> find(ProviderKind kind, String id);

    /**
     * The storage driver with this {@link StorageDriver#PROPERTY_ID id}.
     *
     * @throws ProviderUnavailableException when none is registered (the message names the id)
     */
    ProviderLease<StorageDriver> storageDriver(String id);

    /**
     * The archiver for this activity type (of several, the highest ranked).
     *
     * @throws ProviderUnavailableException when none is registered (the message names the type)
     */
    ProviderLease<ActivityArchiver> archiverFor(String activityType);

    /**
     * The archiver with this {@link ActivityArchiver#PROPERTY_ID id}, e.g. to resume a job with the
     * archiver that began it.
     *
     * @throws ProviderUnavailableException when none is registered (the message names the id)
     */
    ProviderLease<ActivityArchiver> archiver(String id);

    /**
     * The transfer provider with this {@link TransferProvider#PROPERTY_ID id}.
     *
     * @throws ProviderUnavailableException when none is registered (the message names the id)
     * @since 1.1
     */
    ProviderLease<TransferProvider> transferProvider(String id);

    /**
     * Every usable transfer provider registered now, by id: one per id (of several, the highest
     * ranked), none whose service properties are wrong.
     *
     * @since 1.1
     */
    List<ProviderLease<TransferProvider>> transferProviders();
}
