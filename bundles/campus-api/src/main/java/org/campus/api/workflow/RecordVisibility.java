package org.campus.api.workflow;

import java.util.Arrays;
import java.util.Optional;

/**
 * Who sees a record beyond what its state grants. A record is {@link #VISIBLE} unless the workflow
 * of its activity was replaced with the plan {@link PlanOption#HIDE} or {@link PlanOption#VIEW_ONLY}:
 * such records stay on their old workflow, in their old state, with their history.
 * <ul>
 * <li>{@link #VIEW_ONLY}: every user's permissions are reduced to {@code view} (those who could
 * view still can; nobody may edit or delete) and nobody may perform any action.</li>
 * <li>{@link #HIDDEN}: only the author may still view the record (the author can always view
 * it); nobody else holds any permission and nobody may perform any action. Administrators and
 * the LMS still read it, and its history, through the API.</li>
 * </ul>
 * Hidden and view-only records are in no worklist. Migrating a record to another workflow makes it
 * visible again.
 */
public enum RecordVisibility {
    VISIBLE("visible"), VIEW_ONLY("viewOnly"), HIDDEN("hidden");

    private final String code;

    RecordVisibility(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<RecordVisibility> fromCode(String code) {
        return Arrays.stream(values()).filter(v -> v.code.equals(code)).findFirst();
    }
}
