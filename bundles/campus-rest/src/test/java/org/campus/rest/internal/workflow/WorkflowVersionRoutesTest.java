package org.campus.rest.internal.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.campus.api.InvalidInputException;
import org.campus.api.ConflictException;
import org.campus.api.FieldError;
import org.campus.api.PageRequest;
import org.campus.api.job.Job;
import org.campus.api.job.JobState;
import org.campus.api.workflow.WorkflowService;
import org.campus.api.workflow.BindingChange;
import org.campus.api.workflow.BindingScope;
import org.campus.api.workflow.LmsId;
import org.campus.api.workflow.MigrationPlan;
import org.campus.api.workflow.MigrationJob;
import org.campus.api.workflow.NewBinding;
import org.campus.api.workflow.PlanOption;
import org.campus.api.workflow.RecordMigration;
import org.campus.api.workflow.StateDef;
import org.campus.api.workflow.Workflow;
import org.campus.api.workflow.WorkflowBinding;
import org.campus.api.workflow.WorkflowDefinition;
import org.campus.api.workflow.WorkflowRecord;
import org.campus.api.workflow.Worklist;
import org.campus.api.workflow.WorklistItem;
import org.campus.api.workflow.WorklistQuery;
import org.campus.rest.internal.http.FakeHttp;
import org.campus.rest.internal.http.TestServlets;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The routes of versions, migrations, bindings and worklists: what they pass to the service and give back. */
class WorkflowVersionRoutesTest {

    private final TestServlets t = new TestServlets(1_048_576);
    private final ObjectMapper mapper = new ObjectMapper();

    private static final String DEFINITION = "{\"title\":\"T\",\"initialState\":\"a\",\"states\":[{\"id\":\"a\","
            + "\"permissions\":{\"teacher\":[\"view\"]}},{\"id\":\"b\"}],\"actions\":[{\"id\":\"go\",\"from\":[\"a\"],"
            + "\"to\":\"b\",\"roles\":[\"teacher\"],\"guard\":{\"authorOnly\":true}}]}";

    private JsonNode json(FakeHttp.Response r) throws Exception {
        return mapper.readTree(r.body());
    }

    private static Workflow workflow(long id, long family, int version, WorkflowDefinition d) {
        return new Workflow(id, "k", family, version, d.withId(Long.toString(id)), List.of(), Instant.EPOCH);
    }

    /** A migration's job as just queued. */
    private static MigrationJob migration(long jobId, long from, long to, MigrationPlan plan, long records) {
        Job job = new Job(jobId, WorkflowService.JOB_TYPE_MIGRATION, "moodle (key k1)", JobState.QUEUED, 0, 0, 0, null,
                null, 1, 0, null, false, null, Map.of("fromWorkflowId", Long.toString(from), "toWorkflowId",
                        Long.toString(to), "action", "migrate"), Instant.EPOCH, Instant.EPOCH, null, null, null, null);
        return new MigrationJob(job, from, to, plan, records, Map.of("pending", records), List.of());
    }

    @Test
    void putStoresTheNextVersion() throws Exception {
        t.answers.put("revise", args -> workflow(100, 50, 2, (WorkflowDefinition) args[1]));
        FakeHttp.Response r = t.call(new FakeHttp.Request("PUT", "/workflows/50").bearer("lms-all").json(DEFINITION));
        assertEquals(201, r.status, r.toString());
        assertEquals("/campus/api/v1/workflows/100", r.headers.get("Location"));
        JsonNode n = json(r);
        assertEquals(50, n.get("familyId").asLong());
        assertEquals(2, n.get("version").asInt());
        assertEquals("b", n.get("actions").get(0).get("to").asText());
        WorkflowDefinition passed = (WorkflowDefinition) t.lastArgs.get("revise")[1];
        assertEquals(50L, t.lastArgs.get("revise")[0]);
        assertTrue(passed.actions().get(0).guard().authorOnly());
        assertEquals(List.of("view"), passed.findState("a").orElseThrow().permissions().get("teacher"));
        assertEquals(1, t.audit.entries.size());

        FakeHttp.Response bad = t.call(new FakeHttp.Request("PUT", "/workflows/50").bearer("lms-all")
                .json("{\"title\":5,\"states\":{},\"actions\":[{\"from\":\"a\"}]}"));
        assertEquals(400, bad.status);
        String errors = json(bad).get("errors").toString();
        assertTrue(errors.contains("\"title\"") && errors.contains("\"states\"") && errors.contains("actions[0].from"),
                errors);
    }

