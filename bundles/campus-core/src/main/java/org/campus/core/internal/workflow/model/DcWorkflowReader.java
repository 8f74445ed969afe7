package org.campus.core.internal.workflow.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import javax.xml.XMLConstants;

import org.campus.api.InvalidInputException;
import org.campus.api.workflow.ActionDef;
import org.campus.api.workflow.GuardDef;
import org.campus.api.workflow.ImportResult;
import org.campus.api.workflow.MenuEntry;
import org.campus.api.workflow.Notification;
import org.campus.api.workflow.PermissionMapping;
import org.campus.api.workflow.StateDef;
import org.campus.api.workflow.VariableDef;
import org.campus.api.workflow.WorkflowDefinition;
import org.campus.api.workflow.WorklistDef;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Turns a parsed DCWorkflow {@code definition.xml} into a {@link WorkflowDefinition}. Whatever it
 * cannot give meaning to becomes a warning; a well-formed file never makes it fail, except when it
 * is not a DCWorkflow definition at all. One reader per document: it collects that document's
 * warnings.
 */
final class DcWorkflowReader {

    private static final String I18N_NAMESPACE = "http://xml.zope.org/namespaces/i18n";

    private final String field;
    private final List<String> warnings = new ArrayList<>();
    /** External permission name to Campus permission, in declaration order. */
    private final Map<String, String> mappings = new LinkedHashMap<>();
    private final List<TransitionDraft> transitions = new ArrayList<>();
    private final Map<String, TransitionDraft> transitionsById = new LinkedHashMap<>();
    private final Set<String> everybodyRolesSeen = new LinkedHashSet<>();
    private boolean sawI18n;

    DcWorkflowReader(String field) {
        this.field = field;
    }

    ImportResult read(Document document) {
        Element root = document.getDocumentElement();
        if (!"dc-workflow".equals(nameOf(root))) {
            throw new InvalidInputException(field, "is not a DCWorkflow definition: the root element is <"
                    + root.getTagName() + ">, expected <dc-workflow>");
        }
        Map<String, String> attributes = attributes(root, "dc-workflow",
                "workflow_id", "title", "description", "state_variable", "initial_state");
        List<Element> stateElements = new ArrayList<>();
        List<Element> worklistElements = new ArrayList<>();
        List<Element> variableElements = new ArrayList<>();
        Map<String, List<String>> implications = null;
        for (Element child : children(root, "dc-workflow")) {
            switch (nameOf(child)) {
                case "permission" -> declarePermission(child);
                case "state" -> stateElements.add(child);
                case "transition" -> readTransition(child);
                case "worklist" -> worklistElements.add(child);
                case "variable" -> variableElements.add(child);
                case "script" -> dropScript(child);
                case DcWorkflowXml.CAMPUS_PREFIX + ":permission-implications" -> implications = readImplications(child);
                default -> unknownElement(child, "dc-workflow");
            }
        }
        List<StateDef> states = stateElements.stream().map(this::readState).toList();
        List<ActionDef> actions = buildActions();
        List<WorklistDef> worklists = worklistElements.stream().map(this::readWorklist).toList();
        List<VariableDef> variables = variableElements.stream().map(this::readVariable).toList();
        warnAboutUngrantedGuardPermissions(actions);
        warnAboutKeptOnlyParts(worklists, variables);
        for (String role : everybodyRolesSeen) {
            warnings.add("role '" + role + "' means everybody in Plone but is an ordinary role name in Campus,"
                    + " held by nobody: grant its permissions to Campus roles such as guest or student");
        }
        if (sawI18n) {
            warnings.add("i18n markup (translation domains and markers) is ignored: texts are imported untranslated");
        }
        List<PermissionMapping> permissionMappings = mappings.entrySet().stream()
                .map(e -> new PermissionMapping(e.getKey(), e.getValue())).toList();
        WorkflowDefinition definition = new WorkflowDefinition(attributes.get("workflow_id"),
                attributes.get("title"), strip(attributes.get("description")), attributes.get("initial_state"),
                states, actions, implications, permissionMappings, variables, worklists,
                attributes.get("state_variable"));
        return new ImportResult(definition, warnings);
    }

