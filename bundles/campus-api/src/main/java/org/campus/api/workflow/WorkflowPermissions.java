package org.campus.api.workflow;

import java.util.List;
import java.util.Map;

/**
 * The permission names Campus itself gives meaning to. The set is open: a workflow may grant any
 * other non-blank permission name, which then means whatever the code that asks for it decides.
 */
public final class WorkflowPermissions {

    /** See the record. */
    public static final String VIEW = "view";

    /** Change the record; implies {@link #VIEW} by default. */
    public static final String EDIT = "edit";

    /** Delete the record; implies {@link #VIEW} by default. */
    public static final String DELETE = "delete";

    /** The implications a workflow has when it names none: edit and delete both imply view. */
    public static final Map<String, List<String>> DEFAULT_IMPLICATIONS = Map.of(
            EDIT, List.of(VIEW),
            DELETE, List.of(VIEW));

    private WorkflowPermissions() {
    }
}
