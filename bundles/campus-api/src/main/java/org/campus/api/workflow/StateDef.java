package org.campus.api.workflow;

import java.util.List;
import java.util.Map;

/**
 * One state a record can be in.
 *
 * @param permissions role name to the permissions that role holds in this state, e.g.
 *        {@code teacher -> [view]}; the role {@link WorkflowRoles#AUTHOR} stands for the record's
 *        author, who can always view the record whatever this map says
 * @param acquiredPermissions DCWorkflow only: the external permission names (see
 *        {@link PermissionMapping#externalName()}) whose roles are acquired from the container as
 *        well ({@code acquired="True"})
 * @param exitActions ids of the actions leaving this state in the order they are offered; actions
 *        leaving this state but not listed here follow in definition order. The actions'
 *        {@code from} decides where an action may start, this list only orders them.
 */
public record StateDef(String id, String title, String description, Map<String, List<String>> permissions,
        List<String> acquiredPermissions, List<String> exitActions) {

    public StateDef {
        permissions = Copies.mapOfLists(permissions);
        acquiredPermissions = Copies.list(acquiredPermissions);
        exitActions = Copies.list(exitActions);
    }

    public static StateDef of(String id, String title, String description, Map<String, List<String>> permissions) {
        return new StateDef(id, title, description, permissions, List.of(), List.of());
    }
}
