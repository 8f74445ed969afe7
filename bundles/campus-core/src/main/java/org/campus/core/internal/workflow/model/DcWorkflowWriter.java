package org.campus.core.internal.workflow.model;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

import org.campus.api.workflow.ActionDef;
import org.campus.api.workflow.GuardDef;
import org.campus.api.workflow.MenuEntry;
import org.campus.api.workflow.Notification;
import org.campus.api.workflow.PermissionMapping;
import org.campus.api.workflow.StateDef;
import org.campus.api.workflow.VariableDef;
import org.campus.api.workflow.WorkflowDefinition;
import org.campus.api.workflow.WorkflowPermissions;
import org.campus.api.workflow.WorklistDef;

/**
 * Writes a {@link WorkflowDefinition} as a DCWorkflow {@code definition.xml}.
 *
 * <ul>
 * <li>A state's exit-transitions are the actions starting from it, in its {@code exitActions}
 * order first.</li>
 * <li>A state's permission-maps list, per external permission, the roles that hold its Campus
 * permission directly. Implications are not expanded: Campus applies them when it checks, and
 * expanding them would change the model on the next import.</li>
 * <li>An action's roles and guard roles become guard-roles; {@code author} becomes {@code Owner}.</li>
 * <li>What DCWorkflow cannot say (permission implications, author-only guards, notifications) is written in the
 * Campus namespace, which Plone ignores, so that importing the export gives the same model.</li>
 * </ul>
 */
final class DcWorkflowWriter {

    private static final String DEFAULT_STATE_VARIABLE = "review_state";

    String write(WorkflowDefinition definition) {
        List<PermissionMapping> mappings = effectiveMappings(definition);
        XmlWriter xml = new XmlWriter();
        xml.start("dc-workflow",
                "xmlns:" + DcWorkflowXml.CAMPUS_PREFIX, DcWorkflowXml.CAMPUS_NAMESPACE,
                "workflow_id", definition.id(),
                "title", definition.title(),
                "description", definition.description(),
                "state_variable", Objects.requireNonNullElse(definition.stateVariable(), DEFAULT_STATE_VARIABLE),
                "initial_state", definition.initialState());
        for (PermissionMapping mapping : mappings) {
            xml.textElement("permission", mapping.externalName());
        }
        writeImplications(xml, definition.permissionImplications());
        List<ActionDef> actions = definition.actions().stream().filter(Objects::nonNull).toList();
        definition.states().stream().filter(Objects::nonNull)
                .forEach(state -> writeState(xml, state, actions, mappings));
        actions.forEach(action -> writeTransition(xml, action, mappings));
        definition.worklists().stream().filter(Objects::nonNull)
                .forEach(worklist -> writeWorklist(xml, worklist, mappings));
        definition.variables().stream().filter(Objects::nonNull)
                .forEach(variable -> writeVariable(xml, variable, mappings));
        return xml.end().toString();
    }

    /**
     * The definition's mappings, plus Plone's usual name for every state permission none of them
     * covers: view, edit and delete first, then the others as they come. The order matters because
     * import orders each role's permissions by it.
     */
    private static List<PermissionMapping> effectiveMappings(WorkflowDefinition definition) {
        List<PermissionMapping> mappings = new ArrayList<>(definition.permissionMappings());
        Set<String> covered = new LinkedHashSet<>();
        Set<String> names = new LinkedHashSet<>();
        for (PermissionMapping mapping : mappings) {
            covered.add(mapping.permission());
            names.add(mapping.externalName());
        }
        Set<String> uncovered = new LinkedHashSet<>(List.of(WorkflowPermissions.VIEW, WorkflowPermissions.EDIT,
                WorkflowPermissions.DELETE));
        Set<String> used = new LinkedHashSet<>();
        definition.states().stream().filter(Objects::nonNull)
                .flatMap(state -> state.permissions().values().stream())
                .filter(Objects::nonNull)
                .flatMap(List::stream)
                .filter(Objects::nonNull)
                .forEach(used::add);
        uncovered.addAll(used);
        uncovered.retainAll(used);
        uncovered.removeAll(covered);
        for (String permission : uncovered) {
            String name = PloneVocabulary.defaultPlonePermission(permission);
            if (names.add(name)) {
                mappings.add(new PermissionMapping(name, permission));
            }
        }
        return mappings;
    }

    /** Sorted, so that the same definition always gives the same file whatever map it came in. */
    private static void writeImplications(XmlWriter xml, Map<String, List<String>> implications) {
        xml.start(DcWorkflowXml.CAMPUS_PREFIX + ":permission-implications");
        Map<String, List<String>> sorted = new TreeMap<>();
        implications.forEach((permission, implied) -> {
            if (permission != null && implied != null) {
                sorted.put(permission, implied);
            }
        });
        sorted.forEach((permission, implied) -> implied.stream().filter(Objects::nonNull).forEach(one ->
                xml.emptyElement(DcWorkflowXml.CAMPUS_PREFIX + ":implies", "permission", permission, "implied", one)));
        xml.end();
    }

    private static void writeState(XmlWriter xml, StateDef state, List<ActionDef> actions,
            List<PermissionMapping> mappings) {
        xml.start("state", "state_id", state.id(), "title", state.title());
        if (state.description() != null) {
            xml.textElement("description", state.description());
        }
        writeTranslations(xml, state.titles(), state.descriptions());
        for (String actionId : exitTransitions(state, actions)) {
            xml.emptyElement("exit-transition", "transition_id", actionId);
        }
        for (PermissionMapping mapping : mappings) {
            xml.start("permission-map", "name", mapping.externalName(),
                    "acquired", pythonBool(state.acquiredPermissions().contains(mapping.externalName())));
            state.permissions().forEach((role, permissions) -> {
                if (permissions != null && permissions.contains(mapping.permission())) {
                    xml.textElement("permission-role", PloneVocabulary.ploneRole(role));
                }
            });
            xml.end();
        }
        xml.end();
    }