    @Test
    void versionsAreListed() throws Exception {
        WorkflowDefinition d = WorkflowDefinition.of("T", null, "a", List.of(StateDef.of("a", "A", null, Map.of())),
                List.of());
        t.answers.put("versions", args -> List.of(workflow(50, 50, 1, d), workflow(100, 50, 2, d)));
        FakeHttp.Response r = t.call(new FakeHttp.Request("GET", "/workflows/100/versions").basic("viewer", "viewer-pw"));
        assertEquals(200, r.status, r.toString());
        assertEquals(2, json(r).get("items").get(1).get("version").asInt());
        assertTrue(json(r).get("next").isNull());
    }

    @Test
    void aMigrationPassesItsMapAndFiltersAndNamesUnmappedStates() throws Exception {
        t.answers.put("migrate", args -> migration(900, (Long) args[0], 100,
                new MigrationPlan(((RecordMigration) args[1]).stateMap(), null), 3));
        FakeHttp.Response r = t.call(new FakeHttp.Request("POST", "/workflows/50/migrations").bearer("lms-all")
                .json("{\"toWorkflowId\":100,\"stateMap\":{\"pending\":\"submitted\"},\"courseId\":2}"));
        assertEquals(202, r.status, r.toString());
        assertEquals("/campus/api/v1/jobs/900", r.headers.get("Location"));
        JsonNode started = json(r);
        assertEquals(3, started.get("records").asLong());
        assertEquals(3, started.get("recordsByState").get("pending").asLong());
        assertEquals("submitted", started.get("plan").get("stateMap").get("pending").asText());
        assertEquals(900, started.get("job").get("id").asLong());
        assertEquals("queued", started.get("job").get("state").asText());
        assertEquals(WorkflowService.JOB_TYPE_MIGRATION, started.get("job").get("type").asText());
        RecordMigration m = (RecordMigration) t.lastArgs.get("migrate")[1];
        assertEquals(Map.of("pending", "submitted"), m.stateMap());
        assertEquals(LmsId.of(2), m.courseId());
        assertNull(m.activityId());
        assertEquals("moodle (key k1)", m.actor());

        t.answers.put("migrate", args -> {
            throw new InvalidInputException(List.of(new FieldError("stateMap.visible", "unmapped"),
                    new FieldError("stateMap.private", "unmapped")));
        });
        FakeHttp.Response refused = t.call(new FakeHttp.Request("POST", "/workflows/50/migrations").bearer("lms-all")
                .json("{\"toWorkflowId\":100,\"stateMap\":{}}"));
        assertEquals(400, refused.status);
        assertTrue(refused.body().contains("stateMap.visible") && refused.body().contains("stateMap.private"));

        FakeHttp.Response wrong = t.call(new FakeHttp.Request("POST", "/workflows/50/migrations").bearer("lms-all")
                .json("{\"stateMap\":{\"a\":5}}"));
        assertEquals(400, wrong.status);
        assertTrue(wrong.body().contains("toWorkflowId") && wrong.body().contains("stateMap.a"), wrong.body());
    }

