package org.campus.api.workflow;

import java.util.List;
import java.util.Objects;

/** A record with its whole history, oldest entry first (the creation included). */
public record RecordHistory(WorkflowRecord record, List<HistoryEntry> history) {

    public RecordHistory {
        Objects.requireNonNull(record, "record");
        history = List.copyOf(history);
    }
}
