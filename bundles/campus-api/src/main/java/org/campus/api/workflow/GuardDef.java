package org.campus.api.workflow;

import java.util.List;

/**
 * Extra conditions on an action (or a DCWorkflow variable or worklist).
 *
 * @param roles any one of these roles lets the user pass, in addition to the action's own roles
 * @param permissions when not empty, the user must hold at least one of them in the current state
 * @param expression a DCWorkflow (TALES) guard expression, kept verbatim for export and never
 *        evaluated: it does not restrict anybody in Campus
 * @param authorOnly only the author of the record passes
 */
public record GuardDef(List<String> roles, List<String> permissions, String expression, boolean authorOnly) {

    private static final GuardDef NONE = new GuardDef(List.of(), List.of(), null, false);

    public GuardDef {
        roles = Copies.list(roles);
        permissions = Copies.list(permissions);
    }

    /** The guard that adds no condition. */
    public static GuardDef none() {
        return NONE;
    }
}