    @Test
    void oneRecordMovesToAnotherWorkflow() throws Exception {
        t.answers.put("moveRecord", args -> new WorkflowRecord((Long) args[0], (Long) args[1], LmsId.of(17),
                LmsId.of("c"), LmsId.of(3), LmsId.of(5), (String) args[2], Instant.EPOCH, Instant.EPOCH, 2));
        FakeHttp.Response r = t.call(new FakeHttp.Request("POST", "/workflow-records/7/workflow").bearer("lms-all")
                .json("{\"workflowId\":100,\"state\":\"editing\"}"));
        assertEquals(200, r.status, r.toString());
        assertEquals("editing", json(r).get("state").asText());
        assertEquals(17, json(r).get("lmsRecordId").asInt());
        assertEquals("visible", json(r).get("visibility").asText());
        assertEquals(400, t.call(new FakeHttp.Request("POST", "/workflow-records/7/workflow").bearer("lms-all")
                .json("{\"workflowId\":100}")).status);
    }

    @Test
    void aBindingTakesItsPlanAndTellsWhatItDid() throws Exception {
        t.answers.put("bind", args -> {
            NewBinding b = (NewBinding) args[0];
            return new BindingChange(new WorkflowBinding(50, b.scope(), b.courseId(), b.activityId(), b.workflowId(),
                    Instant.EPOCH), 40L, 12, b.plan(), migration(901, 40, b.workflowId(), b.plan(), 12));
        });
        FakeHttp.Response r = t.call(new FakeHttp.Request("PUT", "/workflow-bindings").basic("admin", "admin-pw")
                .json("{\"scope\":\"activity\",\"courseId\":2,\"activityId\":\"a-17\",\"workflowId\":100,"
                        + "\"plan\":{\"option\":\"moveInitial\",\"stateMap\":{\"pending\":\"submitted\"}}}"));
        assertEquals(200, r.status, r.toString());
        JsonNode n = json(r);
        assertEquals("activity", n.get("scope").asText());
        assertEquals(2, n.get("courseId").asInt());
        assertTrue(n.get("courseId").isNumber());
        assertEquals("a-17", n.get("activityId").asText());
        assertEquals(12, n.get("affected").asInt());
        assertEquals("moveInitial", n.get("plan").get("option").asText());
        assertEquals(901, n.get("migration").get("job").get("id").asLong());
        assertEquals(40, n.get("migration").get("fromWorkflowId").asLong());
        assertEquals(12, n.get("migration").get("records").asLong());
        NewBinding passed = (NewBinding) t.lastArgs.get("bind")[0];
        assertEquals(BindingScope.ACTIVITY, passed.scope());
        assertEquals(new MigrationPlan(Map.of("pending", "submitted"), PlanOption.MOVE_INITIAL), passed.plan());
        assertEquals("admin", passed.actor());

        t.answers.put("bind", args -> {
            throw new ConflictException("12 records follow workflow 40");
        });
        FakeHttp.Response conflict = t.call(new FakeHttp.Request("PUT", "/workflow-bindings").bearer("lms-all")
                .json("{\"scope\":\"course\",\"courseId\":2,\"workflowId\":100}"));
        assertEquals(409, conflict.status);
        assertTrue(json(conflict).get("detail").asText().contains("12 records"));

        int calls = t.serviceCalls.size();
        FakeHttp.Response bad = t.call(new FakeHttp.Request("PUT", "/workflow-bindings").bearer("lms-all")
                .json("{\"scope\":\"planet\",\"workflowId\":\"x\",\"plan\":{\"option\":\"burn\"}}"));
        assertEquals(400, bad.status);
        String errors = json(bad).get("errors").toString();
        assertTrue(errors.contains("\"scope\"") && errors.contains("\"workflowId\"") && errors.contains("plan.option"),
                errors);
        assertEquals(calls, t.serviceCalls.size());
    }

