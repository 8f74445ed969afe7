package org.campus.api.workflow;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Stream;

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

    /**
     * This definition as it reads in a language: each state's and action's title and description
     * are {@linkplain StateDef#title(String) those of the language}, the translations are kept.
     * For diagrams and other views that show one text per state and action.
     *
     * @param language a language tag; {@code null} gives this definition
     * @since 2.0
     */
    public WorkflowDefinition localized(String language) {
        if (language == null) {
            return this;
        }
        List<StateDef> localStates = states.stream().map(s -> s == null ? null
                : new StateDef(s.id(), s.title(language), s.description(language), s.permissions(),
                        s.acquiredPermissions(), s.exitActions(), s.titles(), s.descriptions()))
                .toList();
        List<ActionDef> localActions = actions.stream().map(a -> a == null ? null
                : new ActionDef(a.id(), a.title(language), a.description(language), a.from(), a.to(), a.roles(),
                        a.guard(), a.menu(), a.notifications(), a.titles(), a.descriptions()))
                .toList();
        return new WorkflowDefinition(id, title, description, initialState, localStates, localActions,
                permissionImplications, permissionMappings, variables, worklists, stateVariable);
    }

    /**
     * Every language some state or action has a title or a description in, sorted.
     *
     * @since 2.0
     */
    public SortedSet<String> languages() {
        SortedSet<String> languages = new TreeSet<>();
        Stream.concat(
                states.stream().filter(Objects::nonNull).flatMap(s -> Stream.of(s.titles(), s.descriptions())),
                actions.stream().filter(Objects::nonNull).flatMap(a -> Stream.of(a.titles(), a.descriptions())))
                .flatMap(texts -> texts.keySet().stream())
                .filter(Objects::nonNull)
                .forEach(languages::add);
        return Collections.unmodifiableSortedSet(languages);
    }
}
