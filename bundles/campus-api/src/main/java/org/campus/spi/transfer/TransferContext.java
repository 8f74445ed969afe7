package org.campus.spi.transfer;

import org.osgi.annotation.versioning.ProviderType;

/**
 * What the core gives a provider for every call, modelled on Sling's {@code JobExecutionContext}:
 * cancellation, progress, a heartbeat and a log with levels. Provider calls run on a job thread of
 * the core; a provider starts no threads of its own.
 *
 * <p>The log goes to the transfer's job log, which admins read and which is kept with the transfer:
 * a few lines per item at most, ids rather than names, never credentials. Messages take SLF4J-style
 * {@code {}} placeholders.
 */
@ProviderType
public interface TransferContext {

    /**
     * True once the admin has cancelled the transfer (or the core is shutting down). A provider
     * checks it between items and stops before the next one; it never abandons an item half done.
     */
    boolean isCancelled();

    /** Announces the number of steps of this call (usually one per item); call once, first. */
    void initProgress(long steps);

    /** Marks more steps as done since the last call. */
    void incrementProgress(long steps);

    /** Tells the core that a long step is still alive (the core persists it at most every few seconds). */
    void heartbeat();

    void debug(String message, Object... arguments);

    void info(String message, Object... arguments);

    void warn(String message, Object... arguments);

    void error(String message, Object... arguments);
}