    @Test
    void bindingsAndTheEffectiveOneAreRead() throws Exception {
        WorkflowBinding global = new WorkflowBinding(50, BindingScope.GLOBAL, null, null, 7, Instant.EPOCH);
        t.answers.put("bindings", args -> List.of(global));
        t.answers.put("effectiveBinding", args -> java.util.Optional.of(global));
        FakeHttp.Response list = t.call(new FakeHttp.Request("GET", "/workflow-bindings").bearer("lms-all")
                .param("courseId", "2"));
        assertEquals(200, list.status, list.toString());
        assertEquals("global", json(list).get("items").get(0).get("scope").asText());
        assertFalse(json(list).get("items").get(0).has("courseId"), "a global binding has no course");
        assertEquals(LmsId.of(2), t.lastArgs.get("bindings")[0]);
        FakeHttp.Response effective = t.call(new FakeHttp.Request("GET", "/workflow-bindings/effective")
                .bearer("lms-all").param("courseId", "2").param("activityId", "17"));
        assertEquals(7, json(effective).get("workflowId").asInt());
        t.answers.put("effectiveBinding", args -> java.util.Optional.empty());
        assertEquals(404, t.call(new FakeHttp.Request("GET", "/workflow-bindings/effective").bearer("lms-all")).status);
    }

    @Test
    void aWorklistNeedsACourseAndHasItsFixedShape() throws Exception {
        WorkflowRecord rec = new WorkflowRecord(51, 7, LmsId.of(17), LmsId.of(2), LmsId.of(3), LmsId.of("u5"),
                "pending", Instant.EPOCH, Instant.EPOCH, 1);
        t.answers.put("worklist", args -> new Worklist(List.of(new WorklistItem(rec, List.of("publish"))), 9,
                Map.of("pending", 9L), Map.of("3", 9L), "next-cursor"));
        FakeHttp.Response r = t.call(new FakeHttp.Request("GET", "/workflow-worklists").bearer("lms-all")
                .param("courseId", "2").param("roles", "teacher, editingteacher").param("limit", "1"));
        assertEquals(200, r.status, r.toString());
        JsonNode n = json(r);
        JsonNode item = n.get("items").get(0);
        for (String f : List.of("id", "lmsRecordId", "courseId", "activityId", "authorId", "state", "workflowId",
                "actions")) {
            assertTrue(item.has(f), f);
        }
        assertEquals("publish", item.get("actions").get(0).asText());
        assertEquals(9, n.get("counts").get("total").asInt());
        assertEquals(9, n.get("counts").get("byState").get("pending").asInt());
        assertEquals(9, n.get("counts").get("byActivity").get("3").asInt());
        assertEquals("next-cursor", n.get("next").asText());
        WorklistQuery q = (WorklistQuery) t.lastArgs.get("worklist")[0];
        assertEquals(List.of("teacher", "editingteacher"), q.roles());
        assertEquals(LmsId.of(2), q.courseId());
        assertEquals(1, ((PageRequest) t.lastArgs.get("worklist")[1]).limit());

        FakeHttp.Response missing = t.call(new FakeHttp.Request("GET", "/workflow-worklists").bearer("lms-all")
                .param("roles", "teacher"));
        assertEquals(400, missing.status);
        assertEquals("courseId", json(missing).get("errors").get(0).get("field").asText());
    }

    @Test
    void changesNeedTheWorkflowScopeOrTheAdminRole() throws Exception {
        assertEquals(403, t.call(new FakeHttp.Request("PUT", "/workflow-bindings").bearer("lms-shares")
                .json("{\"scope\":\"global\",\"workflowId\":1}")).status);
        assertEquals(403, t.call(new FakeHttp.Request("POST", "/workflows/1/migrations").basic("viewer", "viewer-pw")
                .json("{\"toWorkflowId\":2}")).status);
        assertEquals(403, t.call(new FakeHttp.Request("GET", "/workflow-worklists").bearer("lms-audit")
                .param("courseId", "2")).status);
        assertFalse(t.serviceCalls.contains("bind") || t.serviceCalls.contains("migrate"));
    }
}