    private void declarePermission(Element element) {
        attributes(element, "permission");
        String name = text(element);
        if (name.isEmpty()) {
            warnings.add("an empty <permission> declaration was ignored");
        } else if (mappings.containsKey(name)) {
            warnings.add("permission '" + name + "' is declared twice");
        } else {
            mappings.put(name, PloneVocabulary.campusPermission(name));
            if (!PloneVocabulary.isKnownPermission(name)) {
                warnings.add("permission '" + name + "' has no Campus meaning; it is kept as a custom permission");
            }
        }
    }

    private String mappedPermission(String externalName, String context) {
        if (!mappings.containsKey(externalName)) {
            warnings.add(context + ": permission '" + externalName + "' is not declared with <permission>;"
                    + " it is declared now");
            mappings.put(externalName, PloneVocabulary.campusPermission(externalName));
        }
        return mappings.get(externalName);
    }

    private StateDef readState(Element element) {
        Map<String, String> attributes = attributes(element, "state", "state_id", "title");
        String id = attributes.get("state_id");
        String context = "state '" + id + "'";
        if (id == null) {
            warnings.add("a <state> has no state_id");
        }
        String description = null;
        List<String> exitActions = new ArrayList<>();
        Map<String, PermissionGrant> grants = new LinkedHashMap<>();
        Map<String, String> titles = new LinkedHashMap<>();
        Map<String, String> descriptions = new LinkedHashMap<>();
        for (Element child : children(element, context)) {
            switch (nameOf(child)) {
                case "description" -> description = text(child);
                case DcWorkflowXml.CAMPUS_PREFIX + ":" + DcWorkflowXml.TITLE -> readTranslation(child, titles, context);
                case DcWorkflowXml.CAMPUS_PREFIX + ":" + DcWorkflowXml.DESCRIPTION ->
                        readTranslation(child, descriptions, context);
                case "exit-transition" -> addExit(child, id, exitActions, context);
                case "permission-map" -> readPermissionMap(child, grants, context);
                case "group-map" -> warnings.add(context + ": group-map for '" + child.getAttribute("name")
                        + "' was dropped: Campus grants permissions to roles, not to groups");
                default -> unknownElement(child, context);
            }
        }
        return new StateDef(id, titleOrId(attributes.get("title"), id, context), description,
                permissionsByRole(grants), acquired(grants), exitActions, titles, descriptions);
    }

    private void addExit(Element element, String stateId, List<String> exitActions, String context) {
        String transitionId = attributes(element, context + " exit-transition", "transition_id").get("transition_id");
        TransitionDraft transition = transitionId == null ? null : transitionsById.get(transitionId);
        if (transition == null) {
            warnings.add(context + ": exit-transition '" + transitionId + "' names no transition and was dropped");
        } else if (exitActions.contains(transitionId)) {
            warnings.add(context + ": exit-transition '" + transitionId + "' is listed twice");
        } else {
            exitActions.add(transitionId);
            if (stateId != null) {
                transition.from.add(stateId);
            }
        }
    }

    private void readPermissionMap(Element element, Map<String, PermissionGrant> grants, String context) {
        Map<String, String> attributes = attributes(element, context + " permission-map", "name", "acquired");
        String name = attributes.get("name");
        if (name == null || name.isBlank()) {
            warnings.add(context + ": a permission-map without a name was dropped");
            return;
        }
        mappedPermission(name, context);
        PermissionGrant grant = grants.get(name);
        if (grant == null) {
            grant = new PermissionGrant();
            grants.put(name, grant);
        } else {
            warnings.add(context + ": permission-map '" + name + "' appears twice; its roles are merged");
        }
        grant.acquired |= bool(attributes.get("acquired"), context + " permission-map '" + name + "' acquired");
        for (Element child : children(element, context)) {
            if ("permission-role".equals(nameOf(child))) {
                attributes(child, context + " permission-role");
                String role = text(child);
                if (!role.isEmpty()) {
                    grant.roles.add(campusRole(role));
                }
            } else {
                unknownElement(child, context + " permission-map '" + name + "'");
            }
        }
    }

