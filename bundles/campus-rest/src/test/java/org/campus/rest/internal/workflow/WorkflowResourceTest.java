package org.campus.rest.internal.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.campus.api.workflow.ActionDef;
import org.campus.api.workflow.GuardDef;
import org.campus.api.workflow.LmsId;
import org.campus.api.workflow.MenuEntry;
import org.campus.api.workflow.Notification;
import org.campus.api.workflow.PermissionMapping;
import org.campus.api.workflow.StateDef;
import org.campus.api.workflow.VariableDef;
import org.campus.api.workflow.WorkflowDefinition;
import org.campus.api.workflow.WorklistDef;
import org.campus.rest.internal.http.FakeHttp;
import org.campus.rest.internal.http.Json;
import org.campus.rest.internal.http.TestServlets;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The workflow routes over an in-memory service: the JSON mapping, the status codes, the content types. */
class WorkflowResourceTest {

    private static final String SEED_TABLE = """
            {"title": "Document publishing with review process",
             "initialState": "visible",
             "states": [
               {"id": "visible", "title": "Visible", "description": "Editable by author, visible to reviewer",
                "permissions": {"author": ["edit", "delete"], "teacher": ["view"], "manager": ["view", "delete"]}},
               {"id": "pending", "title": "Pending", "permissions": {"author": ["view"], "teacher": ["view"]}},
               {"id": "published", "title": "Published", "permissions": {"student": ["view"]}}],
             "actions": [
               {"id": "submit", "title": "Submit", "from": ["visible"], "to": "pending", "roles": ["author"]},
               {"id": "publish", "title": "Publish", "from": ["pending"], "to": "published", "roles": ["teacher"],
                "guard": {"roles": ["manager"], "permissions": ["view"], "authorOnly": false, "expression": "python:1"}}]}
            """;

    private final FakeWorkflowService service = new FakeWorkflowService();
    private final TestServlets t = new TestServlets(1024 * 1024, service);
    private final ObjectMapper mapper = new ObjectMapper();

    WorkflowResourceTest() {
        t.keys.client("lms-workflow", "workflows", "workflow");
    }

    private FakeHttp.Response call(FakeHttp.Request r) throws Exception {
        return t.call(r.bearer("lms-workflow"));
    }

    private FakeHttp.Response post(String path, String json) throws Exception {
        return call(new FakeHttp.Request("POST", path).json(json));
    }

    /** A GET; a query string is split into parameters (one value each), as the container would. */
    private FakeHttp.Response get(String pathAndQuery) throws Exception {
        String[] parts = pathAndQuery.split("\\?", 2);
        FakeHttp.Request r = new FakeHttp.Request("GET", parts[0]);
        if (parts.length == 2) {
            for (String p : parts[1].split("&")) {
                String[] nv = p.split("=", 2);
                r.param(nv[0], nv[1]);
            }
        }
        return call(r);
    }

    private JsonNode body(FakeHttp.Response r) throws Exception {
        return mapper.readTree(r.body());
    }

    private List<String> fields(FakeHttp.Response r) throws Exception {
        assertEquals(400, r.status, r.toString());
        assertEquals(Json.PROBLEM_CONTENT_TYPE, r.contentType);
        List<String> fields = new ArrayList<>();
        body(r).get("errors").forEach(e -> fields.add(e.get("field").asText()));
        return fields;
    }

    /** A definition with every field the model holds set. */
    static WorkflowDefinition everything() {
        GuardDef guard = new GuardDef(List.of("manager"), List.of("view"), "here/isOpen", true);
        MenuEntry menu = new MenuEntry("Publish", "%(content_url)s/publish", "workflow", null);
        return new WorkflowDefinition("9", "All", "Every field", "a",
                List.of(new StateDef("a", "A", "first", Map.of("author", List.of("view", "edit")), List.of("View"),
                        List.of("go")), StateDef.of("b", "B", null, Map.of())),
                List.of(new ActionDef("go", "Go", "moves", List.of("a"), "b", List.of("author", "teacher"), guard, menu,
                        List.of(new Notification(true, List.of("teacher"), List.of("desk@example.org"),
                                "{action.title}: {record.id}", "Moved from {from} to {to}.")))),
                Map.of("edit", List.of("view"), "publish", List.of("view", "edit")),
                List.of(new PermissionMapping("View", "view"), new PermissionMapping("Modify portal content", "edit")),
                List.of(new VariableDef("review_history", "history", false, true, true, "x", "string", "state_change",
                        guard)),
                List.of(new WorklistDef("reviewer_queue", "Queue", null, menu, Map.of("review_state", List.of("b")),
                        GuardDef.none())),
                "review_state");
    }

