package org.campus.api.workflow;

import java.util.List;

/**
 * A record as one user sees it now.
 *
 * @param author the user is the record's author
 * @param permissions the user's effective permissions in the record's state (e.g. {@code view}, {@code edit})
 * @param actions ids of the actions the user may perform now, in the order they are offered
 */
public record RecordAccess(WorkflowRecord record, boolean author, List<String> permissions, List<String> actions) {

    public RecordAccess {
        permissions = List.copyOf(permissions);
        actions = List.copyOf(actions);
    }

    public boolean mayView() {
        return permissions.contains(WorkflowPermissions.VIEW);
    }

    public boolean mayEdit() {
        return permissions.contains(WorkflowPermissions.EDIT);
    }
}
