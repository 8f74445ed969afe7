package org.campus.core.internal.workflow.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import org.campus.api.workflow.ActionDef;
import org.campus.api.workflow.StateAccess;
import org.campus.api.workflow.StateDef;
import org.campus.api.workflow.WorkflowDefinition;

/**
 * Shows a workflow author what users with some roles would see and be able to do in every state,
 * both on other people's records and on their own.
 */
public final class WorkflowSimulator {

    /** One entry per state, in definition order, with the default titles. */
    public List<StateAccess> simulate(WorkflowDefinition definition, Collection<String> roles) {
        return simulate(definition, roles, null);
    }

    /** One entry per state, in definition order, with the titles in a language ({@code null}: the default). */
    public List<StateAccess> simulate(WorkflowDefinition definition, Collection<String> roles, String language) {
        PermissionResolver resolver = new PermissionResolver(definition);
        List<StateAccess> result = new ArrayList<>();
        for (StateDef state : definition.states()) {
            if (state == null || state.id() == null) {
                continue;
            }
            List<ActionDef> actions = resolver.allowedActions(state.id(), roles, false);
            List<ActionDef> authorActions = resolver.allowedActions(state.id(), roles, true);
            Map<String, String> actionTitles = new HashMap<>();
            Stream.concat(actions.stream(), authorActions.stream()).filter(a -> a.id() != null)
                    .forEach(a -> actionTitles.putIfAbsent(a.id(), Objects.requireNonNullElse(a.title(language), a.id())));
            result.add(new StateAccess(state.id(),
                    List.copyOf(resolver.effectivePermissions(state.id(), roles, false)),
                    actionIds(actions),
                    List.copyOf(resolver.effectivePermissions(state.id(), roles, true)),
                    actionIds(authorActions),
                    Objects.requireNonNullElse(state.title(language), state.id()), actionTitles));
        }
        return result;
    }

    private static List<String> actionIds(List<ActionDef> actions) {
        return actions.stream().map(ActionDef::id).filter(Objects::nonNull).toList();
    }
}
