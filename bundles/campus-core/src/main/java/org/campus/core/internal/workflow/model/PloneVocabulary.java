package org.campus.core.internal.workflow.model;

import static org.campus.api.workflow.WorkflowPermissions.DELETE;
import static org.campus.api.workflow.WorkflowPermissions.EDIT;
import static org.campus.api.workflow.WorkflowPermissions.VIEW;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.campus.api.workflow.PermissionMapping;
import org.campus.api.workflow.WorkflowRoles;

/** How Plone's permission and role names translate to Campus ones and back. */
public final class PloneVocabulary {

    /** Plone's local role of the creator, which is Campus's author. */
    static final String OWNER = "Owner";

    /** Plone roles that everybody (or every logged-in user) has; Campus has no such role. */
    private static final Set<String> EVERYBODY_ROLES = Set.of("Anonymous", "Authenticated");

    private static final Map<String, String> CAMPUS_BY_PLONE_PERMISSION = Map.of(
            "View", VIEW,
            "Access contents information", VIEW,
            "Modify portal content", EDIT,
            "Delete objects", DELETE);

    private static final Map<String, String> PLONE_BY_CAMPUS_PERMISSION = Map.of(
            VIEW, "View",
            EDIT, "Modify portal content",
            DELETE, "Delete objects");

    private PloneVocabulary() {
    }

    public static boolean isKnownPermission(String plonePermission) {
        return CAMPUS_BY_PLONE_PERMISSION.containsKey(plonePermission);
    }

    /** The Campus meaning of a Plone permission; a permission Campus does not know keeps its name. */
    public static String campusPermission(String plonePermission) {
        return CAMPUS_BY_PLONE_PERMISSION.getOrDefault(plonePermission, plonePermission);
    }

    /**
     * The Plone name to write for a Campus permission: Plone's usual name when the workflow maps it,
     * else the first name the workflow maps to it, else Plone's usual name, else the name itself.
     */
    static String plonePermission(String campusPermission, List<PermissionMapping> mappings) {
        String usual = PLONE_BY_CAMPUS_PERMISSION.get(campusPermission);
        String firstMapped = null;
        for (PermissionMapping mapping : mappings) {
            if (Objects.equals(mapping.permission(), campusPermission)) {
                if (Objects.equals(mapping.externalName(), usual)) {
                    return usual;
                }
                if (firstMapped == null) {
                    firstMapped = mapping.externalName();
                }
            }
        }
        if (firstMapped != null) {
            return firstMapped;
        }
        return usual != null ? usual : campusPermission;
    }

    /** The default Plone name for a Campus permission no mapping names. */
    static String defaultPlonePermission(String campusPermission) {
        return PLONE_BY_CAMPUS_PERMISSION.getOrDefault(campusPermission, campusPermission);
    }

    public static boolean meansEverybody(String ploneRole) {
        return EVERYBODY_ROLES.contains(ploneRole);
    }

    public static String campusRole(String ploneRole) {
        return OWNER.equals(ploneRole) ? WorkflowRoles.AUTHOR : ploneRole;
    }

    static String ploneRole(String campusRole) {
        return WorkflowRoles.AUTHOR.equals(campusRole) ? OWNER : campusRole;
    }
}
