package org.campus.rest.internal.workflow;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.campus.api.workflow.BindingChange;
import org.campus.api.workflow.LmsId;
import org.campus.api.workflow.MigrationPlan;
import org.campus.api.workflow.MigrationResult;
import org.campus.api.workflow.Workflow;
import org.campus.api.workflow.WorkflowBinding;
import org.campus.api.workflow.WorkflowRecord;
import org.campus.api.workflow.Worklist;
import org.campus.api.workflow.WorklistItem;
import org.campus.rest.internal.http.Json;
import org.campus.rest.internal.http.JsonInput;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * JSON for versions, migrations, bindings and worklists. Workflows, records and definitions are
 * {@link WorkflowJson}'s, the one mapping of the workflow model.
 */
final class VersionsJson {

    private final Json json;
    private final WorkflowJson mapping;

    VersionsJson(Json json) {
        this.json = json;
        this.mapping = new WorkflowJson(json);
    }

    // ---- out

    ObjectNode workflow(Workflow w) {
        return mapping.workflow(w);
    }

    ObjectNode record(WorkflowRecord r) {
        return mapping.record(r);
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
        WorkflowJson.putLmsId(n, field, id);
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

}
