/**
 * Archive jobs as their clients (REST, console) see them: an {@link org.campus.api.archive.ArchiveService}
 * that creates a course's archive job, takes files uploaded into it before it starts, and gives the
 * stored archive, its RFC 3161 time-stamp and a verification back. The work runs on the core's job
 * engine; activity archivers and storage drivers are providers ({@code org.campus.spi.archiver},
 * {@code org.campus.spi.storage}).
 */
@Export
@Version("1.1.0")
package org.campus.api.archive;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
