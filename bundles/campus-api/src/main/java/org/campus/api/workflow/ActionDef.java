package org.campus.api.workflow;

import java.util.List;

/**
 * An action that moves a record from one of the {@code from} states to the {@code to} state
 * (a DCWorkflow transition).
 *
 * @param from the states the action can start from, at least one
 * @param roles who may perform the action; the role {@link WorkflowRoles#AUTHOR} stands for the
 *        record's author
 * @param guard further conditions; never {@code null}
 * @param menu DCWorkflow only: how the transition is offered in the UI; may be {@code null}
 */
public record ActionDef(String id, String title, String description, List<String> from, String to,
        List<String> roles, GuardDef guard, MenuEntry menu) {

    public ActionDef {
        from = Copies.list(from);
        roles = Copies.list(roles);
        guard = guard == null ? GuardDef.none() : guard;
    }

    public static ActionDef of(String id, String title, String description, List<String> from, String to,
            List<String> roles) {
        return new ActionDef(id, title, description, from, to, roles, GuardDef.none(), null);
    }
}
