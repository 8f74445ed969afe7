package org.campus.core.internal.workflow.model;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.campus.api.FieldError;
import org.campus.api.InvalidInputException;
import org.campus.api.workflow.ActionDef;
import org.campus.api.workflow.GuardDef;
import org.campus.api.workflow.Languages;
import org.campus.api.workflow.Notification;
import org.campus.api.workflow.PermissionMapping;
import org.campus.api.workflow.StateDef;
import org.campus.api.workflow.VariableDef;
import org.campus.api.workflow.WorkflowDefinition;
import org.campus.api.workflow.WorkflowRoles;
import org.campus.api.workflow.WorklistDef;

/**
 * Checks a workflow definition and reports every problem at once, each with the path of the field
 * at fault ({@code states[2].id}, {@code actions[0].from[1]}, {@code initialState}).
 *
 * <p>Permission and role names are open sets: any non-blank name is accepted.
 */
public final class WorkflowValidator {

    static final int MAX_ID_LENGTH = 100;
    static final int MAX_TITLE_LENGTH = 255;
    static final int MAX_NOTIFICATIONS = 20;
    static final int MAX_NOTIFICATION_ADDRESSES = 50;
    static final int MAX_SUBJECT_LENGTH = 255;
    static final int MAX_BODY_LENGTH = 10_000;

