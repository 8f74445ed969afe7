package org.campus.api.workflow;

import java.util.Map;

/**
 * What happens to existing records when their scope's workflow changes: a state map (old state id
 * to new state id), an option, or {@link PlanOption#MOVE_INITIAL} together with a state map for
 * the other states.
 *
 * @param stateMap old state to new state; may be empty, never {@code null}
 * @param option may be {@code null} when the state map is the plan
 */
public record MigrationPlan(Map<String, String> stateMap, PlanOption option) {

    public MigrationPlan {
        stateMap = stateMap == null ? Map.of() : Map.copyOf(stateMap);
    }

    public static MigrationPlan of(Map<String, String> stateMap) {
        return new MigrationPlan(stateMap, null);
    }

    public static MigrationPlan of(PlanOption option) {
        return new MigrationPlan(Map.of(), option);
    }
}
