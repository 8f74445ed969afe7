/**
 * What every Campus provider SPI shares. A provider (a storage driver, an activity archiver, later
 * a transfer provider) is an OSGi service of its own bundle implementing one small
 * {@code @ConsumerType} interface of a sub-package, {@link org.campus.spi.storage} or
 * {@link org.campus.spi.archiver}; they all extend {@link org.campus.spi.Provider}. The core calls
 * a provider doing long work with a {@code @ProviderType} context that extends
 * {@link org.campus.spi.ProviderContext}: progress, cancellation, a log with levels and a
 * heartbeat. The pair follows Apache Sling's {@code JobExecutor} / {@code JobExecutionContext}.
 *
 * <p>Rules for every provider:
 * <ul>
 * <li>It identifies itself by service properties (constants on its SPI interface); the core
 * reads them when the service appears, without calling the provider.</li>
 * <li>It starts no threads of its own; the core calls it on its job pool, never on an HTTP
 * thread. Work that waits for someone else (an external worker) returns and is called again.</li>
 * <li>It keeps no reference to a context past the call that received it.</li>
 * <li>When it stores personal data it also registers a
 * {@link org.campus.api.privacy.PrivacyProvider}.</li>
 * </ul>
 */
@Export
@Version("1.0.0")
package org.campus.spi;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