    // Ids end up in URLs, JSON keys, DCWorkflow ids and diagram node names.
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]*");

    /** Every problem found, in the order of the fields; empty when the definition is valid. */
    public List<FieldError> validate(WorkflowDefinition definition) {
        List<FieldError> errors = new ArrayList<>();
        if (definition == null) {
            errors.add(new FieldError("workflow", "is required"));
            return errors;
        }
        checkTitle(errors, "title", definition.title());
        Map<String, Integer> stateIndex = checkStates(errors, definition);
        checkInitialState(errors, definition, stateIndex);
        Map<String, Integer> actionIndex = checkActions(errors, definition, stateIndex);
        checkExitActions(errors, definition, actionIndex);
        checkImplications(errors, definition.permissionImplications());
        checkMappings(errors, definition.permissionMappings());
        checkVariables(errors, definition.variables());
        checkWorklists(errors, definition.worklists());
        checkReachability(errors, definition, stateIndex);
        return errors;
    }

    /** @throws InvalidInputException naming every problem, when there is one */
    public void check(WorkflowDefinition definition) {
        List<FieldError> errors = validate(definition);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    /** State id to the index of its first occurrence. */
    private Map<String, Integer> checkStates(List<FieldError> errors, WorkflowDefinition definition) {
        Map<String, Integer> index = new HashMap<>();
        if (definition.states().isEmpty()) {
            errors.add(new FieldError("states", "must name at least one state"));
        }
        for (int i = 0; i < definition.states().size(); i++) {
            String path = FieldPath.index("states", i);
            StateDef state = definition.states().get(i);
            if (state == null) {
                errors.add(new FieldError(path, "is required"));
                continue;
            }
            checkUniqueId(errors, path, "states", state.id(), index, i);
            checkTitle(errors, FieldPath.field(path, "title"), state.title());
            checkTranslations(errors, path, state.titles(), state.descriptions());
            checkPermissionsByRole(errors, FieldPath.field(path, "permissions"), state.permissions());
            checkNames(errors, FieldPath.field(path, "acquiredPermissions"), state.acquiredPermissions(), "permission");
        }
        return index;
    }

    private void checkPermissionsByRole(List<FieldError> errors, String path, Map<String, List<String>> permissions) {
        for (Map.Entry<String, List<String>> entry : permissions.entrySet()) {
            String rolePath = FieldPath.key(path, entry.getKey());
            if (isBlank(entry.getKey())) {
                errors.add(new FieldError(rolePath, "role name must not be blank"));
            }
            if (entry.getValue() == null) {
                errors.add(new FieldError(rolePath, "must be a list of permission names"));
            } else {
                checkNames(errors, rolePath, entry.getValue(), "permission");
            }
        }
    }

    private void checkInitialState(List<FieldError> errors, WorkflowDefinition definition,
            Map<String, Integer> stateIndex) {
        String initial = definition.initialState();
        if (isBlank(initial)) {
            errors.add(new FieldError("initialState", "is required"));
        } else if (!stateIndex.containsKey(initial)) {
            errors.add(new FieldError("initialState", "names unknown state '" + initial + "'"));
        }
    }

    /** Action id to the index of its first occurrence. */
    private Map<String, Integer> checkActions(List<FieldError> errors, WorkflowDefinition definition,
            Map<String, Integer> stateIndex) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < definition.actions().size(); i++) {
            String path = FieldPath.index("actions", i);
            ActionDef action = definition.actions().get(i);
            if (action == null) {
                errors.add(new FieldError(path, "is required"));
                continue;
            }
            checkUniqueId(errors, path, "actions", action.id(), index, i);
            checkTitle(errors, FieldPath.field(path, "title"), action.title());
            checkTranslations(errors, path, action.titles(), action.descriptions());
            checkFromStates(errors, FieldPath.field(path, "from"), action.from(), stateIndex);
            String toPath = FieldPath.field(path, "to");
            if (isBlank(action.to())) {
                errors.add(new FieldError(toPath, "is required"));
            } else if (!stateIndex.containsKey(action.to())) {
                errors.add(new FieldError(toPath, "names unknown state '" + action.to() + "'"));
            }
            checkNames(errors, FieldPath.field(path, "roles"), action.roles(), "role");
            checkGuard(errors, FieldPath.field(path, "guard"), action.guard());
            checkNotifications(errors, FieldPath.field(path, "notifications"), action.notifications());
        }
        return index;
    }

    private void checkNotifications(List<FieldError> errors, String path, List<Notification> notifications) {
        if (notifications.size() > MAX_NOTIFICATIONS) {
            errors.add(new FieldError(path, "has more than " + MAX_NOTIFICATIONS + " notifications"));
        }
        for (int k = 0; k < notifications.size(); k++) {
            String itemPath = FieldPath.index(path, k);
            Notification n = notifications.get(k);
            if (n == null) {
                errors.add(new FieldError(itemPath, "is required"));
                continue;
            }
            if (!n.author() && n.roles().isEmpty() && n.addresses().isEmpty()) {
                errors.add(new FieldError(itemPath, "names no recipient: set author, roles or addresses"));
            }
            checkNames(errors, FieldPath.field(itemPath, "roles"), n.roles(), "role");
            for (int j = 0; j < n.roles().size(); j++) {
                if (WorkflowRoles.AUTHOR.equals(n.roles().get(j))) {
                    errors.add(new FieldError(FieldPath.index(FieldPath.field(itemPath, "roles"), j),
                            "the author is not a role anybody holds: set author to true instead"));
                }
            }
            if (n.addresses().size() > MAX_NOTIFICATION_ADDRESSES) {
                errors.add(new FieldError(FieldPath.field(itemPath, "addresses"),
                        "has more than " + MAX_NOTIFICATION_ADDRESSES + " addresses"));
            }
            for (int j = 0; j < n.addresses().size(); j++) {
                String problem = MailAddresses.problem(n.addresses().get(j));
                if (problem != null) {
                    errors.add(new FieldError(FieldPath.index(FieldPath.field(itemPath, "addresses"), j), problem));
                }
            }
            checkTemplate(errors, FieldPath.field(itemPath, "subject"), n.subject(), MAX_SUBJECT_LENGTH, true);
            checkTemplate(errors, FieldPath.field(itemPath, "body"), n.body(), MAX_BODY_LENGTH, false);
        }
    }

    private static void checkTemplate(List<FieldError> errors, String path, String template, int maxLength,
            boolean oneLine) {
        if (isBlank(template)) {
            errors.add(new FieldError(path, "is required"));
            return;
        }
        if (template.length() > maxLength) {
            errors.add(new FieldError(path, "is longer than " + maxLength + " characters"));
        }
        if (oneLine && template.chars().anyMatch(Character::isISOControl)) {
            errors.add(new FieldError(path, "must be one line, without line breaks or other control characters"));
        }
        MailTemplate.problems(template).forEach(problem -> errors.add(new FieldError(path, problem)));
    }

    private void checkFromStates(List<FieldError> errors, String path, List<String> from,
            Map<String, Integer> stateIndex) {
        if (from.isEmpty()) {
            errors.add(new FieldError(path, "must name at least one state"));
        }
        Set<String> seen = new HashSet<>();
        for (int j = 0; j < from.size(); j++) {
            String stateId = from.get(j);
            String fromPath = FieldPath.index(path, j);
            if (isBlank(stateId)) {
                errors.add(new FieldError(fromPath, "is required"));
            } else if (!stateIndex.containsKey(stateId)) {
                errors.add(new FieldError(fromPath, "names unknown state '" + stateId + "'"));
            } else if (!seen.add(stateId)) {
                errors.add(new FieldError(fromPath, "names state '" + stateId + "' twice"));
            }
        }
    }

    private void checkGuard(List<FieldError> errors, String path, GuardDef guard) {
        checkNames(errors, FieldPath.field(path, "roles"), guard.roles(), "role");
        checkNames(errors, FieldPath.field(path, "permissions"), guard.permissions(), "permission");
    }

    private void checkExitActions(List<FieldError> errors, WorkflowDefinition definition,
            Map<String, Integer> actionIndex) {
        for (int i = 0; i < definition.states().size(); i++) {
            StateDef state = definition.states().get(i);
            if (state == null) {
                continue;
            }
            String path = FieldPath.field(FieldPath.index("states", i), "exitActions");
            Set<String> seen = new HashSet<>();
            for (int j = 0; j < state.exitActions().size(); j++) {
                String actionId = state.exitActions().get(j);
                String itemPath = FieldPath.index(path, j);
                if (isBlank(actionId)) {
                    errors.add(new FieldError(itemPath, "is required"));
                } else if (!actionIndex.containsKey(actionId)) {
                    errors.add(new FieldError(itemPath, "names unknown action '" + actionId + "'"));
                } else if (!seen.add(actionId)) {
                    errors.add(new FieldError(itemPath, "names action '" + actionId + "' twice"));
                } else if (state.id() != null
                        && !definition.actions().get(actionIndex.get(actionId)).from().contains(state.id())) {
                    errors.add(new FieldError(itemPath,
                            "names action '" + actionId + "', which does not start from this state"));
                }
            }
        }
    }

    private void checkImplications(List<FieldError> errors, Map<String, List<String>> implications) {
        for (Map.Entry<String, List<String>> entry : implications.entrySet()) {
            String path = FieldPath.key("permissionImplications", entry.getKey());
            if (isBlank(entry.getKey())) {
                errors.add(new FieldError(path, "permission name must not be blank"));
            }
            if (entry.getValue() == null) {
                errors.add(new FieldError(path, "must be a list of permission names"));
            } else {
                checkNames(errors, path, entry.getValue(), "permission");
            }
        }
    }

    private void checkMappings(List<FieldError> errors, List<PermissionMapping> mappings) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < mappings.size(); i++) {
            String path = FieldPath.index("permissionMappings", i);
            PermissionMapping mapping = mappings.get(i);
            if (mapping == null) {
                errors.add(new FieldError(path, "is required"));
                continue;
            }
            if (isBlank(mapping.externalName())) {
                errors.add(new FieldError(FieldPath.field(path, "externalName"), "is required"));
            } else if (!seen.add(mapping.externalName())) {
                errors.add(new FieldError(FieldPath.field(path, "externalName"),
                        "maps '" + mapping.externalName() + "' twice"));
            }
            if (isBlank(mapping.permission())) {
                errors.add(new FieldError(FieldPath.field(path, "permission"), "is required"));
            }
        }
    }

    private void checkVariables(List<FieldError> errors, List<VariableDef> variables) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < variables.size(); i++) {
            String path = FieldPath.index("variables", i);
            VariableDef variable = variables.get(i);
            if (variable == null) {
                errors.add(new FieldError(path, "is required"));
                continue;
            }
            checkUniqueId(errors, path, "variables", variable.id(), index, i);
            checkGuard(errors, FieldPath.field(path, "guard"), variable.guard());
        }
    }

    private void checkWorklists(List<FieldError> errors, List<WorklistDef> worklists) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < worklists.size(); i++) {
            String path = FieldPath.index("worklists", i);
            WorklistDef worklist = worklists.get(i);
            if (worklist == null) {
                errors.add(new FieldError(path, "is required"));
                continue;
            }
            checkUniqueId(errors, path, "worklists", worklist.id(), index, i);
            for (Map.Entry<String, List<String>> match : worklist.match().entrySet()) {
                if (isBlank(match.getKey())) {
                    errors.add(new FieldError(FieldPath.key(FieldPath.field(path, "match"), match.getKey()),
                            "variable name must not be blank"));
                }
            }
            checkGuard(errors, FieldPath.field(path, "guard"), worklist.guard());
        }
    }

    /** A state nobody can ever get into is almost certainly a mistake in the actions. */
    private void checkReachability(List<FieldError> errors, WorkflowDefinition definition,
            Map<String, Integer> stateIndex) {
        String initial = definition.initialState();
        if (initial == null || !stateIndex.containsKey(initial)) {
            return;
        }
        Map<String, List<String>> successors = new LinkedHashMap<>();
        for (ActionDef action : definition.actions()) {
            if (action == null || action.to() == null) {
                continue;
            }
            for (String from : action.from()) {
                successors.computeIfAbsent(from, k -> new ArrayList<>()).add(action.to());
            }
        }
        Set<String> reached = new HashSet<>();
        Deque<String> pending = new ArrayDeque<>();
        reached.add(initial);
        pending.add(initial);
        while (!pending.isEmpty()) {
            for (String next : successors.getOrDefault(pending.poll(), List.of())) {
                if (reached.add(next)) {
                    pending.add(next);
                }
            }
        }
        for (int i = 0; i < definition.states().size(); i++) {
            StateDef state = definition.states().get(i);
            boolean firstWithId = state != null && !isBlank(state.id())
                    && Integer.valueOf(i).equals(stateIndex.get(state.id()));
            if (firstWithId && !reached.contains(state.id())) {
                errors.add(new FieldError(FieldPath.index("states", i),
                        "state '" + state.id() + "' cannot be reached from the initial state '" + initial + "'"));
            }
        }
    }

    private void checkUniqueId(List<FieldError> errors, String path, String listName, String id,
            Map<String, Integer> index, int position) {
        String idPath = FieldPath.field(path, "id");
        if (isBlank(id)) {
            errors.add(new FieldError(idPath, "is required"));
            return;
        }
        if (id.length() > MAX_ID_LENGTH) {
            errors.add(new FieldError(idPath, "is longer than " + MAX_ID_LENGTH + " characters"));
        } else if (!ID.matcher(id).matches()) {
            errors.add(new FieldError(idPath,
                    "may contain only letters, digits, '_', '.' and '-', and must not start with '.' or '-'"));
        }
        Integer first = index.putIfAbsent(id, position);
        if (first != null) {
            errors.add(new FieldError(idPath, "'" + id + "' is already the id of " + FieldPath.index(listName, first)));
        }
    }

    private void checkTitle(List<FieldError> errors, String path, String text) {
        if (isBlank(text)) {
            errors.add(new FieldError(path, "is required"));
        } else if (text.length() > MAX_TITLE_LENGTH) {
            errors.add(new FieldError(path, "is longer than " + MAX_TITLE_LENGTH + " characters"));
        }
    }

    /** Titles and descriptions by language: well-formed tags, each once, within the limits of {@link Languages}. */
    private void checkTranslations(List<FieldError> errors, String path, Map<String, String> titles,
            Map<String, String> descriptions) {
        checkTexts(errors, FieldPath.field(path, "titles"), titles, Languages.MAX_TITLE_LENGTH, true);
        checkTexts(errors, FieldPath.field(path, "descriptions"), descriptions, Languages.MAX_DESCRIPTION_LENGTH,
                false);
    }

    private void checkTexts(List<FieldError> errors, String path, Map<String, String> texts, int maxLength,
            boolean title) {
        if (texts.size() > Languages.MAX_LANGUAGES) {
            errors.add(new FieldError(path, "has more than " + Languages.MAX_LANGUAGES + " languages"));
            return;
        }
        for (Map.Entry<String, String> entry : texts.entrySet()) {
            String tag = entry.getKey();
            String textPath = FieldPath.key(path, tag);
            String normal = tag == null ? null : Languages.normalize(tag).orElse(null);
            if (normal == null) {
                errors.add(new FieldError(textPath, "is not a language tag (BCP 47, such as de or pt-BR, at most "
                        + Languages.MAX_TAG_LENGTH + " characters)"));
            } else if (!normal.equals(tag)) {
                errors.add(new FieldError(textPath, "names the language " + normal + " again"));
            }
            String text = entry.getValue();
            if (isBlank(text)) {
                errors.add(new FieldError(textPath, title ? "is required" : "must not be blank"));
            } else if (text.length() > maxLength) {
                errors.add(new FieldError(textPath, "is longer than " + maxLength + " characters"));
            } else if (text.indexOf('\0') >= 0) {
                errors.add(new FieldError(textPath, "must not contain NUL characters"));
            }
        }
    }

    private void checkNames(List<FieldError> errors, String path, List<String> names, String kind) {
        for (int j = 0; j < names.size(); j++) {
            if (isBlank(names.get(j))) {
                errors.add(new FieldError(FieldPath.index(path, j), kind + " name must not be blank"));
            }
        }
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