    @Test
    void theJsonFormatHoldsEveryFieldOfTheModel() throws Exception {
        WorkflowJson mapping = new WorkflowJson(new Json());
        WorkflowDefinition d = everything();

        WorkflowDefinition back = mapping.readDefinition(mapper.readTree(mapping.definitionText(d)));

        assertEquals(d.withId(null), back);
        assertEquals(mapping.definitionText(d), mapping.definitionText(back));
    }

    @Test
    void createsAWorkflowFromJsonAndExportsItTheSameWay() throws Exception {
        FakeHttp.Response r = post("/workflows", SEED_TABLE);

        assertEquals(201, r.status, r.toString());
        JsonNode w = body(r);
        assertEquals("/campus/api/v1/workflows/" + w.get("id").asLong(), r.headers.get("Location"));
        assertEquals("visible", w.get("initialState").asText());
        assertEquals(List.of("visible"), List.of(w.at("/actions/0/from/0").asText()));
        assertEquals(w.get("id"), w.get("familyId"));
        assertEquals(1, w.get("version").asInt());
        assertEquals("python:1", w.at("/actions/1/guard/expression").asText());
        assertEquals(0, w.get("warnings").size());
        assertEquals(List.of("edit", "delete"), service.lastCreated.findState("visible").get().permissions().get("author"));

        FakeHttp.Response export = get("/workflows/" + w.get("id").asLong() + "/export");
        assertEquals(200, export.status);
        assertEquals(Json.CONTENT_TYPE, export.contentType);
        assertFalse(body(export).has("id"));
        WorkflowDefinition first = service.lastCreated;
        assertEquals(201, post("/workflows", export.body()).status);
        assertEquals(first, service.lastCreated);
        assertEquals(body(export), body(get("/workflows/" + (w.get("id").asLong() + 1) + "/export?format=json")));
        // what GET answers can be posted too: id, key, created and warnings are ignored
        assertEquals(201, post("/workflows", get("/workflows/" + w.get("id").asLong()).body()).status);
        assertEquals(first, service.lastCreated);
    }

    @Test
    void titlesDefaultToIdsAndTheWorkflowsToUntitled() throws Exception {
        FakeHttp.Response r = post("/workflows", """
                {"initialState": "draft",
                 "states": [{"id": "draft", "permissions": {"author": ["edit"]}}, {"id": "done", "title": null}],
                 "actions": [{"id": "finish", "from": ["draft"], "to": "done", "roles": ["author"]}]}
                """);

        assertEquals(201, r.status, r.toString());
        assertEquals("draft", service.lastCreated.findState("draft").get().title());
        assertEquals("done", service.lastCreated.findState("done").get().title());
        assertEquals("finish", service.lastCreated.findAction("finish").get().title());
        assertEquals("Untitled workflow", service.lastCreated.title());
        assertEquals("draft", body(r).at("/states/0/title").asText());
        assertEquals(List.of("states[0].title"), fields(post("/workflows", """
                {"initialState": "a", "states": [{"id": "a", "title": 3}]}
                """)));
    }

    @Test
    void eachExportFormatHasItsOwnOperationAndMediaType() throws Exception {
        long id = body(post("/workflows", SEED_TABLE)).get("id").asLong();

        FakeHttp.Response json = get("/workflows/" + id + "/export/json");
        assertEquals(200, json.status, json.toString());
        assertEquals(Json.CONTENT_TYPE, json.contentType);
        assertEquals(body(get("/workflows/" + id + "/export")), body(json));
        FakeHttp.Response xml = get("/workflows/" + id + "/export/dcworkflow");
        assertEquals("application/xml", xml.contentType);
        assertEquals(get("/workflows/" + id + "/export?format=dcworkflow").body(), xml.body());
        FakeHttp.Response mermaid = get("/workflows/" + id + "/export/mermaid");
        assertEquals("text/plain; charset=UTF-8", mermaid.contentType);
        assertEquals(get("/workflows/" + id + "/export?format=mermaid").body(), mermaid.body());
        FakeHttp.Response dot = get("/workflows/" + id + "/export/dot");
        assertEquals("text/plain; charset=UTF-8", dot.contentType, "plain text, which every generated client reads");
        assertEquals(get("/workflows/" + id + "/export?format=dot").body(), dot.body());
        assertEquals("text/vnd.graphviz; charset=UTF-8", get("/workflows/" + id + "/export?format=dot").contentType);
        assertEquals(404, get("/workflows/" + (id + 100) + "/export/mermaid").status);
        assertEquals(404, get("/workflows/x/export/dot").status);
    }

