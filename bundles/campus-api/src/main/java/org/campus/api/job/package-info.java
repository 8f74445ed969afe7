/**
 * The core's job engine as its clients see it: jobs, their log, and the {@link org.campus.api.job.JobService}
 * that submits, lists, cancels, retries and deletes them. What runs a job is the execution SPI in
 * {@code org.campus.spi.job}.
 */
@Export
@Version("1.0.0")
package org.campus.api.job;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
