package org.campus.core.internal.workflow.model.uml;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.campus.api.workflow.Languages;

/**
 * The conventions of Plone's ArchGenXML for workflows drawn in UML, as its manual and its
 * workflow generator define them.
 *
 * <ul>
 * <li>Each tagged value of a state is a permission, named in full ({@code Modify portal content})
 * or by a shortcut matched in lower case ({@code view}, {@code modify}, {@code access},
 * {@code list}, ...), with the roles that hold it, comma- or semicolon-separated. The pseudo-role
 * {@code acquire} also acquires the permission from the container; an empty value grants it to
 * nobody. A few tags are not permissions ({@code label}, {@code description},
 * {@code initial_state}, {@code worklist}, ...). When {@code View} is given and
 * {@code Access contents information} is not, the latter gets the same roles.</li>
 * <li>A transition's guard expression reads
 * {@code guard_roles:Owner; Manager|guard_permissions:Review portal content|guard_expr:python:...}.</li>
 * </ul>
 */
final class ArchGenXml {

    static final String ACCESS = "Access contents information";
    static final String VIEW = "View";

    /** ArchGenXML's shortcuts, by lower-case tag name. */
    static final Map<String, String> PERMISSION_SHORTCUTS = Map.of(
            "access", ACCESS,
            "view", VIEW,
            "modify", "Modify portal content",
            "list", "List folder contents",
            "add", "Add portal content",
            "delete", "Delete objects",
            "role", "Change local roles",
            "review", "Review portal content",
            "inactive", "Access inactive portal content");

    static final String INITIAL_STATE = "initial_state";
    static final String LABEL = "label";
    static final String DESCRIPTION = "description";
    static final String DOCUMENTATION = "documentation";
    static final String WORKLIST = "worklist";
    static final String WORKLIST_GUARD_PERMISSIONS = "worklist:guard_permissions";
    static final String WORKLIST_GUARD_ROLES = "worklist:guard_roles";
    static final String WORKLIST_GUARD_EXPRESSIONS = "worklist:guard_expressions";
    static final String DEFAULT_WORKLIST_PERMISSION = "Review portal content";

    /** Tagged values of a state that are not permissions. */
    static final Set<String> NOT_PERMISSIONS = Set.of(INITIAL_STATE, DOCUMENTATION, LABEL, DESCRIPTION, WORKLIST,
            WORKLIST_GUARD_PERMISSIONS, WORKLIST_GUARD_ROLES, WORKLIST_GUARD_EXPRESSIONS);

    static final String ACQUIRE = "acquire";

    private static final String GUARD_ROLES = "guard_roles:";
    private static final String GUARD_PERMISSIONS = "guard_permissions:";
    private static final String GUARD_EXPRESSION = "guard_expr:";

    private ArchGenXml() {
    }

    /** Who holds one permission in one state. */
    record Grant(List<String> roles, boolean acquired) {
    }

    /** The permissions a state's tagged values grant, by full Plone permission name, in tag order. */
    static Map<String, Grant> permissions(Map<String, String> tags) {
        Map<String, Grant> grants = new LinkedHashMap<>();
        tags.forEach((tag, value) -> {
            String name = tag.strip();
            if (name.isEmpty() || NOT_PERMISSIONS.contains(name.toLowerCase(Locale.ROOT))
                    || translationOf(name, LABEL) != null || translationOf(name, DESCRIPTION) != null) {
                return;
            }
            String permission = PERMISSION_SHORTCUTS.getOrDefault(name.toLowerCase(Locale.ROOT), name);
            List<String> roles = new ArrayList<>();
            boolean acquired = false;
            for (String role : split(value)) {
                if (role.equalsIgnoreCase(ACQUIRE)) {
                    acquired = true;
                } else if (!roles.contains(role)) {
                    roles.add(role);
                }
            }
            Grant earlier = grants.get(permission);
            if (earlier != null) { // e.g. both "view" and "View": one permission
                List<String> merged = new ArrayList<>(earlier.roles());
                roles.stream().filter(r -> !merged.contains(r)).forEach(merged::add);
                grants.put(permission, new Grant(merged, earlier.acquired() || acquired));
            } else {
                grants.put(permission, new Grant(roles, acquired));
            }
        });
        if (grants.containsKey(VIEW) && !grants.containsKey(ACCESS)) {
            grants.put(ACCESS, grants.get(VIEW));
        }
        return grants;
    }

