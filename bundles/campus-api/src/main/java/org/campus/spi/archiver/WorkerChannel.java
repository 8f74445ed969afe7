package org.campus.spi.archiver;

import java.net.URI;
import java.time.Instant;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * How an archiver that offloads work talks with its external worker, without a thread of its own:
 *
 * <ol>
 * <li>The archiver hands the worker a task (its own remote call), passing {@link #callbackUrl()} and
 * {@link #callbackToken()}, and returns {@link ResultBuilder#awaitWorker(String, java.time.Duration)}
 * with a checkpoint naming the task.</li>
 * <li>The worker reports to the callback URL (HTTP {@code POST}, JSON, header
 * {@code Authorization: Bearer <token>}) as it goes, and may upload result files into the job for
 * the activity with the same token. Every report keeps the job alive.</li>
 * <li>When a report arrives, or when the poll time has passed, the core calls
 * {@link ActivityArchiver#archive} again with the checkpoint; the archiver reads
 * {@link #lastReport()} (or asks the worker itself), writes the entries that are ready (e.g. from
 * {@link ArchiveContext#uploads()}), and returns succeeded, or awaits the worker again.</li>
 * </ol>
 *
 * A job waiting for a worker that neither reports nor answers polls within the core's configured
 * silence fails with a reason naming the archiver.
 */
@ProviderType
public interface WorkerChannel {

    /**
     * Where the worker reports, or empty when this Campus has no public URL configured (then the
     * archiver polls its worker on each call instead).
     */
    Optional<URI> callbackUrl();

    /**
     * The bearer token the worker sends with its reports and uploads; valid for this job's activity
     * only, until the job ends. A secret: never log it.
     */
    String callbackToken();

    /** The last report the worker sent for this activity (the JSON text as sent), if any. */
    Optional<String> lastReport();

    /** When the last report arrived. */
    Optional<Instant> lastReportTime();
}
