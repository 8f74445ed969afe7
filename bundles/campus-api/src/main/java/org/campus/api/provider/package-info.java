/**
 * The providers registered now (storage drivers, activity archivers, transfer providers),
 * as the core tracks them: {@link org.campus.api.provider.ProviderRegistry}. Posts
 * {@code campus/provider/REGISTERED} and {@code campus/provider/UNREGISTERED} events.
 */
@Export
@Version("1.1.0")
package org.campus.api.provider;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
