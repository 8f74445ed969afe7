package org.campus.core.internal.workflow.model;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

import org.campus.api.workflow.ActionDef;
import org.campus.api.workflow.GuardDef;
import org.campus.api.workflow.StateDef;
import org.campus.api.workflow.WorkflowDefinition;
import org.campus.api.workflow.WorkflowPermissions;
import org.campus.api.workflow.WorkflowRoles;

/**
 * Answers, for one workflow definition, what a user holding some roles may do with a record in a
 * given state. Immutable and safe to share between threads.
 *
 * <p>Rules:
 * <ul>
 * <li>Permissions are the union of what the state grants to the user's roles, plus what it grants
 * to {@link WorkflowRoles#AUTHOR} when the user wrote the record, closed under the definition's
 * implications ({@code edit} implies {@code view} by default, transitively).</li>
 * <li>The author can always view the record, whatever the state says.</li>
 * <li>An action is allowed when it starts from the state, the user has one of its roles or guard
 * roles (the author counts as holding {@code author}), the guard's {@code authorOnly} is met, and
 * the user holds at least one guard permission in the state when the guard names any (as in
 * DCWorkflow). An action that names no roles at all is open to everybody passing its guard, but
 * only if the guard names a permission or requires the author: an action with no roles and no
 * guard is allowed to nobody.</li>
 * <li>Guard expressions are not evaluated and restrict nobody.</li>
 * <li>A state the definition does not know grants nothing (the author may still view).</li>
 * </ul>
 */
public final class PermissionResolver {

    private final WorkflowDefinition definition;
    private final Map<String, Set<String>> impliedBy;

    public PermissionResolver(WorkflowDefinition definition) {
        this.definition = Objects.requireNonNull(definition, "definition");
        this.impliedBy = closeImplications(definition.permissionImplications());
    }

    public WorkflowDefinition definition() {
        return definition;
    }

    /** Effective permissions, implications applied, in a stable (sorted) order. */
    public Set<String> effectivePermissions(String stateId, Collection<String> roles, boolean author) {
        Set<String> granted = new TreeSet<>();
        StateDef state = definition.findState(stateId).orElse(null);
        if (state != null) {
            for (String role : effectiveRoles(roles, author)) {
                List<String> permissions = state.permissions().get(role);
                if (permissions != null) {
                    permissions.stream().filter(Objects::nonNull).forEach(p -> addWithImplied(granted, p));
                }
            }
        }
        if (author) {
            addWithImplied(granted, WorkflowPermissions.VIEW);
        }
        return Collections.unmodifiableSet(granted);
    }

    public boolean hasPermission(String stateId, Collection<String> roles, boolean author, String permission) {
        return effectivePermissions(stateId, roles, author).contains(permission);
    }

    /** The actions the user may perform on a record in this state, in definition order. */
    public List<ActionDef> allowedActions(String stateId, Collection<String> roles, boolean author) {
        Set<String> userRoles = effectiveRoles(roles, author);
        Set<String> permissions = effectivePermissions(stateId, roles, author);
        return definition.actions().stream()
                .filter(Objects::nonNull)
                .filter(action -> action.from().contains(stateId))
                .filter(action -> mayPerform(action, userRoles, () -> permissions, author))
                .toList();
    }

    /** Whether {@code allowedActions} would list the action; checks that one action only (once per action request). */
    public boolean mayPerform(String actionId, String stateId, Collection<String> roles, boolean author) {
        ActionDef action = definition.findAction(actionId).orElse(null);
        if (action == null || !action.from().contains(stateId)) {
            return false;
        }
        // the state's permissions only when the guard asks for one: most actions are guarded by roles alone
        return mayPerform(action, effectiveRoles(roles, author),
                () -> effectivePermissions(stateId, roles, author), author);
    }

    private static boolean mayPerform(ActionDef action, Set<String> userRoles, Supplier<Set<String>> permissions,
            boolean author) {
        GuardDef guard = action.guard();
        if (guard.authorOnly() && !author) {
            return false;
        }
        if (!guard.permissions().isEmpty() && guard.permissions().stream().noneMatch(permissions.get()::contains)) {
            return false;
        }
        boolean namesRoles = !action.roles().isEmpty() || !guard.roles().isEmpty();
        if (!namesRoles) {
            return !guard.permissions().isEmpty() || guard.authorOnly();
        }
        return action.roles().stream().anyMatch(userRoles::contains)
                || guard.roles().stream().anyMatch(userRoles::contains);
    }

    private static Set<String> effectiveRoles(Collection<String> roles, boolean author) {
        Set<String> effective = new LinkedHashSet<>();
        if (roles != null) {
            roles.stream().filter(Objects::nonNull).forEach(effective::add);
        }
        // Nobody holds the author pseudo-role by assignment; it follows from writing the record.
        effective.remove(WorkflowRoles.AUTHOR);
        if (author) {
            effective.add(WorkflowRoles.AUTHOR);
        }
        return effective;
    }

    private void addWithImplied(Set<String> target, String permission) {
        target.add(permission);
        target.addAll(impliedBy.getOrDefault(permission, Set.of()));
    }

    /** Permission to everything it implies, directly or through others; cycles are harmless. */
    private static Map<String, Set<String>> closeImplications(Map<String, List<String>> implications) {
        Map<String, Set<String>> closed = new HashMap<>();
        for (String start : implications.keySet()) {
            Set<String> reached = new LinkedHashSet<>();
            Deque<String> pending = new ArrayDeque<>(List.of(start));
            while (!pending.isEmpty()) {
                List<String> direct = implications.get(pending.poll());
                if (direct == null) {
                    continue;
                }
                for (String implied : direct) {
                    if (implied != null && reached.add(implied)) {
                        pending.add(implied);
                    }
                }
            }
            reached.remove(start);
            closed.put(start, Set.copyOf(reached));
        }
        return Map.copyOf(closed);
    }
}
