package org.campus.api.workflow;

import java.util.Arrays;
import java.util.Optional;

/** What to do with the records of a scope whose workflow changes (the seed's three options). */
public enum PlanOption {
    /** The records stay on their old workflow and state, {@link RecordVisibility#HIDDEN}. */
    HIDE("hide"),
    /** The records stay on their old workflow and state, {@link RecordVisibility#VIEW_ONLY}. */
    VIEW_ONLY("viewOnly"),
    /**
     * The records in the old initial state move to the new initial state; the plan's state map must
     * map every other state that has records, as nothing may be left in a state that does not exist.
     */
    MOVE_INITIAL("moveInitial");

    private final String code;

    PlanOption(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<PlanOption> fromCode(String code) {
        return Arrays.stream(values()).filter(v -> v.code.equals(code)).findFirst();
    }
}