    @Test
    void fieldsOfTheWrongTypeAreNamedWithTheirPaths() throws Exception {
        FakeHttp.Response r = post("/workflows", """
                {"title": 5, "initialState": ["a"],
                 "states": [{"id": 1, "permissions": {"teacher": "view", "a b": [2]}}, 7],
                 "actions": [{"id": "x", "from": [1], "to": {}, "roles": "teacher", "guard": [], "menu": 3,
                              "notifications": [{"author": "yes"}]}],
                 "permissionImplications": [], "variables": [{"forCatalog": "yes"}]}
                """);

        assertEquals(List.of("title", "initialState", "states[0].permissions.teacher", "states[0].permissions['a b'][0]",
                "states[0].id", "states[1]", "actions[0].from[0]", "actions[0].to", "actions[0].roles",
                "actions[0].guard", "actions[0].menu", "actions[0].notifications[0].author", "permissionImplications",
                "variables[0].forCatalog"), fields(r));
        assertFalse(service.calls.contains("create"));
    }

    @Test
    void aBodyThatIsNoObjectIsRefused() throws Exception {
        assertEquals(List.of("body"), fields(post("/workflows", "[1]")));
        assertEquals(415, call(new FakeHttp.Request("POST", "/workflows").body("application/xml",
                "<dc-workflow/>".getBytes(StandardCharsets.UTF_8))).status);
        assertTrue(service.calls.isEmpty());
    }

    @Test
    void importsXmlOnlyAndWithTheLargerLimit() throws Exception {
        byte[] xml = ("<dc-workflow workflow_id=\"w\">" + " ".repeat(2 * 1024 * 1024) + "</dc-workflow>")
                .getBytes(StandardCharsets.UTF_8);
        FakeHttp.Response r = call(new FakeHttp.Request("POST", "/workflows/import").body("application/xml", xml));

        assertEquals(201, r.status, r.toString());
        assertEquals(List.of("script 'notify' was dropped"), List.of(body(r).get("warnings").get(0).asText()));
        assertEquals("review_workflow", body(r).get("key").asText());
        assertEquals("/campus/api/v1/workflows/" + body(r).get("id").asLong(), r.headers.get("Location"));
        assertEquals(201, call(new FakeHttp.Request("POST", "/workflows/import").body("text/xml; charset=UTF-8",
                "<dc-workflow/>".getBytes(StandardCharsets.UTF_8))).status);
        service.calls.clear();

        assertEquals(415, post("/workflows/import", "{\"title\":\"x\"}").status);
        assertEquals(415, call(new FakeHttp.Request("POST", "/workflows/import").body(null, xml)).status);
        assertEquals(413, call(new FakeHttp.Request("POST", "/workflows/import").body("application/xml",
                new byte[4 * 1024 * 1024 + 1])).status);
        assertTrue(service.calls.isEmpty(), service.calls.toString());

        FakeHttp.Response doctype = call(new FakeHttp.Request("POST", "/workflows/import").body("application/xml",
                "<!DOCTYPE x [<!ENTITY a \"b\">]><dc-workflow/>".getBytes(StandardCharsets.UTF_8)));
        assertEquals(List.of("body"), fields(doctype));
    }

