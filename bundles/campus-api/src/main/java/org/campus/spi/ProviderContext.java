package org.campus.spi;

import java.time.Duration;

import org.osgi.annotation.versioning.ProviderType;

/**
 * What the core gives a provider for one piece of long work (one activity of an archive job, one
 * transfer): progress, cancellation, a log and a heartbeat. Implemented by the core; valid only
 * during the call that received it.
 *
 * <p>Liveness: a job is alive while it reports. Every call to {@link #initProgress},
 * {@link #incrementProgress}, {@link #log} and {@link #heartbeat} (and, for an archiver, every
 * entry written) tells the core the work goes on. A provider that spends a long time in one call of
 * its own (a slow remote request, a large computation) calls {@link #heartbeat()} at least every
 * few seconds, or the core may declare the job dead after its configured silence.
 *
 * <p>All methods are cheap and never block for long; a provider may call them as often as it likes.
 */
@ProviderType
public interface ProviderContext {

    /**
     * Declares how many steps the work has (entries, records, bytes: the provider's choice) and
     * resets the steps done to zero. {@code 0} when the provider cannot tell; the core then shows
     * the work as running without a percentage.
     */
    void initProgress(long steps);

    /** Declares that {@code steps} more steps are done. */
    void incrementProgress(long steps);

    /**
     * The provider's own estimate of the time left, when it knows better than the core, which
     * otherwise estimates from the rate of {@link #incrementProgress}.
     */
    void estimateRemaining(Duration remaining);

    /**
     * Whether the work should stop: the job was cancelled, a provider it needs went away, or this
     * node is shutting down. A provider checks it between units of work (a page of records, a file)
     * and then returns at once with a cancelled result; the core decides whether the work ends as
     * cancelled or resumes later.
     */
    boolean isCancelled();

    /**
     * Adds a line to the job's log (which users see; the core also logs it through SLF4J).
     * {@code message} may hold {@code {}} placeholders, filled with {@code arguments} in order; a
     * last argument that is a {@link Throwable} and has no placeholder is appended as its message.
     * Never put secrets or personal data beyond ids into a log line.
     */
    void log(LogLevel level, String message, Object... arguments);

    /** Tells the core the work is alive, during a long call that reports nothing else. */
    void heartbeat();
}
