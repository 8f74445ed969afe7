package org.campus.rest.internal.workflow;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

import org.campus.api.FieldError;
import org.campus.api.InvalidInputException;
import org.campus.api.workflow.ActionDef;
import org.campus.api.workflow.ActionRequest;
import org.campus.api.workflow.GuardDef;
import org.campus.api.workflow.LmsId;
import org.campus.api.workflow.MenuEntry;
import org.campus.api.workflow.NewRecord;
import org.campus.api.workflow.Notification;
import org.campus.api.workflow.PermissionMapping;
import org.campus.api.workflow.StateDef;
import org.campus.api.workflow.VariableDef;
import org.campus.api.workflow.WorkflowDefinition;
import org.campus.api.workflow.WorklistDef;
import org.campus.rest.internal.http.Json;
import org.campus.rest.internal.http.JsonInput;
import org.campus.rest.internal.json.LmsIdJson;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;

/**
 * Reading workflows and workflow requests from JSON, by hand, so that one 400 names every field at
 * fault (Jackson's data binding stops at the first). Writing is Jackson's, through the API types
 * and {@link org.campus.rest.internal.json.CampusJsonModule}. The definition's JSON is the Campus
 * JSON format: the model's record components are written as they are, and {@link #readDefinition}
 * reads all of them back, so that an export posted again gives the same workflow. A field added to
 * the model must be read here too.
 */
final class WorkflowJson {

    /** A definition's title when it has none. */
    static final String UNTITLED = "Untitled workflow";

    private final ObjectWriter prettyWriter;

    WorkflowJson(Json json) {
        this.prettyWriter = json.mapper().writerWithDefaultPrettyPrinter();
    }

    /**
     * The Campus JSON format of a definition, indented: the JSON export, a file a person may read and
     * edit; {@code POST /workflows} takes it back unchanged.
     */
    String definitionText(WorkflowDefinition d) {
        try {
            return prettyWriter.writeValueAsString(d);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a workflow definition could not be written as JSON", e);
        }
    }

    // ------------------------------------------------------------------ in

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
            } else if (r.size() > MAX_ROLES) {
                in.error("roles", "must name at most " + MAX_ROLES + " roles");
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
            } else if (ra.size() > MAX_ROLES) {
                in.error("roleAddresses", "must name at most " + MAX_ROLES + " roles");
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

    /** The roles an action request may name, as the roles query parameter. */
    static final int MAX_ROLES = RoleQuery.MAX_ROLES;

    /** Longer than any mail address can be (RFC 5321: 254); the service checks the rest. */
    static final int MAX_ADDRESS_LENGTH = 320;

    /** An {@link LmsIdJson LMS id}: a string, or a whole number (then it is given back as a number). */
    static LmsId requiredLmsId(JsonInput in, String field) {
        return LmsIdJson.field(in, field, true);
    }

    /** Reads the definition's fields, collecting type errors with their paths. */
    private static final class DefinitionReader {

        private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

        final List<FieldError> errors = new ArrayList<>();

        WorkflowDefinition definition(JsonNode n) {
            String title = n.has("title") && !n.get("title").isNull() ? string(n, "", "title") : UNTITLED;
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
            String id = string(n, path, "id");
            return new StateDef(id, titleOr(n, path, id), string(n, path, "description"),
                    permissions, strings(n, path, "acquiredPermissions"), strings(n, path, "exitActions"),
                    texts(n, path, "titles"), texts(n, path, "descriptions"));
        }

        private ActionDef action(JsonNode n, String path) {
            String id = string(n, path, "id");
            String title = titleOr(n, path, id);
            String description = string(n, path, "description");
            List<String> from = strings(n, path, "from");
            return new ActionDef(id, title, description, from, string(n, path, "to"), strings(n, path, "roles"),
                    guard(n, path), menu(n, path), objects(n, path, "notifications", this::notification),
                    texts(n, path, "titles"), texts(n, path, "descriptions"));
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

        /** A state's or action's title; its id when it has none. */
        private String titleOr(JsonNode n, String path, String id) {
            String title = string(n, path, "title");
            JsonNode v = n.get("title");
            return v == null || v.isNull() ? id : title;
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

        /**
         * Texts by language tag. Absent or null: empty. A null text stays null (the validator names
         * it, as it judges the tags); other types are errors.
         */
        private Map<String, String> texts(JsonNode parent, String path, String name) {
            JsonNode v = object(parent, path, name);
            if (v == null) {
                return Map.of();
            }
            String mapPath = field(path, name);
            Map<String, String> map = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getValue().isNull()) {
                    map.put(e.getKey(), null);
                } else if (e.getValue().isTextual()) {
                    map.put(e.getKey(), e.getValue().textValue());
                } else {
                    error(key(mapPath, e.getKey()), "must be a string");
                }
            }
            return map;
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