    @Test
    void importsUmlAsXmiOrZipAnsweringOneWorkflowPerStateMachine() throws Exception {
        byte[] xmi = "<xmi:XMI xmlns:xmi=\"http://www.omg.org/spec/XMI/20131001\"/>".getBytes(StandardCharsets.UTF_8);
        FakeHttp.Response r = call(new FakeHttp.Request("POST", "/workflows/import/uml").body("application/xml", xmi));

        assertEquals(201, r.status, r.toString());
        assertEquals(Json.CONTENT_TYPE, r.contentType);
        assertNull(r.headers.get("Location"), "two workflows have no one location");
        JsonNode items = body(r).get("items");
        assertEquals(2, items.size());
        JsonNode first = items.get(0);
        assertEquals("review_workflow", first.get("key").asText());
        assertEquals("Review", first.get("title").asText());
        assertEquals("draft", first.get("initialState").asText());
        assertEquals("draft", first.get("states").get(0).get("id").asText());
        assertEquals("[\"view\",\"edit\"]", first.get("states").get(0).get("permissions").get("author").toString());
        JsonNode action = first.get("actions").get(0);
        assertEquals("publish", action.get("id").asText());
        assertEquals("[\"draft\"]", action.get("from").toString());
        assertEquals("published", action.get("to").asText());
        assertEquals("[\"teacher\"]", action.get("roles").toString());
        assertEquals("final state 'done' is imported as a state", first.get("warnings").get(0).asText());
        assertEquals("second_machine", items.get(1).get("key").asText());
        assertTrue(items.get(0).get("id").asLong() != items.get(1).get("id").asLong());
        assertEquals(List.of("importUml"), service.calls);

        byte[] zip = {'P', 'K', 3, 4, 0, 0};
        assertEquals(201, call(new FakeHttp.Request("POST", "/workflows/import/uml").body("application/zip", zip)).status);
        assertEquals(zip.length, service.lastImported.length, "the body reaches the service as it came");
        assertEquals(201, call(new FakeHttp.Request("POST", "/workflows/import/uml").body("text/xml; charset=UTF-8",
                xmi)).status);
    }

    @Test
    void umlImportRefusesOtherTypesTooLargeBodiesAndWhatTheServiceRefuses() throws Exception {
        byte[] xmi = "<XMI xmi.version=\"1.2\"/>".getBytes(StandardCharsets.UTF_8);
        assertEquals(415, post("/workflows/import/uml", "{\"title\":\"x\"}").status);
        assertEquals(415, call(new FakeHttp.Request("POST", "/workflows/import/uml").body(null, xmi)).status);
        assertEquals(415, call(new FakeHttp.Request("POST", "/workflows/import/uml")
                .body("application/octet-stream", xmi)).status);
        FakeHttp.Response tooLarge = call(new FakeHttp.Request("POST", "/workflows/import/uml")
                .body("application/zip", new byte[4 * 1024 * 1024 + 1]));
        assertEquals(413, tooLarge.status);
        assertEquals(Json.PROBLEM_CONTENT_TYPE, tooLarge.contentType);
        assertTrue(service.calls.isEmpty(), service.calls.toString());

        FakeHttp.Response doctype = call(new FakeHttp.Request("POST", "/workflows/import/uml").body("application/xml",
                "<!DOCTYPE x [<!ENTITY a \"b\">]><XMI/>".getBytes(StandardCharsets.UTF_8)));
        assertEquals(List.of("body"), fields(doctype));
        assertFalse(doctype.body().contains("Exception"));
    }

    @Test
    void exportsEachFormatWithItsContentType() throws Exception {
        long id = body(post("/workflows", SEED_TABLE)).get("id").asLong();

        FakeHttp.Response xml = get("/workflows/" + id + "/export?format=dcworkflow");
        assertEquals(200, xml.status);
        assertEquals("application/xml", xml.contentType);
        assertEquals("dcworkflow of Document publishing with review process", xml.body());
        assertEquals("text/plain; charset=UTF-8", get("/workflows/" + id + "/export?format=mermaid").contentType);
        assertEquals("text/vnd.graphviz; charset=UTF-8", get("/workflows/" + id + "/export?format=dot").contentType);
        assertEquals(List.of("format"), fields(get("/workflows/" + id + "/export?format=svg")));
        assertEquals(List.of("format"), fields(get("/workflows/" + id + "/export?format=DOT")), "the codes as documented");
        assertEquals(404, get("/workflows/999/export?format=dot").status);
        assertEquals(404, get("/workflows/999/export").status);
    }

    @Test
    void listsTemplatesAndCreatesFromOne() throws Exception {
        JsonNode templates = body(get("/workflows/templates"));
        assertEquals("review", templates.at("/items/0/key").asText());
        assertEquals("draft", templates.at("/items/0/initialState").asText());

        FakeHttp.Response created = call(new FakeHttp.Request("POST", "/workflows/templates/review"));
        assertEquals(201, created.status, created.toString());
        assertEquals("review", body(created).get("key").asText());

        FakeHttp.Response unknown = call(new FakeHttp.Request("POST", "/workflows/templates/nope"));
        assertEquals(404, unknown.status);
        assertEquals(1, service.calls.stream().filter("createFromTemplate"::equals).count());
    }

