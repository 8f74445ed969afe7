package org.campus.api.workflow;

import java.util.List;

/**
 * What a set of roles may do with a record in one state, once as somebody else's record and once
 * as the author of the record.
 *
 * @param permissions effective permissions (implications applied) on somebody else's record
 * @param actions ids of the actions they may perform on somebody else's record
 * @param authorPermissions effective permissions on their own record
 * @param authorActions ids of the actions they may perform on their own record
 */
public record StateAccess(String state, List<String> permissions, List<String> actions,
        List<String> authorPermissions, List<String> authorActions) {

    public StateAccess {
        permissions = List.copyOf(permissions);
        actions = List.copyOf(actions);
        authorPermissions = List.copyOf(authorPermissions);
        authorActions = List.copyOf(authorActions);
    }
}
