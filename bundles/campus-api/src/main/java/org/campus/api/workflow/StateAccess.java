package org.campus.api.workflow;

import java.util.List;
import java.util.Map;

/**
 * What a set of roles may do with a record in one state, once as somebody else's record and once
 * as the author of the record.
 *
 * @param permissions effective permissions (implications applied) on somebody else's record
 * @param actions ids of the actions they may perform on somebody else's record
 * @param authorPermissions effective permissions on their own record
 * @param authorActions ids of the actions they may perform on their own record
 * @param title the state's title in the language asked for (its {@linkplain StateDef#title(String) fallback}
 *        where it has none); {@code null} only from the constructor of version 1.x
 * @param actionTitles the title of every action in {@code actions} and {@code authorActions}, by id, in the
 *        same language; never {@code null}
 */
public record StateAccess(String state, List<String> permissions, List<String> actions,
        List<String> authorPermissions, List<String> authorActions, String title, Map<String, String> actionTitles) {

    public StateAccess {
        permissions = List.copyOf(permissions);
        actions = List.copyOf(actions);
        authorPermissions = List.copyOf(authorPermissions);
        authorActions = List.copyOf(authorActions);
        actionTitles = actionTitles == null ? Map.of() : Map.copyOf(actionTitles);
    }

    /** Without titles: the canonical constructor of version 1.x. */
    public StateAccess(String state, List<String> permissions, List<String> actions, List<String> authorPermissions,
            List<String> authorActions) {
        this(state, permissions, actions, authorPermissions, authorActions, null, Map.of());
    }
}