    /**
     * Campus's extension of the conventions: the tagged values {@code label:de} (or {@code label_de})
     * and {@code description:de} give the title and description in a language. Values whose tag is
     * not a language are left out, as blank ones; {@code label:...} never is a permission. Texts
     * longer than {@code maxLength} are cut, as default titles are.
     *
     * @param kind {@link #LABEL} or {@link #DESCRIPTION}
     * @return the texts by normalised language tag, the first of each language
     */
    static Map<String, String> translations(Map<String, String> tags, String kind, int maxLength) {
        Map<String, String> texts = new LinkedHashMap<>();
        tags.forEach((tag, value) -> {
            String language = translationOf(tag.strip(), kind);
            String normal = language == null ? null : Languages.normalize(language).orElse(null);
            if (normal != null && value != null && !value.isBlank()) {
                String text = value.strip();
                texts.putIfAbsent(normal, text.length() > maxLength ? text.substring(0, maxLength) : text);
            }
        });
        return texts;
    }

    /**
     * The language part of {@code kind:tag} (whatever follows the colon), or of {@code kind_tag} when
     * that is a language tag; {@code null} for other names.
     */
    private static String translationOf(String name, String kind) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.length() <= kind.length() + 1 || !lower.startsWith(kind)) {
            return null;
        }
        char separator = lower.charAt(kind.length());
        String language = name.substring(kind.length() + 1).strip();
        if (separator == ':') {
            return language;
        }
        return separator == '_' && Languages.normalize(language).isPresent() ? language : null;
    }

    /** Names separated by commas or semicolons, trimmed, blanks dropped. */
    static List<String> split(String value) {
        List<String> parts = new ArrayList<>();
        if (value == null) {
            return parts;
        }
        for (String part : value.split("[,;]")) {
            if (!part.isBlank()) {
                parts.add(part.strip());
            }
        }
        return parts;
    }

    /**
     * A guard as ArchGenXML reads it.
     *
     * @param conventional whether the text followed the convention at all; if not, it is kept
     *        whole as an expression
     * @param ignored parts of a conventional guard that name no known part
     */
    record Guard(List<String> roles, List<String> permissions, String expression, boolean conventional,
            List<String> ignored) {
    }

    static Guard guard(String body) {
        List<String> roles = new ArrayList<>();
        List<String> permissions = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        String expression = null;
        boolean conventional = false;
        String lastKind = null;
        for (String rawPart : body.split("\\|")) {
            String part = rawPart.strip();
            String lower = part.toLowerCase(Locale.ROOT);
            if (lower.startsWith(GUARD_ROLES)) {
                conventional = true;
                lastKind = GUARD_ROLES;
                split(part.substring(GUARD_ROLES.length())).forEach(r -> addOnce(roles, r));
            } else if (lower.startsWith(GUARD_PERMISSIONS)) {
                conventional = true;
                lastKind = GUARD_PERMISSIONS;
                split(part.substring(GUARD_PERMISSIONS.length())).forEach(p -> addOnce(permissions, p));
            } else if (lower.startsWith(GUARD_EXPRESSION)) {
                conventional = true;
                lastKind = GUARD_EXPRESSION;
                String text = part.substring(GUARD_EXPRESSION.length()).strip();
                expression = expression == null ? text : expression + " and " + text;
            } else if (GUARD_EXPRESSION.equals(lastKind)) {
                expression = expression + "|" + rawPart; // a TALES path alternative, not a new part
            } else if (!part.isEmpty()) {
                ignored.add(part);
            }
        }
        if (!conventional) {
            return new Guard(List.of(), List.of(), body.strip(), false, List.of());
        }
        return new Guard(roles, permissions, expression == null || expression.isBlank() ? null : expression.strip(),
                true, ignored);
    }

    private static void addOnce(List<String> list, String value) {
        if (!list.contains(value)) {
            list.add(value);
        }
    }

    /** Whether a tagged value marks the initial state: present, and not explicitly false. */
    static boolean marksInitialState(Map<String, String> tags) {
        for (Map.Entry<String, String> tag : tags.entrySet()) {
            if (tag.getKey().strip().equalsIgnoreCase(INITIAL_STATE)) {
                String value = tag.getValue().strip().toLowerCase(Locale.ROOT);
                return !(value.equals("0") || value.equals("false") || value.equals("no"));
            }
        }
        return false;
    }

    /** A tag by name, ignoring case; null when absent or blank. */
    static String tag(Map<String, String> tags, String name) {
        for (Map.Entry<String, String> tag : tags.entrySet()) {
            if (tag.getKey().strip().equalsIgnoreCase(name) && !tag.getValue().isBlank()) {
                return tag.getValue().strip();
            }
        }
        return null;
    }
}