    /** Role to Campus permissions; each list follows the declaration order, whatever the file's order. */
    private Map<String, List<String>> permissionsByRole(Map<String, PermissionGrant> grants) {
        Map<String, Set<String>> byRole = new LinkedHashMap<>();
        for (Map.Entry<String, String> mapping : mappings.entrySet()) {
            PermissionGrant grant = grants.get(mapping.getKey());
            if (grant != null) {
                for (String role : grant.roles) {
                    byRole.computeIfAbsent(role, r -> new LinkedHashSet<>()).add(mapping.getValue());
                }
            }
        }
        Map<String, List<String>> result = new LinkedHashMap<>();
        byRole.forEach((role, permissions) -> result.put(role, List.copyOf(permissions)));
        return result;
    }

    private List<String> acquired(Map<String, PermissionGrant> grants) {
        return mappings.keySet().stream()
                .filter(name -> grants.containsKey(name) && grants.get(name).acquired)
                .toList();
    }

    private void readTransition(Element element) {
        Map<String, String> attributes = attributes(element, "transition",
                "transition_id", "title", "new_state", "trigger", "before_script", "after_script");
        TransitionDraft transition = new TransitionDraft();
        transition.id = attributes.get("transition_id");
        String context = "transition '" + transition.id + "'";
        if (transition.id == null) {
            warnings.add("a <transition> has no transition_id");
        }
        transition.title = titleOrId(attributes.get("title"), transition.id, context);
        transition.newState = attributes.get("new_state");
        String trigger = attributes.get("trigger");
        if (trigger != null && !trigger.isBlank() && !"USER".equals(trigger)) {
            warnings.add(context + ": trigger '" + trigger + "' is not supported; Campus offers it as a user action");
        }
        dropScriptReference(attributes.get("before_script"), "before_script", context);
        dropScriptReference(attributes.get("after_script"), "after_script", context);
        for (Element child : children(element, context)) {
            switch (nameOf(child)) {
                case "description" -> transition.description = text(child);
                case DcWorkflowXml.CAMPUS_PREFIX + ":" + DcWorkflowXml.TITLE ->
                        readTranslation(child, transition.titles, context);
                case DcWorkflowXml.CAMPUS_PREFIX + ":" + DcWorkflowXml.DESCRIPTION ->
                        readTranslation(child, transition.descriptions, context);
                case "action" -> transition.menu = readMenu(child, context);
                case "guard" -> transition.guard = readGuard(child, context);
                case DcWorkflowXml.CAMPUS_PREFIX + ":notification" ->
                        transition.notifications.add(readNotification(child, context));
                default -> unknownElement(child, context);
            }
        }
        transitions.add(transition);
        if (transition.id != null && transitionsById.putIfAbsent(transition.id, transition) != null) {
            warnings.add(context + " is defined twice; exit-transitions refer to the first");
        }
    }

    private List<ActionDef> buildActions() {
        List<ActionDef> actions = new ArrayList<>();
        for (TransitionDraft transition : transitions) {
            String context = "transition '" + transition.id + "'";
            List<String> from = List.copyOf(transition.from);
            String to = transition.newState;
            if (from.isEmpty()) {
                warnings.add(context + " is not an exit-transition of any state, so it can never be performed");
            }
            if (to == null || to.isBlank()) {
                // DCWorkflow: an empty new_state means "stay where you are".
                if (from.size() == 1) {
                    to = from.get(0);
                    warnings.add(context + " keeps the record in its state; imported as an action from '"
                            + to + "' to '" + to + "'");
                } else {
                    to = null;
                    warnings.add(context + " keeps the record in its state, which Campus can only express"
                            + " with one from-state; give it a target state");
                }
            }
            GuardDef guard = transition.guard;
            // The guard roles are who may perform the transition: Campus calls them the action's roles.
            actions.add(new ActionDef(transition.id, transition.title, transition.description, from, to,
                    guard.roles(), new GuardDef(List.of(), guard.permissions(), guard.expression(), guard.authorOnly()),
                    transition.menu, transition.notifications, transition.titles, transition.descriptions));
        }
        return actions;
    }

