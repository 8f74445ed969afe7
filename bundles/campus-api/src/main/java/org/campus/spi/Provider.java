package org.campus.spi;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * What every provider service offers besides its own work: its health, for the overviews
 * ({@code GET /campus/api/v1/providers}) and for the core deciding whether to use it.
 *
 * <p>Which provider it is comes from its service properties (see the constants of each SPI
 * interface); the bundle and the version come from the bundle that registered it.
 */
@ConsumerType
public interface Provider {

    /**
     * The provider's health now. Must answer at once from what the provider already knows (a
     * local check, the outcome of its last remote call): the core may call it while answering an
     * HTTP request, so it never waits for a remote system. Must not throw; a provider that cannot
     * tell says {@link ProviderHealth#degraded(String)}.
     */
    default ProviderHealth health() {
        return ProviderHealth.up();
    }
}
