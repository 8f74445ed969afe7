package org.campus.spi.archiver;

import java.time.Duration;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** How an {@link ActivityArchiver#archive} call ended; made by a {@link ResultBuilder}. */
@ProviderType
public interface ArchiveResult {

    /** The ways a call can end. */
    enum Outcome {
        SUCCEEDED, FAILED, CANCELLED, AWAITING_WORKER
    }

    Outcome outcome();

    Optional<String> message();

    /** For a retryable failure, the delay before the retry. */
    Optional<Duration> retryAfter();

    /** For {@link Outcome#AWAITING_WORKER}, the archiver's checkpoint. */
    Optional<String> checkpoint();

    /** For {@link Outcome#AWAITING_WORKER}, when to call the archiver again without a report. */
    Optional<Duration> pollAfter();
}