    private GuardDef readGuard(Element element, String context) {
        Map<String, String> attributes = attributes(element, context + " guard",
                DcWorkflowXml.CAMPUS_PREFIX + ":" + DcWorkflowXml.AUTHOR_ONLY);
        List<String> roles = new ArrayList<>();
        List<String> permissions = new ArrayList<>();
        String expression = null;
        for (Element child : children(element, context + " guard")) {
            attributes(child, context + " " + nameOf(child));
            String value = text(child);
            switch (nameOf(child)) {
                case "guard-role" -> addOnce(roles, campusRole(value));
                case "guard-permission" -> addOnce(permissions, PloneVocabulary.campusPermission(value));
                case "guard-group" -> warnings.add(context + ": guard group '" + value
                        + "' was dropped: Campus guards by roles, not groups");
                case "guard-expression" -> {
                    if (!value.isEmpty()) {
                        expression = value;
                        warnings.add(context + ": guard expression '" + value + "' is kept but not evaluated");
                    }
                }
                default -> unknownElement(child, context + " guard");
            }
        }
        boolean authorOnly = bool(attributes.get(DcWorkflowXml.CAMPUS_PREFIX + ":" + DcWorkflowXml.AUTHOR_ONLY),
                context + " guard author-only");
        return new GuardDef(roles, permissions, expression, authorOnly);
    }

