package org.campus.rest.internal.workflow;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

import org.campus.api.FieldError;
import org.campus.api.InvalidInputException;
import org.campus.api.Page;
import org.campus.api.workflow.ActionDef;
import org.campus.api.workflow.ActionRequest;
import org.campus.api.workflow.GuardDef;
import org.campus.api.workflow.HistoryEntry;
import org.campus.api.workflow.LmsId;
import org.campus.api.workflow.MenuEntry;
import org.campus.api.workflow.NewRecord;
import org.campus.api.workflow.Notification;
import org.campus.api.workflow.PermissionMapping;
import org.campus.api.workflow.RecordAccess;
import org.campus.api.workflow.StateAccess;
import org.campus.api.workflow.StateDef;
import org.campus.api.workflow.VariableDef;
import org.campus.api.workflow.Workflow;
import org.campus.api.workflow.WorkflowDefinition;
import org.campus.api.workflow.WorkflowRecord;
import org.campus.api.workflow.WorklistDef;
import org.campus.rest.internal.http.Json;
import org.campus.rest.internal.http.JsonInput;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The one JSON mapping of workflows and workflow records, both ways. The definition's JSON is the
 * Campus JSON format: {@link #definition} writes every field the model holds, and
 * {@link #readDefinition} reads all of them back, so that an export posted again gives the same
 * workflow. New fields of the model belong here, in both directions.
 */
final class WorkflowJson {

    private final Json json;

    WorkflowJson(Json json) {
        this.json = json;
    }

    // ------------------------------------------------------------------ out

    /** A stored workflow: its id, key, warnings and creation time, and its whole definition. */
    ObjectNode workflow(Workflow w) {
        ObjectNode n = json.object();
        n.put("id", w.id());
        n.put("key", w.key());
        n.put("familyId", w.familyId());
        n.put("version", w.version());
        putDefinition(n, w.definition());
        putStrings(n, "warnings", w.warnings());
        n.put("created", w.created().toString());
        return n;
    }

    /** The short form of the list: what a picker needs, not the states and actions. */
    ObjectNode summary(Workflow w) {
        ObjectNode n = json.object();
        n.put("id", w.id());
        n.put("key", w.key());
        n.put("familyId", w.familyId());
        n.put("version", w.version());
        n.put("title", w.definition().title());
        n.put("description", w.definition().description());
        n.put("initialState", w.definition().initialState());
        n.put("stateCount", w.definition().states().size());
        n.put("actionCount", w.definition().actions().size());
        n.put("warningCount", w.warnings().size());
        n.put("created", w.created().toString());
        return n;
    }

    /** Whole workflows as {@code items}, e.g. the workflows one UML file made. */
    ObjectNode items(List<Workflow> workflows) {
        ObjectNode n = json.object();
        ArrayNode items = n.putArray("items");
        workflows.forEach(w -> items.add(workflow(w)));
        return n;
    }

    ObjectNode page(Page<Workflow> page) {
        ObjectNode n = json.object();
        ArrayNode items = n.putArray("items");
        page.items().forEach(w -> items.add(summary(w)));
        n.put("next", page.next());
        return n;
    }

    /** The Campus JSON format of a definition: what {@code POST /workflows} takes; no id. */
    ObjectNode definition(WorkflowDefinition d) {
        ObjectNode n = json.object();
        putDefinition(n, d);
        return n;
    }

    /** {@link #definition} as indented text: the JSON export, a file a person may read and edit. */
    String definitionText(WorkflowDefinition d) {
        try {
            return json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(definition(d));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree could not be written", e);
        }
    }

    ObjectNode templates(Map<String, WorkflowDefinition> templates) {
        ObjectNode n = json.object();
        ArrayNode items = n.putArray("items");
        templates.forEach((key, d) -> {
            ObjectNode t = items.addObject();
            t.put("key", key);
            putDefinition(t, d);
        });
        return n;
    }

    private void putDefinition(ObjectNode n, WorkflowDefinition d) {
        n.put("title", d.title());
        n.put("description", d.description());
        n.put("initialState", d.initialState());
        n.put("stateVariable", d.stateVariable());
        ArrayNode states = n.putArray("states");
        d.states().forEach(s -> {
            if (s == null) {
                states.addNull();
            } else {
                states.add(state(s));
            }
        });
        ArrayNode actions = n.putArray("actions");
        d.actions().forEach(a -> {
            if (a == null) {
                actions.addNull();
            } else {
                actions.add(action(a));
            }
        });
        // sorted: the same definition always gives the same text, whatever map it came in
        putMapOfLists(n, "permissionImplications", new TreeMap<>(withoutNullKey(d.permissionImplications())));
        ArrayNode mappings = n.putArray("permissionMappings");
        d.permissionMappings().forEach(m -> {
            if (m == null) {
                mappings.addNull();
            } else {
                mappings.addObject().put("externalName", m.externalName()).put("permission", m.permission());
            }
        });
        ArrayNode variables = n.putArray("variables");
        d.variables().forEach(v -> {
            if (v == null) {
                variables.addNull();
            } else {
                variables.add(variable(v));
            }
        });
        ArrayNode worklists = n.putArray("worklists");
        d.worklists().forEach(w -> {
            if (w == null) {
                worklists.addNull();
            } else {
                worklists.add(worklist(w));
            }
        });
    }

    private ObjectNode state(StateDef s) {
        ObjectNode n = json.object();
        n.put("id", s.id());
        n.put("title", s.title());
        n.put("description", s.description());
        putMapOfLists(n, "permissions", s.permissions());
        putStrings(n, "acquiredPermissions", s.acquiredPermissions());
        putStrings(n, "exitActions", s.exitActions());
        return n;
    }

    private ObjectNode action(ActionDef a) {
        ObjectNode n = json.object();
        n.put("id", a.id());
        n.put("title", a.title());
        n.put("description", a.description());
        putStrings(n, "from", a.from());
        n.put("to", a.to());
        putStrings(n, "roles", a.roles());
        n.set("guard", guard(a.guard()));
        n.set("menu", menu(a.menu()));
        ArrayNode notifications = n.putArray("notifications");
        a.notifications().forEach(m -> {
            if (m == null) {
                notifications.addNull();
            } else {
                ObjectNode o = notifications.addObject();
                o.put("author", m.author());
                putStrings(o, "roles", m.roles());
                putStrings(o, "addresses", m.addresses());
                o.put("subject", m.subject());
                o.put("body", m.body());
            }
        });
        return n;
    }

    private ObjectNode guard(GuardDef g) {
        ObjectNode n = json.object();
        putStrings(n, "roles", g.roles());
        putStrings(n, "permissions", g.permissions());
        n.put("authorOnly", g.authorOnly());
        n.put("expression", g.expression());
        return n;
    }

    private JsonNode menu(MenuEntry m) {
        if (m == null) {
            return json.mapper().nullNode();
        }
        return json.object().put("label", m.label()).put("url", m.url()).put("category", m.category())
                .put("icon", m.icon());
    }

    private ObjectNode variable(VariableDef v) {
        ObjectNode n = json.object();
        n.put("id", v.id());
        n.put("description", v.description());
        n.put("forCatalog", v.forCatalog());
        n.put("forStatus", v.forStatus());
        n.put("updateAlways", v.updateAlways());
        n.put("defaultValue", v.defaultValue());
        n.put("defaultValueType", v.defaultValueType());
        n.put("defaultExpression", v.defaultExpression());
        n.set("guard", guard(v.guard()));
        return n;
    }

    private ObjectNode worklist(WorklistDef w) {
        ObjectNode n = json.object();
        n.put("id", w.id());
        n.put("title", w.title());
        n.put("description", w.description());
        n.set("menu", menu(w.menu()));
        putMapOfLists(n, "match", w.match());
        n.set("guard", guard(w.guard()));
        return n;
    }

    ObjectNode record(WorkflowRecord r) {
        ObjectNode n = json.object();
        n.put("id", r.id());
        n.put("workflowId", r.workflowId());
        putLmsId(n, "lmsRecordId", r.lmsRecordId());
        putLmsId(n, "courseId", r.courseId());
        putLmsId(n, "activityId", r.activityId());
        putLmsId(n, "authorId", r.authorId());
        n.put("state", r.state());
        n.put("visibility", r.visibility().code());
        n.put("created", r.created().toString());
        n.put("modified", r.modified().toString());
        n.put("version", r.version());
        return n;
    }

    /** Oldest first; {@code userId} repeats {@code actor} under the name the action request uses. */
    ObjectNode history(List<HistoryEntry> entries) {
        ObjectNode n = json.object();
        ArrayNode items = n.putArray("items");
        for (HistoryEntry h : entries) {
            ObjectNode e = items.addObject();
            e.put("id", h.id());
            e.put("action", h.action());
            putLmsId(e, "actor", h.actor());
            putLmsId(e, "userId", h.actor());
            e.put("from", h.from());
            e.put("to", h.to());
            e.put("time", h.time().toString());
            e.put("comment", h.comment());
        }
        return n;
    }

    ObjectNode access(RecordAccess a) {
        ObjectNode n = json.object();
        n.set("record", record(a.record()));
        n.put("author", a.author());
        n.put("mayView", a.mayView());
        n.put("mayEdit", a.mayEdit());
        putStrings(n, "permissions", a.permissions());
        putStrings(n, "actions", a.actions());
        return n;
    }

    ObjectNode simulation(long workflowId, Collection<String> roles, List<StateAccess> states) {
        ObjectNode n = json.object();
        n.put("workflowId", workflowId);
        putStrings(n, "roles", roles);
        ArrayNode items = n.putArray("items");
        for (StateAccess s : states) {
            ObjectNode e = items.addObject();
            e.put("state", s.state());
            putStrings(e, "permissions", s.permissions());
            putStrings(e, "actions", s.actions());
            putStrings(e, "authorPermissions", s.authorPermissions());
            putStrings(e, "authorActions", s.authorActions());
        }
        return n;
    }

    private static void putStrings(ObjectNode n, String field, Collection<String> values) {
        ArrayNode a = n.putArray(field);
        values.forEach(a::add);
    }

    private static void putMapOfLists(ObjectNode n, String field, Map<String, List<String>> map) {
        ObjectNode o = n.putObject(field);
        map.forEach((key, values) -> {
            if (values == null) {
                o.putNull(key);
            } else {
                putStrings(o, key, values);
            }
        });
    }

    private static Map<String, List<String>> withoutNullKey(Map<String, List<String>> map) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> {
            if (k != null) {
                copy.put(k, v);
            }
        });
        return copy;
    }

    /** A numeric id goes back as a JSON number, any other as a string: as the LMS sent it. */
    static void putLmsId(ObjectNode n, String field, LmsId id) {
        if (id == null) {
            n.putNull(field);
        } else if (id.numeric() && INTEGER.matcher(id.value()).matches()) {
            n.put(field, new BigInteger(id.value()));
        } else {
            n.put(field, id.value());
        }
    }

    // ------------------------------------------------------------------ in

    private static final Pattern INTEGER = Pattern.compile("-?\\d{1,100}");

    /**
     * A definition in the Campus JSON format. Reports every field of the wrong type at once; what
     * the fields say is for the service's validator to judge.
     *
     * @throws InvalidInputException naming the fields of the wrong type
     */
    WorkflowDefinition readDefinition(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new InvalidInputException("body", "must be a JSON object");
        }
        DefinitionReader r = new DefinitionReader();
        WorkflowDefinition d = r.definition(body);
        if (!r.errors.isEmpty()) {
            throw new InvalidInputException(r.errors);
        }
        return d;
    }

    /**
     * {@code POST /workflow-records}: every missing or mistyped field is named; blank and long ids
     * are the service's. Without {@code workflowId} the record follows the workflow bound to its
     * activity, course or Campus.
     */
    NewRecord readNewRecord(JsonInput in) {
        Long workflowId = in.optionalLong("workflowId");
        if (workflowId != null && workflowId < 1) {
            in.error("workflowId", "must be a positive whole number");
        }
        LmsId lmsRecordId = requiredLmsId(in, "lmsRecordId");
        LmsId courseId = requiredLmsId(in, "courseId");
        LmsId activityId = requiredLmsId(in, "activityId");
        LmsId authorId = requiredLmsId(in, "authorId");
        in.check();
        return new NewRecord(workflowId, lmsRecordId, courseId, activityId, authorId);
    }

    /** {@code POST /workflow-records/{id}/actions}. */
    ActionRequest readActionRequest(JsonInput in) {
        String action = in.requiredString("action", 255);
        LmsId userId = requiredLmsId(in, "userId");
        List<String> roles = new ArrayList<>();
        JsonNode r = in.node().get("roles");
        if (r != null && !r.isNull()) {
            if (!r.isArray()) {
                in.error("roles", "must be a list of role names");
            } else {
                for (int i = 0; i < r.size(); i++) {
                    JsonNode role = r.get(i);
                    if (!role.isTextual()) {
                        in.error("roles[" + i + "]", "must be a string");
                    } else if (role.textValue().length() > LmsId.MAX_LENGTH) {
                        in.error("roles[" + i + "]", "is longer than " + LmsId.MAX_LENGTH + " characters");
                    } else {
                        roles.add(role.textValue());
                    }
                }
            }
        }
        String comment = in.optionalString("comment", ActionRequest.MAX_COMMENT_LENGTH);
        String authorAddress = in.optionalString("authorAddress", MAX_ADDRESS_LENGTH);
        Map<String, List<String>> roleAddresses = new LinkedHashMap<>();
        JsonNode ra = in.node().get("roleAddresses");
        if (ra != null && !ra.isNull()) {
            if (!ra.isObject()) {
                in.error("roleAddresses", "must be an object of role names to lists of addresses");
            } else {
                ra.fields().forEachRemaining(e -> {
                    String path = DefinitionReader.key("roleAddresses", e.getKey());
                    List<String> addresses = new ArrayList<>();
                    if (!e.getValue().isArray()) {
                        in.error(path, "must be a list of addresses");
                    } else {
                        for (int i = 0; i < e.getValue().size(); i++) {
                            JsonNode a = e.getValue().get(i);
                            if (!a.isTextual() || a.textValue().length() > MAX_ADDRESS_LENGTH) {
                                in.error(path + "[" + i + "]", "must be a string of at most " + MAX_ADDRESS_LENGTH
                                        + " characters");
                            } else {
                                addresses.add(a.textValue());
                            }
                        }
                    }
                    roleAddresses.put(e.getKey(), addresses);
                });
            }
        }
        in.check();
        return new ActionRequest(action, userId, roles, comment, authorAddress, roleAddresses);
    }

    /** Longer than any mail address can be (RFC 5321: 254); the service checks the rest. */
    static final int MAX_ADDRESS_LENGTH = 320;

    /** A string, or a whole number (then it is given back as a number). */
    static LmsId requiredLmsId(JsonInput in, String field) {
        JsonNode v = in.node().get(field);
        if (v == null || v.isNull()) {
            in.error(field, "is required");
            return null;
        }
        if (v.isTextual()) {
            return LmsId.of(v.textValue());
        }
        if (v.isIntegralNumber()) {
            return new LmsId(v.bigIntegerValue().toString(), true);
        }
        in.error(field, "must be a string or a whole number");
        return null;
    }

    /** Reads the definition's fields, collecting type errors with their paths. */
    private static final class DefinitionReader {

        private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

        final List<FieldError> errors = new ArrayList<>();

        WorkflowDefinition definition(JsonNode n) {
            String title = string(n, "", "title");
            String description = string(n, "", "description");
            String initialState = string(n, "", "initialState");
            String stateVariable = string(n, "", "stateVariable");
            List<StateDef> states = objects(n, "", "states", this::state);
            List<ActionDef> actions = objects(n, "", "actions", this::action);
            Map<String, List<String>> implications = mapOfLists(n, "", "permissionImplications");
            List<PermissionMapping> mappings = objects(n, "", "permissionMappings", (m, path) ->
                    new PermissionMapping(string(m, path, "externalName"), string(m, path, "permission")));
            List<VariableDef> variables = objects(n, "", "variables", this::variable);
            List<WorklistDef> worklists = objects(n, "", "worklists", this::worklist);
            return new WorkflowDefinition(null, title, description, initialState, states, actions, implications,
                    mappings, variables, worklists, stateVariable);
        }

        private StateDef state(JsonNode n, String path) {
            Map<String, List<String>> permissions = mapOfLists(n, path, "permissions");
            return new StateDef(string(n, path, "id"), string(n, path, "title"), string(n, path, "description"),
                    permissions, strings(n, path, "acquiredPermissions"), strings(n, path, "exitActions"));
        }

        private ActionDef action(JsonNode n, String path) {
            String id = string(n, path, "id");
            String title = string(n, path, "title");
            String description = string(n, path, "description");
            List<String> from = strings(n, path, "from");
            return new ActionDef(id, title, description, from, string(n, path, "to"), strings(n, path, "roles"),
                    guard(n, path), menu(n, path), objects(n, path, "notifications", this::notification));
        }

        private Notification notification(JsonNode n, String path) {
            return new Notification(bool(n, path, "author"), strings(n, path, "roles"), strings(n, path, "addresses"),
                    string(n, path, "subject"), string(n, path, "body"));
        }

        private GuardDef guard(JsonNode parent, String parentPath) {
            JsonNode n = object(parent, parentPath, "guard");
            if (n == null) {
                return GuardDef.none();
            }
            String path = field(parentPath, "guard");
            return new GuardDef(strings(n, path, "roles"), strings(n, path, "permissions"),
                    string(n, path, "expression"), bool(n, path, "authorOnly"));
        }

        private MenuEntry menu(JsonNode parent, String parentPath) {
            JsonNode n = object(parent, parentPath, "menu");
            if (n == null) {
                return null;
            }
            String path = field(parentPath, "menu");
            return new MenuEntry(string(n, path, "label"), string(n, path, "url"), string(n, path, "category"),
                    string(n, path, "icon"));
        }

        private VariableDef variable(JsonNode n, String path) {
            return new VariableDef(string(n, path, "id"), string(n, path, "description"),
                    bool(n, path, "forCatalog"), bool(n, path, "forStatus"), bool(n, path, "updateAlways"),
                    string(n, path, "defaultValue"), string(n, path, "defaultValueType"),
                    string(n, path, "defaultExpression"), guard(n, path));
        }

        private WorklistDef worklist(JsonNode n, String path) {
            Map<String, List<String>> match = mapOfLists(n, path, "match");
            return new WorklistDef(string(n, path, "id"), string(n, path, "title"), string(n, path, "description"),
                    menu(n, path), match, guard(n, path));
        }

        // -------------------------------------------------------------- typed fields

        private String string(JsonNode parent, String path, String name) {
            JsonNode v = parent.get(name);
            if (v == null || v.isNull()) {
                return null;
            }
            if (!v.isTextual()) {
                error(field(path, name), "must be a string");
                return null;
            }
            return v.textValue();
        }

        private boolean bool(JsonNode parent, String path, String name) {
            JsonNode v = parent.get(name);
            if (v == null || v.isNull()) {
                return false;
            }
            if (!v.isBoolean()) {
                error(field(path, name), "must be true or false");
                return false;
            }
            return v.booleanValue();
        }

        private JsonNode object(JsonNode parent, String path, String name) {
            JsonNode v = parent.get(name);
            if (v == null || v.isNull()) {
                return null;
            }
            if (!v.isObject()) {
                error(field(path, name), "must be an object");
                return null;
            }
            return v;
        }

        /** Absent or null: empty. Elements may be null (the validator names them); other types are errors. */
        private List<String> strings(JsonNode parent, String path, String name) {
            JsonNode v = parent.get(name);
            if (v == null || v.isNull()) {
                return List.of();
            }
            return stringList(v, field(path, name));
        }

        private List<String> stringList(JsonNode v, String path) {
            if (!v.isArray()) {
                error(path, "must be a list of strings");
                return List.of();
            }
            List<String> list = new ArrayList<>();
            for (int i = 0; i < v.size(); i++) {
                JsonNode e = v.get(i);
                if (e.isNull()) {
                    list.add(null);
                } else if (e.isTextual()) {
                    list.add(e.textValue());
                } else {
                    error(index(path, i), "must be a string");
                }
            }
            return list;
        }

        /** Absent or null: {@code null}. */
        private Map<String, List<String>> mapOfLists(JsonNode parent, String path, String name) {
            JsonNode v = object(parent, path, name);
            if (v == null) {
                return null;
            }
            String mapPath = field(path, name);
            Map<String, List<String>> map = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                map.put(e.getKey(), e.getValue().isNull() ? null : stringList(e.getValue(), key(mapPath, e.getKey())));
            }
            return map;
        }

        /** Absent or null: empty. A null element stays null (the validator names it). */
        private <T> List<T> objects(JsonNode parent, String path, String name, BiFunction<JsonNode, String, T> read) {
            JsonNode v = parent.get(name);
            if (v == null || v.isNull()) {
                return List.of();
            }
            String listPath = field(path, name);
            if (!v.isArray()) {
                error(listPath, "must be a list of objects");
                return List.of();
            }
            List<T> list = new ArrayList<>();
            for (int i = 0; i < v.size(); i++) {
                JsonNode e = v.get(i);
                if (e.isNull()) {
                    list.add(null);
                } else if (!e.isObject()) {
                    error(index(listPath, i), "must be an object");
                    list.add(null);
                } else {
                    list.add(read.apply(e, index(listPath, i)));
                }
            }
            return list;
        }

        private void error(String path, String message) {
            errors.add(new FieldError(path, message));
        }

        private static String field(String path, String name) {
            return path.isEmpty() ? name : path + "." + name;
        }

        private static String index(String path, int i) {
            return path + "[" + i + "]";
        }

        /** As the validator writes map keys: dotted when plain, else quoted in brackets. */
        static String key(String path, String key) {
            if (PLAIN_KEY.matcher(key).matches()) {
                return path + "." + key;
            }
            return path + "['" + key.replace("\\", "\\\\").replace("'", "\\'") + "']";
        }
    }
}
