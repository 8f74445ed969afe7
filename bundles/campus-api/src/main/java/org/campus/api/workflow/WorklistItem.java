package org.campus.api.workflow;

import java.util.List;

/**
 * A record in a worklist and the actions the roles may perform on it now.
 */
public record WorklistItem(WorkflowRecord record, List<String> actions) {

    public WorklistItem {
        actions = List.copyOf(actions);
    }
}