    @Test
    void listsSummariesAndSimulates() throws Exception {
        long id = body(post("/workflows", SEED_TABLE)).get("id").asLong();

        JsonNode page = body(get("/workflows?limit=10"));
        assertEquals(id, page.at("/items/0/id").asLong());
        assertEquals(3, page.at("/items/0/stateCount").asInt());
        assertFalse(page.at("/items/0").has("states"));
        assertTrue(page.get("next").isNull());

        JsonNode sim = body(call(new FakeHttp.Request("GET", "/workflows/" + id + "/simulation")
                .param("roles", " teacher, ,manager,teacher")));
        assertEquals(List.of("teacher", "manager"), service.lastRoles);
        assertEquals("visible", sim.at("/items/0/state").asText());
        assertEquals("edit", sim.at("/items/0/authorPermissions/1").asText());
        assertEquals(List.of("roles"), fields(call(new FakeHttp.Request("GET", "/workflows/" + id + "/simulation")
                .param("roles", "r".repeat(300)))));
    }

    @Test
    void recordIdsComeBackAsTheyWereSent() throws Exception {
        long workflow = body(post("/workflows", SEED_TABLE)).get("id").asLong();

        FakeHttp.Response r = post("/workflow-records", "{\"workflowId\":" + workflow + ",\"lmsRecordId\":17,"
                + "\"courseId\":\"c-2\",\"activityId\":9223372036854775807,\"authorId\":\"5\"}");

        assertEquals(201, r.status, r.toString());
        JsonNode rec = body(r);
        assertEquals("/campus/api/v1/workflow-records/" + rec.get("id").asLong(), r.headers.get("Location"));
        assertTrue(rec.get("lmsRecordId").isIntegralNumber());
        assertEquals(17, rec.get("lmsRecordId").asInt());
        assertEquals("c-2", rec.get("courseId").textValue());
        assertEquals(Long.MAX_VALUE, rec.get("activityId").longValue());
        assertTrue(rec.get("authorId").isTextual());
        assertEquals("visible", rec.get("state").asText());
        assertEquals(new LmsId("17", true), service.lastNewRecord.lmsRecordId());
        assertEquals(LmsId.of("5"), service.lastNewRecord.authorId());
        assertEquals("visible", rec.get("visibility").asText());
        assertEquals(rec, body(get("/workflow-records/" + rec.get("id").asLong())));
    }

    @Test
    void aRecordNamesEveryMissingOrMistypedField() throws Exception {
        assertEquals(List.of("lmsRecordId", "courseId", "activityId", "authorId"),
                fields(post("/workflow-records", "{}")), "without workflowId the record follows its binding");
        assertEquals(List.of("workflowId", "courseId", "activityId"), fields(post("/workflow-records",
                "{\"workflowId\":\"abc\",\"lmsRecordId\":1,\"courseId\":1.5,\"activityId\":{},\"authorId\":2}")));
        assertEquals(List.of("workflowId"), fields(post("/workflow-records",
                "{\"workflowId\":999,\"lmsRecordId\":1,\"courseId\":1,\"activityId\":1,\"authorId\":2}")));
    }

