package org.campus.spi.archiver;

import java.time.Duration;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Makes the {@link ArchiveResult} an archiver returns; like Sling's
 * {@code JobExecutionContext.ResultBuilder}.
 */
@ProviderType
public interface ResultBuilder {

    /** A message for the job's log and, for a failure, its reason. */
    ResultBuilder message(String message);

    /** The activity is archived completely. */
    ArchiveResult succeeded();

    /** The activity cannot be archived; retrying will not help. The job fails with the message. */
    ArchiveResult failed();

    /**
     * The activity could not be archived now; the core tries again after {@code retryAfter}, from
     * the last checkpoint, as long as its retry policy allows, then fails the job. The entries of
     * this call are discarded.
     */
    ArchiveResult failed(Duration retryAfter);

    /** The archiver stopped because {@link ArchiveContext#isCancelled()} said so. */
    ArchiveResult cancelled();

    /**
     * Work was handed to an external worker: the entries written so far are kept, and the core calls
     * {@link ActivityArchiver#archive} again with {@code checkpoint} when the worker reports through
     * the {@link WorkerChannel}, or after {@code pollAfter} at the latest. The job stays alive in
     * between as long as the worker reports (or the archiver's polls find it working).
     *
     * @param checkpoint what the archiver needs to go on (a task id, a page cursor), at most 4000
     *        characters; never a secret
     */
    ArchiveResult awaitWorker(String checkpoint, Duration pollAfter);
}
