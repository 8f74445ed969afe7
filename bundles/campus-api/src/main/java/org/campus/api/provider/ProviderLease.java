package org.campus.api.provider;

import java.util.Map;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A provider found by the {@link ProviderRegistry}, for the work at hand. Use it for one step of
 * work and look the provider up again for the next: a lease is not a cache. {@link #isAvailable()}
 * tells whether the provider is still registered, so that work that runs long can stop (and fail
 * with {@link #description()}'s label in its reason) when its provider went away.
 */
@ProviderType
public interface ProviderLease<T> {

    T service();

    ProviderDescription description();

    /** Whether the very service of this lease is still registered. */
    boolean isAvailable();

    /**
     * The provider's service properties as they were when it was found, e.g. a transfer provider's
     * {@code transfer.undo}; unmodifiable.
     *
     * @since 1.1
     */
    Map<String, Object> properties();
}
