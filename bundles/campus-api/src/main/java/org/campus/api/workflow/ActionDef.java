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
 * @param notifications the mails sent once the action was performed; never {@code null}
 */
public record ActionDef(String id, String title, String description, List<String> from, String to,
        List<String> roles, GuardDef guard, MenuEntry menu, List<Notification> notifications) {

    public ActionDef {
        from = Copies.list(from);
        roles = Copies.list(roles);
        guard = guard == null ? GuardDef.none() : guard;
        notifications = Copies.list(notifications);
    }

    /** An action without notifications. */
    public ActionDef(String id, String title, String description, List<String> from, String to,
            List<String> roles, GuardDef guard, MenuEntry menu) {
        this(id, title, description, from, to, roles, guard, menu, List.of());
    }

    /** The same action with these notifications. */
    public ActionDef withNotifications(List<Notification> newNotifications) {
        return new ActionDef(id, title, description, from, to, roles, guard, menu, newNotifications);
    }

    public static ActionDef of(String id, String title, String description, List<String> from, String to,
            List<String> roles) {
        return new ActionDef(id, title, description, from, to, roles, GuardDef.none(), null);
    }
}
