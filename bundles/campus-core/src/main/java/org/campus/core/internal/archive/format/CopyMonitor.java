package org.campus.core.internal.archive.format;

import java.io.IOException;

/**
 * Told of every chunk copied into an archive: where progress, heartbeats and cancellation hook
 * in. Throwing (e.g. an {@link java.io.InterruptedIOException} on cancellation) stops the copy.
 */
@FunctionalInterface
public interface CopyMonitor {

    CopyMonitor NONE = bytes -> { };

    void copied(long bytes) throws IOException;
}
