package org.campus.api.workflow;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A complete workflow: its states, the initial one, and the actions between them.
 *
 * @param id {@code null} until the definition is saved
 * @param initialState the id of the state new records start in
 * @param permissionImplications permission name to the permissions it implies, applied
 *        transitively; {@code null} means {@link WorkflowPermissions#DEFAULT_IMPLICATIONS}, an empty
 *        map means no implications
 * @param permissionMappings external permission names (DCWorkflow) and the Campus permissions they
 *        mean, in their declaration order; empty for a workflow made in Campus
 * @param variables DCWorkflow variables, kept for export
 * @param worklists DCWorkflow worklists, kept for export
 * @param stateVariable DCWorkflow's {@code state_variable} (usually {@code review_state}); may be
 *        {@code null}
 */
public record WorkflowDefinition(String id, String title, String description, String initialState,
        List<StateDef> states, List<ActionDef> actions, Map<String, List<String>> permissionImplications,
        List<PermissionMapping> permissionMappings, List<VariableDef> variables, List<WorklistDef> worklists,
        String stateVariable) {

    public WorkflowDefinition {
        states = Copies.list(states);
        actions = Copies.list(actions);
        permissionImplications = permissionImplications == null
                ? WorkflowPermissions.DEFAULT_IMPLICATIONS
                : Copies.mapOfLists(permissionImplications);
        permissionMappings = Copies.list(permissionMappings);
        variables = Copies.list(variables);
        worklists = Copies.list(worklists);
    }

    /** A Campus-made workflow: default implications, nothing DCWorkflow-specific. */
    public static WorkflowDefinition of(String title, String description, String initialState,
            List<StateDef> states, List<ActionDef> actions) {
        return new WorkflowDefinition(null, title, description, initialState, states, actions, null,
                List.of(), List.of(), List.of(), null);
    }

    public WorkflowDefinition withId(String newId) {
        return new WorkflowDefinition(newId, title, description, initialState, states, actions,
                permissionImplications, permissionMappings, variables, worklists, stateVariable);
    }

    /** The first state with this id. */
    public Optional<StateDef> findState(String stateId) {
        return states.stream().filter(s -> s != null && stateId != null && stateId.equals(s.id())).findFirst();
    }

    /** The first action with this id. */
    public Optional<ActionDef> findAction(String actionId) {
        return actions.stream().filter(a -> a != null && actionId != null && actionId.equals(a.id())).findFirst();
    }
}
