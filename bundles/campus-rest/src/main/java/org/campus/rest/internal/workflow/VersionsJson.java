package org.campus.rest.internal.workflow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.campus.api.workflow.ActionDef;
import org.campus.api.workflow.BindingChange;
import org.campus.api.workflow.GuardDef;
import org.campus.api.workflow.LmsId;
import org.campus.api.workflow.MigrationPlan;
import org.campus.api.workflow.MigrationResult;
import org.campus.api.workflow.StateDef;
import org.campus.api.workflow.Workflow;
import org.campus.api.workflow.WorkflowBinding;
import org.campus.api.workflow.WorkflowDefinition;
import org.campus.api.workflow.WorkflowRecord;
import org.campus.api.workflow.Worklist;
import org.campus.api.workflow.WorklistItem;
import org.campus.rest.internal.http.Json;
import org.campus.rest.internal.http.JsonInput;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * JSON for versions, migrations, bindings and worklists. A small local mapping: the general
 * workflow and record JSON (and the definition parser) belong to the workflow resources, and the
 * two are to be unified (TODO lead: use WorkflowJson's workflow, record and definition mapping).
 */
final class VersionsJson {

    private final Json json;

    VersionsJson(Json json) {
        this.json = json;
    }

    // ---- out

    ObjectNode workflow(Workflow w) {
        ObjectNode n = json.object();
        n.put("id", w.id());
        n.put("key", w.key());
        n.put("familyId", w.familyId());
        n.put("version", w.version());
        WorkflowDefinition d = w.definition();
        n.put("title", d.title());
        n.put("description", d.description());
        n.put("initialState", d.initialState());
        ArrayNode states = n.putArray("states");
        for (StateDef s : d.states()) {
            ObjectNode sn = states.addObject();
            sn.put("id", s.id());
            sn.put("title", s.title());
            ObjectNode permissions = sn.putObject("permissions");
            s.permissions().forEach((role, list) -> strings(permissions.putArray(role), list));
        }
        ArrayNode actions = n.putArray("actions");
        for (ActionDef a : d.actions()) {
            ObjectNode an = actions.addObject();
            an.put("id", a.id());
            an.put("title", a.title());
            strings(an.putArray("from"), a.from());
            an.put("to", a.to());
            strings(an.putArray("roles"), a.roles());
        }
        strings(n.putArray("warnings"), w.warnings());
        n.put("created", w.created().toString());
        return n;
    }

    ObjectNode record(WorkflowRecord r) {
        ObjectNode n = json.object();
        n.put("id", r.id());
        n.put("workflowId", r.workflowId());
        id(n, "lmsRecordId", r.lmsRecordId());
        id(n, "courseId", r.courseId());
        id(n, "activityId", r.activityId());
        id(n, "authorId", r.authorId());
        n.put("state", r.state());
        n.put("visibility", r.visibility().code());
        n.put("created", r.created().toString());
        n.put("modified", r.modified().toString());
        n.put("version", r.version());
        return n;
    }

    ObjectNode migration(MigrationResult m) {
        ObjectNode n = json.object();
        n.put("fromWorkflowId", m.fromWorkflowId());
        n.put("toWorkflowId", m.toWorkflowId());
        n.put("moved", m.moved());
        ObjectNode byState = n.putObject("movedByState");
        m.movedByState().forEach(byState::put);
        return n;
    }

    ObjectNode binding(WorkflowBinding b) {
        ObjectNode n = json.object();
        n.put("id", b.id());
        n.put("scope", b.scope().code());
        id(n, "courseId", b.courseId());
        id(n, "activityId", b.activityId());
        n.put("workflowId", b.workflowId());
        n.put("modified", b.modified().toString());
        return n;
    }

    ObjectNode bindingChange(BindingChange c) {
        ObjectNode n = binding(c.binding());
        if (c.previousWorkflowId() == null) {
            n.putNull("previousWorkflowId");
        } else {
            n.put("previousWorkflowId", c.previousWorkflowId());
        }
        n.put("affected", c.affected());
        MigrationPlan plan = c.plan();
        if (plan == null) {
            n.putNull("plan");
        } else {
            ObjectNode p = n.putObject("plan");
            ObjectNode map = p.putObject("stateMap");
            new java.util.TreeMap<>(plan.stateMap()).forEach(map::put);
            p.put("option", plan.option() == null ? null : plan.option().code());
        }
        return n;
    }

    ObjectNode worklist(Worklist w) {
        ObjectNode n = json.object();
        ArrayNode items = n.putArray("items");
        for (WorklistItem i : w.items()) {
            WorkflowRecord r = i.record();
            ObjectNode item = items.addObject();
            item.put("id", r.id());
            id(item, "lmsRecordId", r.lmsRecordId());
            id(item, "courseId", r.courseId());
            id(item, "activityId", r.activityId());
            id(item, "authorId", r.authorId());
            item.put("state", r.state());
            item.put("workflowId", r.workflowId());
            strings(item.putArray("actions"), i.actions());
        }
        ObjectNode counts = n.putObject("counts");
        counts.put("total", w.total());
        ObjectNode byState = counts.putObject("byState");
        w.byState().forEach(byState::put);
        ObjectNode byActivity = counts.putObject("byActivity");
        w.byActivity().forEach(byActivity::put);
        n.put("next", w.next());
        return n;
    }

    ObjectNode items(List<ObjectNode> list) {
        ObjectNode n = json.object();
        n.putArray("items").addAll(list);
        n.putNull("next");
        return n;
    }

    private static void id(ObjectNode n, String field, LmsId id) {
        if (id == null) {
            n.putNull(field);
        } else if (id.numeric()) {
            n.put(field, Long.parseLong(id.value()));
        } else {
            n.put(field, id.value());
        }
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }

    // ---- in

    /** An LMS id given as a JSON number or string; {@code null} when absent. */
    static LmsId lmsId(JsonInput in, String field) {
        JsonNode v = in.node().get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isIntegralNumber() && v.canConvertToLong()) {
            return LmsId.of(v.longValue());
        }
        if (v.isTextual() && !v.textValue().isBlank() && v.textValue().length() <= LmsId.MAX_LENGTH) {
            return LmsId.of(v.textValue());
        }
        in.error(field, "must be a whole number or a string of 1 to " + LmsId.MAX_LENGTH + " characters");
        return null;
    }

    /** An object of state ids to state ids; empty when absent. */
    static Map<String, String> stateMap(JsonInput in, String field, String errorPrefix) {
        JsonNode v = in.node().get(field);
        Map<String, String> map = new LinkedHashMap<>();
        if (v == null || v.isNull()) {
            return map;
        }
        if (!v.isObject()) {
            in.error(errorPrefix, "must be an object of state ids to state ids");
            return map;
        }
        v.fields().forEachRemaining(e -> {
            if (e.getKey().isBlank() || e.getKey().length() > 100) {
                in.error(errorPrefix, "holds a state id that is blank or longer than 100 characters");
            } else if (!e.getValue().isTextual() || e.getValue().textValue().isBlank()
                    || e.getValue().textValue().length() > 100) {
                in.error(errorPrefix + "." + e.getKey(), "must name a state (1 to 100 characters)");
            } else {
                map.put(e.getKey(), e.getValue().textValue());
            }
        });
        return map;
    }

    /**
     * A definition in the shape {@code POST /workflows} takes: {@code title}, {@code description},
     * {@code initialState}, {@code states} (each {@code id}, {@code title}, {@code description},
     * {@code permissions}: role to permissions), {@code actions} (each {@code id}, {@code title},
     * {@code description}, {@code from}, {@code to}, {@code roles}, optional {@code guard} with
     * {@code roles}, {@code permissions}, {@code authorOnly}) and optional
     * {@code permissionImplications}. Structure only: the service validates the meaning.
     * TODO lead: replace with the workflow resources' parser when merged.
     */
    static WorkflowDefinition definition(JsonInput in) {
        ObjectNode node = in.node();
        String title = text(in, node, "title", "title", 255);
        String description = text(in, node, "description", "description", 4000);
        String initial = text(in, node, "initialState", "initialState", 100);
        List<StateDef> states = new ArrayList<>();
        JsonNode sn = node.get("states");
        if (sn != null && !sn.isNull() && !sn.isArray()) {
            in.error("states", "must be an array");
        } else if (sn != null) {
            for (int i = 0; i < sn.size(); i++) {
                String at = "states[" + i + "]";
                JsonNode s = sn.get(i);
                if (!s.isObject()) {
                    in.error(at, "must be an object");
                    continue;
                }
                states.add(StateDef.of(text(in, s, "id", at + ".id", 100), text(in, s, "title", at + ".title", 255),
                        text(in, s, "description", at + ".description", 4000),
                        listMap(in, s.get("permissions"), at + ".permissions")));
            }
        }
        List<ActionDef> actions = new ArrayList<>();
        JsonNode an = node.get("actions");
        if (an != null && !an.isNull() && !an.isArray()) {
            in.error("actions", "must be an array");
        } else if (an != null) {
            for (int i = 0; i < an.size(); i++) {
                String at = "actions[" + i + "]";
                JsonNode a = an.get(i);
                if (!a.isObject()) {
                    in.error(at, "must be an object");
                    continue;
                }
                GuardDef guard = GuardDef.none();
                JsonNode g = a.get("guard");
                if (g != null && !g.isNull()) {
                    if (!g.isObject()) {
                        in.error(at + ".guard", "must be an object");
                    } else {
                        JsonNode authorOnly = g.get("authorOnly");
                        if (authorOnly != null && !authorOnly.isNull() && !authorOnly.isBoolean()) {
                            in.error(at + ".guard.authorOnly", "must be true or false");
                        }
                        guard = new GuardDef(strings(in, g.get("roles"), at + ".guard.roles"),
                                strings(in, g.get("permissions"), at + ".guard.permissions"), null,
                                authorOnly != null && authorOnly.asBoolean(false));
                    }
                }
                actions.add(new ActionDef(text(in, a, "id", at + ".id", 100), text(in, a, "title", at + ".title", 255),
                        text(in, a, "description", at + ".description", 4000),
                        strings(in, a.get("from"), at + ".from"), text(in, a, "to", at + ".to", 100),
                        strings(in, a.get("roles"), at + ".roles"), guard, null));
            }
        }
        JsonNode implications = node.get("permissionImplications");
        Map<String, List<String>> implied = implications == null || implications.isNull() ? null
                : listMap(in, implications, "permissionImplications");
        in.check();
        return new WorkflowDefinition(null, title, description, initial, states, actions, implied, List.of(),
                List.of(), List.of(), null);
    }

    private static String text(JsonInput in, JsonNode node, String name, String field, int max) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual() || v.textValue().length() > max) {
            in.error(field, "must be a string of at most " + max + " characters");
            return null;
        }
        return v.textValue();
    }

    private static List<String> strings(JsonInput in, JsonNode v, String field) {
        List<String> out = new ArrayList<>();
        if (v == null || v.isNull()) {
            return out;
        }
        if (!v.isArray()) {
            in.error(field, "must be an array of strings");
            return out;
        }
        for (int i = 0; i < v.size(); i++) {
            if (!v.get(i).isTextual() || v.get(i).textValue().length() > 255) {
                in.error(field + "[" + i + "]", "must be a string of at most 255 characters");
            } else {
                out.add(v.get(i).textValue());
            }
        }
        return out;
    }

    private static Map<String, List<String>> listMap(JsonInput in, JsonNode v, String field) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (v == null || v.isNull()) {
            return out;
        }
        if (!v.isObject()) {
            in.error(field, "must be an object of names to arrays of strings");
            return out;
        }
        v.fields().forEachRemaining(e -> out.put(e.getKey(), strings(in, e.getValue(), field + "." + e.getKey())));
        return out;
    }
}
