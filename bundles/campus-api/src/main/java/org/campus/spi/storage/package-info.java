/**
 * The storage driver SPI: where finished archives (and the files stored beside them: time-stamp
 * token, certificate chain) are kept. A driver is an OSGi service of its own bundle implementing
 * {@link org.campus.spi.storage.StorageDriver}, identified by the service property
 * {@link org.campus.spi.storage.StorageDriver#PROPERTY_ID}.
 */
@Export
@Version("1.0.0")
package org.campus.spi.storage;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