    private static List<String> exitTransitions(StateDef state, List<ActionDef> actions) {
        Set<String> leaving = new LinkedHashSet<>();
        for (ActionDef action : actions) {
            if (action.id() != null && action.from().contains(state.id())) {
                leaving.add(action.id());
            }
        }
        Set<String> ordered = new LinkedHashSet<>();
        state.exitActions().stream().filter(leaving::contains).forEach(ordered::add);
        ordered.addAll(leaving);
        return List.copyOf(ordered);
    }

    private static void writeTransition(XmlWriter xml, ActionDef action, List<PermissionMapping> mappings) {
        xml.start("transition", "transition_id", action.id(), "title", action.title(),
                "new_state", Objects.requireNonNullElse(action.to(), ""), "trigger", "USER",
                "before_script", "", "after_script", "");
        if (action.description() != null) {
            xml.textElement("description", action.description());
        }
        writeTranslations(xml, action.titles(), action.descriptions());
        writeMenu(xml, action.menu());
        List<String> roles = new ArrayList<>(action.roles());
        action.guard().roles().stream().filter(r -> !roles.contains(r)).forEach(roles::add);
        writeGuard(xml, roles, action.guard(), mappings);
        action.notifications().stream().filter(Objects::nonNull).forEach(n -> writeNotification(xml, n));
        xml.end();
    }

    /**
     * Campus only: titles and descriptions in other languages, one element each with {@code xml:lang}.
     * Plone translates titles through message catalogues instead, and ignores these.
     */
    private static void writeTranslations(XmlWriter xml, Map<String, String> titles, Map<String, String> descriptions) {
        titles.forEach((language, title) -> xml.textElement(DcWorkflowXml.CAMPUS_PREFIX + ":" + DcWorkflowXml.TITLE,
                title, "xml:lang", language));
        descriptions.forEach((language, description) -> xml.textElement(
                DcWorkflowXml.CAMPUS_PREFIX + ":" + DcWorkflowXml.DESCRIPTION, description, "xml:lang", language));
    }

    /** Campus only: a mail sent once the transition was performed. Subject and body keep their exact text. */
    private static void writeNotification(XmlWriter xml, Notification notification) {
        xml.start(DcWorkflowXml.CAMPUS_PREFIX + ":notification",
                "author", pythonBool(notification.author()));
        notification.roles().forEach(role -> xml.textElement(DcWorkflowXml.CAMPUS_PREFIX + ":role", role));
        notification.addresses().forEach(address ->
                xml.textElement(DcWorkflowXml.CAMPUS_PREFIX + ":address", address));
        if (notification.subject() != null) {
            xml.textElement(DcWorkflowXml.CAMPUS_PREFIX + ":subject", notification.subject());
        }
        if (notification.body() != null) {
            xml.textElement(DcWorkflowXml.CAMPUS_PREFIX + ":body", notification.body());
        }
        xml.end();
    }

    private static void writeGuard(XmlWriter xml, List<String> roles, GuardDef guard,
            List<PermissionMapping> mappings) {
        xml.start("guard", DcWorkflowXml.CAMPUS_PREFIX + ":" + DcWorkflowXml.AUTHOR_ONLY,
                guard.authorOnly() ? pythonBool(true) : null);
        for (String permission : guard.permissions()) {
            xml.textElement("guard-permission", PloneVocabulary.plonePermission(permission, mappings));
        }
        for (String role : roles) {
            xml.textElement("guard-role", PloneVocabulary.ploneRole(role));
        }
        if (guard.expression() != null && !guard.expression().isBlank()) {
            xml.textElement("guard-expression", guard.expression());
        }
        xml.end();
    }

    private static void writeMenu(XmlWriter xml, MenuEntry menu) {
        if (menu != null) {
            xml.textElement("action", menu.label(), "category", menu.category(), "url", menu.url(),
                    "icon", menu.icon());
        }
    }

    private static void writeWorklist(XmlWriter xml, WorklistDef worklist, List<PermissionMapping> mappings) {
        xml.start("worklist", "worklist_id", worklist.id(), "title", worklist.title());
        if (worklist.description() != null) {
            xml.textElement("description", worklist.description());
        }
        writeMenu(xml, worklist.menu());
        writeGuard(xml, worklist.guard().roles(), worklist.guard(), mappings);
        worklist.match().forEach((name, values) ->
                xml.emptyElement("match", "name", name, "values", String.join("; ", values)));
        xml.end();
    }

    private static void writeVariable(XmlWriter xml, VariableDef variable, List<PermissionMapping> mappings) {
        xml.start("variable", "variable_id", variable.id(),
                "for_catalog", pythonBool(variable.forCatalog()),
                "for_status", pythonBool(variable.forStatus()),
                "update_always", pythonBool(variable.updateAlways()));
        if (variable.description() != null) {
            xml.textElement("description", variable.description());
        }
        xml.start("default");
        if (variable.defaultValue() != null) {
            xml.textElement("value", variable.defaultValue(), "type", variable.defaultValueType());
        }
        if (variable.defaultExpression() != null) {
            xml.textElement("expression", variable.defaultExpression());
        }
        xml.end();
        writeGuard(xml, variable.guard().roles(), variable.guard(), mappings);
        xml.end();
    }

    private static String pythonBool(boolean value) {
        return value ? "True" : "False";
    }
}
