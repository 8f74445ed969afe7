package org.campus.core.internal.workflow.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

import org.campus.api.workflow.ActionDef;
import org.campus.api.workflow.StateAccess;
import org.campus.api.workflow.StateDef;
import org.campus.api.workflow.WorkflowDefinition;

/**
 * Shows a workflow author what users with some roles would see and be able to do in every state,
 * both on other people's records and on their own.
 */
public final class WorkflowSimulator {

    /** One entry per state, in definition order. */
    public List<StateAccess> simulate(WorkflowDefinition definition, Collection<String> roles) {
        PermissionResolver resolver = new PermissionResolver(definition);
        List<StateAccess> result = new ArrayList<>();
        for (StateDef state : definition.states()) {
            if (state == null || state.id() == null) {
                continue;
            }
            result.add(new StateAccess(state.id(),
                    List.copyOf(resolver.effectivePermissions(state.id(), roles, false)),
                    actionIds(resolver.allowedActions(state.id(), roles, false)),
                    List.copyOf(resolver.effectivePermissions(state.id(), roles, true)),
                    actionIds(resolver.allowedActions(state.id(), roles, true))));
        }
        return result;
    }

    private static List<String> actionIds(List<ActionDef> actions) {
        return actions.stream().map(ActionDef::id).filter(Objects::nonNull).toList();
    }
}
