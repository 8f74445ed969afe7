package org.campus.api.workflow;

import java.time.Instant;

/**
 * One step in a record's life. The record's creation is the first entry, with no action, no
 * {@code from} and {@code to} the initial state.
 *
 * @param actor the user who acted; {@code null} once the user's data was erased, and for the creation
 *        entry it is the author
 */
public record HistoryEntry(long id, long recordId, String action, LmsId actor, String from, String to,
        Instant time, String comment) {
}
