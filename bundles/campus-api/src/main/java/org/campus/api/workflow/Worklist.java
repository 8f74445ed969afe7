package org.campus.api.workflow;

import java.util.Map;
import java.util.List;

/**
 * One page of a worklist, oldest record first, and the counts of the whole list.
 *
 * @param total every record of the list, not only this page's
 * @param byState state id to count (summed over workflows that share a state id)
 * @param byActivity activity id to count
 * @param next the cursor of the next page, {@code null} on the last
 */
public record Worklist(List<WorklistItem> items, long total, Map<String, Long> byState, Map<String, Long> byActivity,
        String next) {

    public Worklist {
        items = List.copyOf(items);
        byState = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(byState));
        byActivity = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(byActivity));
    }
}