    @Test
    void actionsAnswerWithTheRecordOrTheProblem() throws Exception {
        long workflow = body(post("/workflows", SEED_TABLE)).get("id").asLong();
        long rec = body(post("/workflow-records", "{\"workflowId\":" + workflow + ",\"lmsRecordId\":1,\"courseId\":2,"
                + "\"activityId\":3,\"authorId\":4}")).get("id").asLong();
        String actions = "/workflow-records/" + rec + "/actions";

        assertEquals(403, post(actions, "{\"action\":\"submit\",\"userId\":5,\"roles\":[\"student\"]}").status);
        assertEquals(409, post(actions, "{\"action\":\"publish\",\"userId\":5,\"roles\":[\"teacher\"]}").status);
        assertEquals(List.of("action"), fields(post(actions, "{\"action\":\"fly\",\"userId\":4}")));
        assertEquals(List.of("action", "userId", "roles[1]", "comment"), fields(post(actions,
                "{\"roles\":[\"a\",7],\"comment\":\"" + "c".repeat(4001) + "\"}")));
        assertEquals(List.of("roles"), fields(post(actions, "{\"action\":\"submit\",\"userId\":4,\"roles\":\"author\"}")));
        assertEquals(404, post("/workflow-records/999/actions", "{\"action\":\"submit\",\"userId\":4,\"roles\":[]}").status);

        assertEquals(List.of("authorAddress", "roleAddresses.teacher[1]", "roleAddresses['a b']"), fields(post(actions,
                "{\"action\":\"submit\",\"userId\":4,\"authorAddress\":7,"
                        + "\"roleAddresses\":{\"teacher\":[\"t@example.org\",{}],\"a b\":\"x\"}}")));
        FakeHttp.Response ok = post(actions, "{\"action\":\"submit\",\"userId\":4,\"roles\":[\"author\"],\"comment\":\"done\","
                + "\"authorAddress\":\"a@example.org\",\"roleAddresses\":{\"teacher\":[\"t@example.org\"],\"manager\":[]}}");
        assertEquals(200, ok.status, ok.toString());
        assertEquals("pending", body(ok).get("state").asText());
        assertEquals("done", service.lastAction.comment());
        assertEquals("a@example.org", service.lastAction.authorAddress());
        assertEquals(Map.of("teacher", List.of("t@example.org"), "manager", List.of()), service.lastAction.roleAddresses());
        assertEquals(new LmsId("4", true), service.lastAction.userId());

        JsonNode history = body(get("/workflow-records/" + rec + "/history")).get("items");
        assertEquals(2, history.size());
        assertTrue(history.get(0).get("action").isNull());
        assertTrue(history.get(0).get("from").isNull());
        assertEquals("submit", history.get(1).get("action").asText());
        assertEquals(4, history.get(1).get("actor").asInt());
        assertEquals(4, history.get(1).get("userId").asInt());
        assertEquals("visible", history.get(1).get("from").asText());
        assertEquals("pending", history.get(1).get("to").asText());
        assertEquals("2024-05-01T10:16:30Z", history.get(1).get("time").asText());
        assertEquals("done", history.get(1).get("comment").asText());
    }

    @Test
    void accessTellsWhatOneUserMayDo() throws Exception {
        long workflow = body(post("/workflows", SEED_TABLE)).get("id").asLong();
        long rec = body(post("/workflow-records", "{\"workflowId\":" + workflow + ",\"lmsRecordId\":1,\"courseId\":2,"
                + "\"activityId\":3,\"authorId\":\"u4\"}")).get("id").asLong();

        JsonNode a = body(call(new FakeHttp.Request("GET", "/workflow-records/" + rec + "/access")
                .param("userId", "u4").param("roles", "teacher")));
        assertTrue(a.get("author").asBoolean());
        assertTrue(a.get("mayView").asBoolean());
        assertTrue(a.get("mayEdit").asBoolean());
        assertEquals("publish", a.at("/actions/0").asText());
        assertEquals("visible", a.at("/record/state").asText());
        assertEquals(LmsId.of("u4"), service.lastUser);

        JsonNode anonymous = body(get("/workflow-records/" + rec + "/access"));
        assertFalse(anonymous.get("author").asBoolean());
        assertFalse(anonymous.get("mayEdit").asBoolean());
        assertNull(service.lastUser);
        assertEquals(404, get("/workflow-records/999/access").status);
        assertEquals(404, get("/workflow-records/999/history").status);
    }

    @Test
    void theWorkflowScopeOpensEveryRouteAndNoOtherScopeDoes() throws Exception {
        long id = body(post("/workflows", SEED_TABLE)).get("id").asLong();

        assertEquals(200, t.call(new FakeHttp.Request("GET", "/workflows/" + id).bearer("lms-all")).status);
        assertEquals(403, t.call(new FakeHttp.Request("GET", "/workflows/" + id).bearer("lms-shares")).status);
        assertEquals(403, t.call(new FakeHttp.Request("POST", "/workflows").bearer("lms-shares").json(SEED_TABLE)).status);
        assertEquals(200, t.call(new FakeHttp.Request("GET", "/workflows/" + id).basic("viewer", "viewer-pw")).status);
        assertEquals(403, t.call(new FakeHttp.Request("POST", "/workflows").basic("viewer", "viewer-pw")
                .json(SEED_TABLE)).status);
        assertEquals(201, t.call(new FakeHttp.Request("POST", "/workflows").basic("admin", "admin-pw")
                .json(SEED_TABLE)).status);
        assertEquals("POST /workflows", t.audit.entries.get(t.audit.entries.size() - 1).action());
    }
}
