/**
 * The execution SPI of the core's job engine, modelled on Sling's {@code JobExecutor} and
 * {@code JobExecutionContext}: a service implements {@link org.campus.spi.job.JobExecutor} for its
 * job types, and the engine runs it with a {@link org.campus.spi.job.JobContext} (progress,
 * cancellation, log, heartbeat, checkpoints). Kept apart from {@code org.campus.api.job}, which the
 * jobs API and console use, so that the two evolve and are versioned on their own.
 */
@Export
@Version("1.0.0")
package org.campus.spi.job;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