    /**
     * Campus only: a title or description in the language its {@code xml:lang} names, taken as written
     * (the validator judges tag and text). One without a language, or a language given twice, is reported.
     */
    private void readTranslation(Element element, Map<String, String> texts, String context) {
        String where = context + " " + nameOf(element);
        String language = element.getAttributeNS(XMLConstants.XML_NS_URI, "lang");
        NodeList nodes = element.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i).getNodeType() == Node.ELEMENT_NODE) {
                unknownElement((Element) nodes.item(i), where);
            }
        }
        if (language.isBlank()) {
            warnings.add(where + " has no xml:lang and was ignored");
        } else if (texts.putIfAbsent(language, text(element)) != null) {
            warnings.add(where + " for '" + language + "' is given twice; the first is kept");
        }
    }

    /** Campus only. Subject, body and addresses are taken exactly as written; the validator judges them. */
    private Notification readNotification(Element element, String context) {
        String where = context + " notification";
        Map<String, String> attributes = attributes(element, where, "author");
        List<String> roles = new ArrayList<>();
        List<String> addresses = new ArrayList<>();
        String subject = null;
        String body = null;
        for (Element child : children(element, where)) {
            attributes(child, where + " " + nameOf(child));
            switch (nameOf(child)) {
                case DcWorkflowXml.CAMPUS_PREFIX + ":role" -> roles.add(text(child));
                case DcWorkflowXml.CAMPUS_PREFIX + ":address" -> addresses.add(text(child));
                case DcWorkflowXml.CAMPUS_PREFIX + ":subject" -> subject = child.getTextContent();
                case DcWorkflowXml.CAMPUS_PREFIX + ":body" -> body = child.getTextContent();
                default -> unknownElement(child, where);
            }
        }
        return new Notification(bool(attributes.get("author"), where + " author"), roles, addresses, subject, body);
    }

    private MenuEntry readMenu(Element element, String context) {
        Map<String, String> attributes = attributes(element, context + " action", "url", "category", "icon");
        return new MenuEntry(text(element), attributes.get("url"), attributes.get("category"), attributes.get("icon"));
    }

    private WorklistDef readWorklist(Element element) {
        Map<String, String> attributes = attributes(element, "worklist", "worklist_id", "title");
        String id = attributes.get("worklist_id");
        String context = "worklist '" + id + "'";
        String description = null;
        MenuEntry menu = null;
        GuardDef guard = GuardDef.none();
        Map<String, List<String>> match = new LinkedHashMap<>();
        for (Element child : children(element, context)) {
            switch (nameOf(child)) {
                case "description" -> description = text(child);
                case "action" -> menu = readMenu(child, context);
                case "guard" -> guard = readGuard(child, context);
                case "match" -> {
                    Map<String, String> matchAttributes = attributes(child, context + " match", "name", "values");
                    match.put(matchAttributes.get("name"), splitValues(matchAttributes.get("values")));
                }
                default -> unknownElement(child, context);
            }
        }
        return new WorklistDef(id, attributes.get("title"), description, menu, match, guard);
    }

    private static List<String> splitValues(String values) {
        if (values == null) {
            return List.of();
        }
        return Arrays.stream(values.split(";")).map(String::strip).filter(v -> !v.isEmpty()).toList();
    }

    private VariableDef readVariable(Element element) {
        Map<String, String> attributes = attributes(element, "variable",
                "variable_id", "for_catalog", "for_status", "update_always");
        String id = attributes.get("variable_id");
        String context = "variable '" + id + "'";
        String description = null;
        String defaultValue = null;
        String defaultType = null;
        String defaultExpression = null;
        GuardDef guard = GuardDef.none();
        for (Element child : children(element, context)) {
            switch (nameOf(child)) {
                case "description" -> description = text(child);
                case "guard" -> guard = readGuard(child, context);
                case "default" -> {
                    attributes(child, context + " default");
                    for (Element value : children(child, context + " default")) {
                        switch (nameOf(value)) {
                            case "value" -> {
                                defaultType = attributes(value, context + " value", "type").get("type");
                                defaultValue = text(value);
                            }
                            case "expression" -> {
                                attributes(value, context + " expression");
                                defaultExpression = text(value);
                            }
                            default -> unknownElement(value, context + " default");
                        }
                    }
                }
                default -> unknownElement(child, context);
            }
        }
        return new VariableDef(id, description,
                bool(attributes.get("for_catalog"), context + " for_catalog"),
                bool(attributes.get("for_status"), context + " for_status"),
                bool(attributes.get("update_always"), context + " update_always"),
                defaultValue, defaultType, defaultExpression, guard);
    }

    private Map<String, List<String>> readImplications(Element element) {
        attributes(element, "permission-implications");
        Map<String, List<String>> implications = new LinkedHashMap<>();
        for (Element child : children(element, "permission-implications")) {
            if ((DcWorkflowXml.CAMPUS_PREFIX + ":implies").equals(nameOf(child))) {
                Map<String, String> attributes = attributes(child, "implies", "permission", "implied");
                String permission = attributes.get("permission");
                String implied = attributes.get("implied");
                if (permission == null || implied == null) {
                    warnings.add("a permission implication without permission or implied was dropped");
                } else {
                    List<String> list = new ArrayList<>(implications.getOrDefault(permission, List.of()));
                    addOnce(list, implied);
                    implications.put(permission, List.copyOf(list));
                }
            } else {
                unknownElement(child, "permission-implications");
            }
        }
        return implications;
    }

    private void dropScript(Element element) {
        Map<String, String> attributes = attributes(element, "script",
                "script_id", "type", "filename", "module", "function");
        warnings.add("script '" + attributes.get("script_id") + "' (" + attributes.get("type")
                + ") was dropped: Campus does not run workflow scripts");
    }

    private void dropScriptReference(String script, String attribute, String context) {
        if (script != null && !script.isBlank()) {
            warnings.add(context + ": " + attribute + " '" + script + "' is not run by Campus and was dropped");
        }
    }

    private void warnAboutUngrantedGuardPermissions(List<ActionDef> actions) {
        Set<String> grantable = new HashSet<>(mappings.values());
        Set<String> warned = new HashSet<>();
        for (ActionDef action : actions) {
            for (String permission : action.guard().permissions()) {
                if (!grantable.contains(permission) && warned.add(permission)) {
                    warnings.add("guard permission '" + permission + "' (used by transition '" + action.id()
                            + "' and maybe others) is not managed by any state of this workflow; Plone grants it"
                            + " site-wide, Campus only when a state grants it to a role");
                }
            }
        }
    }

    private void warnAboutKeptOnlyParts(List<WorklistDef> worklists, List<VariableDef> variables) {
        if (!worklists.isEmpty()) {
            warnings.add("worklists are kept for export but not used by Campus: "
                    + String.join(", ", worklists.stream().map(w -> String.valueOf(w.id())).toList()));
        }
        if (!variables.isEmpty()) {
            warnings.add("variables are kept for export but not computed by Campus: "
                    + String.join(", ", variables.stream().map(v -> String.valueOf(v.id())).toList()));
        }
    }

    private String campusRole(String ploneRole) {
        if (PloneVocabulary.meansEverybody(ploneRole)) {
            everybodyRolesSeen.add(ploneRole);
        }
        return PloneVocabulary.campusRole(ploneRole);
    }

    private String titleOrId(String title, String id, String context) {
        if (title == null || title.isBlank()) {
            if (id != null) {
                warnings.add(context + " has no title; its id is used");
            }
            return id;
        }
        return title;
    }

    private boolean bool(String value, String context) {
        if (value == null || value.isBlank()) {
            return false;
        }
        switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true", "1" -> {
                return true;
            }
            case "false", "0" -> {
                return false;
            }
            default -> {
                warnings.add(context + ": '" + value + "' is not True or False; False is used");
                return false;
            }
        }
    }

    /** The attributes named in {@code known} (prefixed Campus ones as {@code campus:name}); warns about the rest. */
    private Map<String, String> attributes(Element element, String context, String... known) {
        Set<String> knownNames = Set.of(known);
        Map<String, String> values = new LinkedHashMap<>();
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr attribute = (Attr) attributes.item(i);
            String namespace = attribute.getNamespaceURI();
            if (XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(namespace)) {
                continue;
            }
            if (I18N_NAMESPACE.equals(namespace)) {
                sawI18n = true;
                continue;
            }
            String name = nameOf(attribute);
            if (knownNames.contains(name)) {
                values.put(name, attribute.getValue());
            } else {
                warnings.add(context + ": attribute '" + attribute.getName() + "' is not understood and was ignored");
            }
        }
        return values;
    }

    /** Child elements; text other than whitespace between them is reported, comments are not. */
    private List<Element> children(Element parent, String context) {
        List<Element> elements = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node node = nodes.item(i);
            if (node.getNodeType() == Node.ELEMENT_NODE) {
                elements.add((Element) node);
            } else if ((node.getNodeType() == Node.TEXT_NODE || node.getNodeType() == Node.CDATA_SECTION_NODE)
                    && !node.getNodeValue().isBlank()) {
                warnings.add(context + ": text '" + node.getNodeValue().strip()
                        + "' is not understood and was ignored");
            }
        }
        return elements;
    }

    private void unknownElement(Element element, String context) {
        warnings.add(context + ": element <" + element.getTagName() + "> is not understood and was ignored");
    }

    /** Plain local name, {@code campus:}-prefixed for Campus extensions, {@code {namespace}name} otherwise. */
    private static String nameOf(Node node) {
        String namespace = node.getNamespaceURI();
        String local = node.getLocalName() != null ? node.getLocalName() : node.getNodeName();
        if (namespace == null) {
            return local;
        }
        if (DcWorkflowXml.CAMPUS_NAMESPACE.equals(namespace)) {
            return DcWorkflowXml.CAMPUS_PREFIX + ":" + local;
        }
        return "{" + namespace + "}" + local;
    }

    private static String text(Element element) {
        return element.getTextContent().strip();
    }

    private static String strip(String value) {
        return value == null ? null : value.strip();
    }

    private static void addOnce(List<String> list, String value) {
        if (!value.isEmpty() && !list.contains(value)) {
            list.add(value);
        }
    }

    /** One permission-map of one state. */
    private static final class PermissionGrant {
        boolean acquired;
        final Set<String> roles = new LinkedHashSet<>();
    }

    /** A transition until the states have said where it starts from. */
    private static final class TransitionDraft {
        String id;
        String title;
        String description;
        String newState;
        GuardDef guard = GuardDef.none();
        MenuEntry menu;
        final Set<String> from = new LinkedHashSet<>();
        final List<Notification> notifications = new ArrayList<>();
        final Map<String, String> titles = new LinkedHashMap<>();
        final Map<String, String> descriptions = new LinkedHashMap<>();
    }
}
