/**
 * The activity archiver SPI. An archiver is an OSGi service of its own bundle implementing
 * {@link org.campus.spi.archiver.ActivityArchiver}; it archives one activity of an archive job by
 * writing entries into the archive being written, through the
 * {@link org.campus.spi.archiver.ArchiveContext} the core gives it (modelled on Apache Sling's
 * {@code JobExecutor} and {@code JobExecutionContext}).
 *
 * <p>Where an archiver's data comes from ({@link org.campus.spi.archiver.ActivityInput}): data
 * Campus holds itself (read through the Campus service APIs), JSON the LMS sends inline with the
 * job, or files the LMS (or a worker) uploaded into the job.
 *
 * <p>Offloading: an archiver may hand heavy work to an external worker service and return
 * {@link org.campus.spi.archiver.ResultBuilder#awaitWorker}; the core keeps the job alive while the
 * worker reports, and calls the archiver again, with its checkpoint, when the worker reports or the
 * poll time has passed. No provider thread waits in between.
 */
@Export
@Version("1.0.0")
package org.campus.spi.archiver;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
