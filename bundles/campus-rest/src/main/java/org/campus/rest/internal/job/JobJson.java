package org.campus.rest.internal.job;

import java.time.Instant;
import java.util.Map;

import org.campus.api.Page;
import org.campus.api.job.Job;
import org.campus.api.job.JobLogEntry;
import org.campus.rest.internal.http.Json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Jobs and their log as JSON (schemas {@code Job}, {@code JobPage}, {@code JobLogPage} of the OpenAPI document). */
public final class JobJson {

    private final Json json;

    public JobJson(Json json) {
        this.json = json;
    }

    public ObjectNode job(Job j) {
        ObjectNode n = json.object();
        n.put("id", j.id());
        n.put("type", j.type());
        n.put("owner", j.owner());
        n.put("state", j.state().code());
        n.put("progress", j.progress());
        n.put("stepsTotal", j.stepsTotal());
        n.put("stepsDone", j.stepsDone());
        n.put("currentStep", j.currentStep());
        time(n, "timeEstimatedEnd", j.estimatedEnd());
        n.put("attempt", j.attempt());
        n.put("failedAttempts", j.failedAttempts());
        n.put("checkpoint", j.checkpoint());
        n.put("cancelRequested", j.cancelRequested());
        n.put("node", j.node());
        ObjectNode parameters = n.putObject("parameters");
        for (Map.Entry<String, String> p : new java.util.TreeMap<>(j.parameters()).entrySet()) {
            parameters.put(p.getKey(), p.getValue());
        }
        time(n, "timeCreated", j.created());
        time(n, "timeDue", j.due());
        time(n, "timeStarted", j.started());
        time(n, "timeEnded", j.ended());
        time(n, "timeLastHeartbeat", j.lastHeartbeat());
        n.put("message", j.reason());
        return n;
    }

    public ObjectNode page(Page<Job> page) {
        ObjectNode n = json.object();
        ArrayNode items = n.putArray("items");
        page.items().forEach(j -> items.add(job(j)));
        n.put("next", page.next());
        return n;
    }

    public ObjectNode logPage(Page<JobLogEntry> page) {
        ObjectNode n = json.object();
        ArrayNode items = n.putArray("items");
        for (JobLogEntry e : page.items()) {
            ObjectNode i = items.addObject();
            i.put("id", e.id());
            i.put("time", e.time().toString());
            i.put("level", e.level().code());
            i.put("attempt", e.attempt());
            i.put("message", e.message());
        }
        n.put("next", page.next());
        return n;
    }

    private static void time(ObjectNode n, String field, Instant time) {
        n.put(field, time == null ? null : time.toString());
    }
}
