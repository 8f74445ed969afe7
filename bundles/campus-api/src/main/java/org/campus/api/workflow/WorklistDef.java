package org.campus.api.workflow;

import java.util.List;
import java.util.Map;

/**
 * A DCWorkflow worklist (a saved query such as "items pending review"), kept for export.
 *
 * @param match catalog index name to the values that match, e.g. {@code review_state -> [pending]}
 */
public record WorklistDef(String id, String title, String description, MenuEntry menu,
        Map<String, List<String>> match, GuardDef guard) {

    public WorklistDef {
        match = Copies.mapOfLists(match);
        guard = guard == null ? GuardDef.none() : guard;
    }
}
