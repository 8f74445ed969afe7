package org.campus.api.archive;

import java.util.Objects;
import java.util.Set;

/**
 * What an archiver's external worker reported about its task (the seed's "task offloading"): sent to
 * {@code POST /archive/jobs/{id}/activities/{activity}/reports} with the activity's callback token;
 * the archiver reads it as {@code WorkerChannel.lastReport()}.
 *
 * @param state {@code running}, {@code completed} or {@code failed}
 * @param progress 0 to 100, or {@code null} when the worker cannot tell
 * @param message what the worker says (at most {@link #MAX_MESSAGE} characters), or {@code null}
 * @param text the report as the worker sent it (JSON, at most {@link #MAX_BYTES} bytes in UTF-8)
 * @since 1.1
 */
public record WorkerReport(String state, Integer progress, String message, String text) {

    public static final String RUNNING = "running";
    public static final String COMPLETED = "completed";
    public static final String FAILED = "failed";
    public static final Set<String> STATES = Set.of(RUNNING, COMPLETED, FAILED);

    /** The longest message. */
    public static final int MAX_MESSAGE = 4000;
    /** The largest report, in bytes of its JSON text. */
    public static final int MAX_BYTES = 16 * 1024;

    public WorkerReport {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(text, "text");
        if (!STATES.contains(state)) {
            throw new IllegalArgumentException("state must be running, completed or failed");
        }
        if (progress != null && (progress < 0 || progress > 100)) {
            throw new IllegalArgumentException("progress must be 0 to 100");
        }
    }
}
