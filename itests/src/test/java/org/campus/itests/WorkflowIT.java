package org.campus.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Workflows in the real container, through the HTTP API on Jetty and Derby: Plone DCWorkflow
 * import and export, the Campus JSON format, records moving through a workflow (with the seed's
 * "Document publishing with review process"), concurrent actions, and hostile XML.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class WorkflowIT {

    /** Ids unique to each test, so that tests sharing one container and database do not see each other. */
    private static final AtomicLong IDS = new AtomicLong(System.nanoTime() % 1_000_000_000L + 3_000_000_000L);

    private static final String XML = "application/xml";

    /** The seed's "Document publishing with review process" table, in the Campus JSON format. */
    static final String DOCUMENT_PUBLISHING = """
            {"title": "Document publishing with review process",
             "description": "The author drafts in Visible or Private, asks for publishing, and a reviewer publishes.",
             "initialState": "visible",
             "states": [
               {"id": "visible", "title": "Visible", "description": "Editable by author, visible to reviewer",
                "permissions": {"author": ["edit", "delete"], "teacher": ["view"], "editingteacher": ["view"],
                                "manager": ["view", "delete"]}},
               {"id": "pending", "title": "Pending", "description": "Author requested publishing, non-editable by author",
                "permissions": {"author": ["view"], "teacher": ["view"], "editingteacher": ["view"],
                                "manager": ["view", "delete"]}},
               {"id": "private", "title": "Private", "description": "Only editable by author",
                "permissions": {"author": ["edit", "delete"]}},
               {"id": "published", "title": "Published", "description": "Visible to everybody, non-editable",
                "permissions": {"author": ["view"], "guest": ["view"], "student": ["view"], "teacher": ["view"],
                                "editingteacher": ["view"], "manager": ["view", "delete"]}}],
             "actions": [
               {"id": "submit", "title": "Submit", "description": "Author requests publishing",
                "from": ["visible"], "to": "pending", "roles": ["author"]},
               {"id": "hide", "title": "Hide", "description": "Author makes content private",
                "from": ["visible", "pending"], "to": "private", "roles": ["author"]},
               {"id": "publish", "title": "Publish", "description": "Reviewer publishes content",
                "from": ["pending"], "to": "published", "roles": ["teacher", "editingteacher", "manager"]},
               {"id": "retract", "title": "Retract", "description": "Author retracts submission",
                "from": ["pending"], "to": "visible", "roles": ["author"]},
               {"id": "retract_published", "title": "Retract", "description": "Reviewer retracts submission",
                "from": ["published"], "to": "visible", "roles": ["teacher", "editingteacher", "manager"]},
               {"id": "show", "title": "Show", "description": "Author makes content visible",
                "from": ["private"], "to": "visible", "roles": ["author"]}]}
            """;

    private final Http lms = Http.asLms();
    private final Http admin = Http.asAdmin();

    @Configuration
    public Option[] config() {
        return CampusContainer.options();
    }

    @Before
    public void apiIsUp() {
        lms.awaitRoute("/workflows?limit=1", Duration.ofSeconds(60));
    }

    private static long newId() {
        return IDS.incrementAndGet();
    }

    private static String fixture(String name) throws IOException {
        try (InputStream in = WorkflowIT.class.getResourceAsStream("/dcworkflow/" + name)) {
            assertNotNull("test resource dcworkflow/" + name, in);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static byte[] umlFixture(String name) throws IOException {
        try (InputStream in = WorkflowIT.class.getResourceAsStream("/uml/" + name)) {
            assertNotNull("test resource uml/" + name, in);
            return in.readAllBytes();
        }
    }

    /** An ArgoUML-style project archive: the project file and the given models. */
    private static byte[] zargo(String... namesAndModels) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("project.argo"));
            zip.write("<argo/>".getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < namesAndModels.length; i += 2) {
                zip.putNextEntry(new ZipEntry(namesAndModels[i]));
                zip.write(umlFixture(namesAndModels[i + 1]));
            }
        }
        return bytes.toByteArray();
    }

    /** The items of a UML import, each also readable as stored. */
    private JsonNode umlImported(Http.Answer a) {
        assertEquals(a.toString(), 201, a.status());
        assertTrue(a.contentType(), a.contentType().startsWith("application/json"));
        JsonNode items = a.json().get("items");
        for (JsonNode w : items) {
            assertEquals(w, lms.get("/workflows/" + w.get("id").asLong()).json());
        }
        return items;
    }

    private JsonNode created(Http.Answer a, String base) {
        assertEquals(a.toString(), 201, a.status());
        assertTrue(a.contentType(), a.contentType().startsWith("application/json"));
        JsonNode n = a.json();
        assertEquals("/campus/api/v1" + base + "/" + n.get("id").asLong(), a.header("Location"));
        return n;
    }

    private JsonNode importXml(String xml) {
        return created(lms.post("/workflows/import", XML, xml), "/workflows");
    }

    private JsonNode createWorkflow(String json) {
        return created(lms.postJson("/workflows", json), "/workflows");
    }

    private JsonNode createRecord(long workflowId, String authorId) {
        return created(lms.postJson("/workflow-records", "{\"workflowId\":" + workflowId + ",\"lmsRecordId\":" + newId()
                + ",\"courseId\":\"course-" + newId() + "\",\"activityId\":" + newId() + ",\"authorId\":" + authorId + "}"),
                "/workflow-records");
    }

    private Http.Answer act(long record, String action, String userId, String roles) {
        return lms.postJson("/workflow-records/" + record + "/actions",
                "{\"action\":\"" + action + "\",\"userId\":" + userId + ",\"roles\":" + roles + "}");
    }

    private static List<String> ids(JsonNode array) {
        List<String> ids = new ArrayList<>();
        array.forEach(n -> ids.add(n.get("id").asText()));
        return ids;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(n -> texts.add(n.asText()));
        return texts;
    }

    private static void assertProblem(Http.Answer a, int status) {
        assertEquals(a.toString(), status, a.status());
        assertTrue(a.toString(), a.contentType().startsWith("application/problem+json"));
        assertEquals(status, a.json().get("status").asInt());
        assertFalse(a.body(), a.body().contains("Exception"));
    }

    private static List<String> errorFields(Http.Answer a) {
        assertProblem(a, 400);
        List<String> fields = new ArrayList<>();
        a.json().get("errors").forEach(e -> fields.add(e.get("field").asText()));
        return fields;
    }

    private long newestWorkflowId() {
        JsonNode items = lms.get("/workflows?limit=1").json().get("items");
        return items.size() == 0 ? 0 : items.get(0).get("id").asLong();
    }

    // ------------------------------------------------------------------ DCWorkflow import and export

    @Test
    public void importsPlonesSimplePublicationWorkflow() throws IOException {
        JsonNode w = importXml(fixture("simple_publication_workflow.xml"));

        assertEquals("simple_publication_workflow", w.get("key").asText());
        assertEquals("Simple Publication Workflow", w.get("title").asText());
        assertEquals("private", w.get("initialState").asText());
        assertEquals(List.of("pending", "private", "published"), ids(w.get("states")));
        assertEquals(List.of("publish", "reject", "retract", "submit"), ids(w.get("actions")));
        JsonNode publish = w.get("actions").get(0);
        assertEquals(List.of("pending", "private"), texts(publish.get("from")));
        assertEquals("published", publish.get("to").asText());
        JsonNode submit = w.get("actions").get(3);
        assertEquals(List.of("private"), texts(submit.get("from")));
        assertEquals("pending", submit.get("to").asText());
        assertTrue(w.get("states").get(1).get("permissions").isObject());
        List<String> warnings = texts(w.get("warnings"));
        assertTrue(warnings.toString(), warnings.stream().anyMatch(s -> s.contains("guard permission 'Review portal content'")));
        assertTrue(warnings.toString(), warnings.stream().anyMatch(s -> s.contains("role 'Anonymous' means everybody")));
        assertEquals(w, lms.get("/workflows/" + w.get("id").asLong()).json());
    }

    @Test
    public void importsPlonesFolderWorkflow() throws IOException {
        JsonNode w = importXml(fixture("folder_workflow.xml"));

        assertEquals("folder_workflow", w.get("key").asText());
        assertEquals("Community Workflow for Folders", w.get("title").asText());
        assertEquals("visible", w.get("initialState").asText());
        assertEquals(List.of("private", "published", "visible"), ids(w.get("states")));
        assertEquals(List.of("hide", "publish", "retract", "show"), ids(w.get("actions")));
        JsonNode hide = w.get("actions").get(0);
        assertEquals(List.of("published", "visible"), texts(hide.get("from")));
        assertEquals("private", hide.get("to").asText());
        assertEquals(List.of("edit"), texts(hide.get("guard").get("permissions")));
        assertEquals(5, w.get("variables").size());
        assertTrue(w.get("warnings").isArray());
        assertTrue(w.get("warnings").size() > 0);
    }

    @Test
    public void importsTheStateMachinesOfUmlFilesAndProjectArchives() throws IOException {
        JsonNode papyrus = umlImported(lms.post("/workflows/import/uml", XML, umlFixture("ordershipping.uml")));
        assertEquals(1, papyrus.size());
        JsonNode order = papyrus.get(0);
        assertEquals("StateMachine", order.get("key").asText());
        assertEquals("WAIT_NEW_ORDER", order.get("initialState").asText());
        assertEquals(List.of("CUSTOMER_ERROR", "HANDLE_ORDER", "ORDER_SHIPPED", "RECEIVE_ORDER", "SHIP_ORDER",
                "WAIT_NEW_ORDER"), ids(order.get("states")));
        JsonNode placeOrder = order.get("actions").get(1);
        assertEquals("PLACE_ORDER", placeOrder.get("id").asText());
        assertEquals(List.of("WAIT_NEW_ORDER"), texts(placeOrder.get("from")));
        assertEquals("RECEIVE_ORDER", placeOrder.get("to").asText());
        assertTrue(placeOrder.get("roles").isArray());
        assertTrue(order.get("states").get(0).get("permissions").isObject());
        assertTrue(texts(order.get("warnings")).toString(),
                texts(order.get("warnings")).stream().anyMatch(w -> w.contains("'HANDLE_ORDER' has 2 concurrent regions")));

        JsonNode ea = umlImported(lms.post("/workflows/import/uml", "text/xml", umlFixture("EA_XMI21.xmi")));
        assertEquals(1, ea.size());
        assertEquals("EA_StateMachine1", ea.get(0).get("key").asText());
        assertEquals("State1", ea.get(0).get("initialState").asText());

        JsonNode zipped = umlImported(lms.post("/workflows/import/uml", "application/zip",
                zargo("project.xmi", "ordershipping.uml")));
        assertEquals(1, zipped.size());
        assertEquals(ids(order.get("actions")), ids(zipped.get(0).get("actions")));

        // records run on an imported workflow; an action the model guards with nothing is nobody's yet
        JsonNode record = createRecord(order.get("id").asLong(), "5");
        assertEquals("WAIT_NEW_ORDER", record.get("state").asText());
        assertProblem(act(record.get("id").asLong(), "PLACE_ORDER", "5", "[\"teacher\"]"), 403);
        assertProblem(act(record.get("id").asLong(), "SHIP_ORDER_ORDER_SHIPPED", "5", "[\"teacher\"]"), 409);
    }

    @Test
    public void hostileOrBrokenUmlIsRefusedAndStoresNothing() throws IOException {
        long before = newestWorkflowId();
        byte[] ea = umlFixture("EA_XMI21.xmi");
        assertEquals(List.of("body"), errorFields(lms.post("/workflows/import/uml", "application/zip",
                zargo("a.xmi", "EA_XMI21.xmi", "b.xmi", "ordershipping.uml"))));
        assertEquals(List.of("body"), errorFields(lms.post("/workflows/import/uml", "application/zip",
                Arrays.copyOf(zargo("a.xmi", "EA_XMI21.xmi"), 200))));
        assertEquals(List.of("body"), errorFields(lms.post("/workflows/import/uml", XML, HostileCases.XML_BOMB)));
        assertEquals(List.of("body"), errorFields(lms.post("/workflows/import/uml", XML,
                "<?xml version=\"1.0\"?><!DOCTYPE XMI [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><XMI>&x;</XMI>")));
        assertEquals(List.of("body"), errorFields(lms.post("/workflows/import/uml", XML, Arrays.copyOf(ea, ea.length / 2))));
        assertEquals(List.of("body"), errorFields(lms.post("/workflows/import/uml", XML, fixture("folder_workflow.xml"))));
        assertProblem(lms.post("/workflows/import/uml", "application/json", ea), 415);
        assertProblem(lms.post("/workflows/import/uml", null, ea), 415);
        assertProblem(lms.sendHeadersFirst("POST", "/workflows/import/uml", XML,
                "<XMI>" + " ".repeat(5 * 1024 * 1024) + "</XMI>"), 413);
        assertEquals(before, newestWorkflowId());
    }

    @Test
    public void dcWorkflowExportImportsAgainToTheSameWorkflow() throws IOException {
        for (String name : List.of("simple_publication_workflow.xml", "folder_workflow.xml")) {
            JsonNode first = importXml(fixture(name));
            long id = first.get("id").asLong();

            Http.Answer xml = lms.get("/workflows/" + id + "/export?format=dcworkflow");
            assertEquals(xml.toString(), 200, xml.status());
            assertTrue(xml.contentType(), xml.contentType().startsWith(XML));
            assertTrue(xml.body(), xml.body().contains("workflow_id=\"" + first.get("key").asText() + "\""));
            JsonNode second = importXml(xml.body());

            assertEquals(name, ids(first.get("states")), ids(second.get("states")));
            assertEquals(name, ids(first.get("actions")), ids(second.get("actions")));
            assertEquals(name, first.get("key"), second.get("key"));
            assertEquals(name, lms.get("/workflows/" + id + "/export?format=json").json(),
                    lms.get("/workflows/" + second.get("id").asLong() + "/export?format=json").json());
        }
    }

    @Test
    public void jsonExportPostsBackToTheSameWorkflow() throws IOException {
        for (String source : List.of(DOCUMENT_PUBLISHING, fixture("simple_publication_workflow.xml"))) {
            JsonNode first = source.startsWith("{") ? createWorkflow(source) : importXml(source);
            Http.Answer export = lms.get("/workflows/" + first.get("id").asLong() + "/export?format=json");
            assertEquals(export.toString(), 200, export.status());
            assertTrue(export.contentType(), export.contentType().startsWith("application/json"));
            assertFalse(export.json().has("id"));

            JsonNode again = createWorkflow(export.body());
            Http.Answer second = lms.get("/workflows/" + again.get("id").asLong() + "/export");

            assertEquals(export.json(), second.json());
            assertEquals(0, again.get("warnings").size());
        }
    }

    // ------------------------------------------------------------------ the seed's workflow and its records

    @Test
    public void movesARecordThroughTheSeedsDocumentPublishingWorkflow() {
        JsonNode w = createWorkflow(DOCUMENT_PUBLISHING);
        long workflowId = w.get("id").asLong();
        assertEquals(List.of("visible", "pending", "private", "published"), ids(w.get("states")));
        assertEquals(List.of("submit", "hide", "publish", "retract", "retract_published", "show"), ids(w.get("actions")));
        assertEquals(List.of("teacher", "editingteacher", "manager"), texts(w.get("actions").get(2).get("roles")));
        assertEquals(List.of("edit", "delete"), texts(w.get("states").get(0).get("permissions").get("author")));

        long author = newId();
        JsonNode created = lms.postJson("/workflow-records", "{\"workflowId\":" + workflowId + ",\"lmsRecordId\":\"r-"
                + author + "\",\"courseId\":17,\"activityId\":\"42\",\"authorId\":" + author + "}").json();
        long record = created.get("id").asLong();
        assertEquals("visible", created.get("state").asText());
        assertEquals("r-" + author, created.get("lmsRecordId").textValue());
        assertTrue(created.get("courseId").isIntegralNumber());
        assertEquals(17, created.get("courseId").asInt());
        assertTrue(created.get("activityId").isTextual());
        assertEquals(author, created.get("authorId").asLong());
        assertTrue(created.get("authorId").isIntegralNumber());
        assertEquals(created, lms.get("/workflow-records/" + record).json());

        // what the author and a teacher may do now
        JsonNode mine = lms.get("/workflow-records/" + record + "/access?userId=" + author + "&roles=student").json();
        assertTrue(mine.get("author").asBoolean());
        assertTrue(mine.get("mayEdit").asBoolean());
        assertEquals(List.of("submit", "hide"), texts(mine.get("actions")));
        JsonNode teacher = lms.get("/workflow-records/" + record + "/access?userId=" + newId() + "&roles=teacher").json();
        assertTrue(teacher.get("mayView").asBoolean());
        assertFalse(teacher.get("mayEdit").asBoolean());
        assertEquals(List.of(), texts(teacher.get("actions")));

        // a teacher may not submit somebody else's record; an unknown action is a bad request
        assertProblem(act(record, "submit", String.valueOf(newId()), "[\"teacher\"]"), 403);
        assertEquals(List.of("action"), errorFields(act(record, "fly", String.valueOf(author), "[]")));
        // not from the current state
        assertProblem(act(record, "publish", String.valueOf(newId()), "[\"teacher\"]"), 409);

        Http.Answer submitted = lms.postJson("/workflow-records/" + record + "/actions", "{\"action\":\"submit\",\"userId\":"
                + author + ",\"roles\":[\"student\"],\"comment\":\"please review\"}");
        assertEquals(submitted.toString(), 200, submitted.status());
        assertEquals("pending", submitted.json().get("state").asText());
        assertProblem(act(record, "submit", String.valueOf(author), "[\"student\"]"), 409);
        // the author may not publish the own record
        assertProblem(act(record, "publish", String.valueOf(author), "[\"student\"]"), 403);

        String reviewer = "\"teacher-" + newId() + "\"";
        Http.Answer published = act(record, "publish", reviewer, "[\"editingteacher\"]");
        assertEquals(published.toString(), 200, published.status());
        assertEquals("published", published.json().get("state").asText());
        assertEquals("published", lms.get("/workflow-records/" + record).json().get("state").asText());

        JsonNode history = lms.get("/workflow-records/" + record + "/history").json().get("items");
        assertEquals(history.toString(), 3, history.size());
        assertTrue(history.get(0).get("action").isNull());
        assertTrue(history.get(0).get("from").isNull());
        assertEquals("visible", history.get(0).get("to").asText());
        assertEquals(author, history.get(0).get("actor").asLong());
        assertEquals("submit", history.get(1).get("action").asText());
        assertEquals("visible", history.get(1).get("from").asText());
        assertEquals("pending", history.get(1).get("to").asText());
        assertEquals("please review", history.get(1).get("comment").asText());
        assertEquals(author, history.get(1).get("userId").asLong());
        assertEquals("publish", history.get(2).get("action").asText());
        assertEquals(reviewer.replace("\"", ""), history.get(2).get("actor").textValue());
        Instant previous = Instant.MIN;
        for (JsonNode h : history) {
            Instant time = Instant.parse(h.get("time").asText());
            assertFalse("oldest first: " + history, time.isBefore(previous));
            previous = time;
        }
    }

    @Test
    public void concurrentActionsOnOneRecordLetExactlyOneWin() throws Exception {
        long workflowId = createWorkflow(DOCUMENT_PUBLISHING).get("id").asLong();
        long author = newId();
        long record = createRecord(workflowId, String.valueOf(author)).get("id").asLong();
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Integer> statuses = new ArrayList<>();
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                Http client = Http.asLms();
                calls.add(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    return client.postJson("/workflow-records/" + record + "/actions",
                            "{\"action\":\"submit\",\"userId\":" + author + ",\"roles\":[]}").status();
                });
            }
            List<Future<Integer>> futures = new ArrayList<>();
            for (Callable<Integer> c : calls) {
                futures.add(pool.submit(c));
            }
            start.countDown();
            for (Future<Integer> f : futures) {
                statuses.add(f.get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(statuses.toString(), 1, statuses.stream().filter(s -> s == 200).count());
        assertEquals(statuses.toString(), threads - 1, statuses.stream().filter(s -> s == 409).count());
        JsonNode history = lms.get("/workflow-records/" + record + "/history").json().get("items");
        long submits = 0;
        for (JsonNode h : history) {
            submits += "submit".equals(h.get("action").asText(null)) ? 1 : 0;
        }
        assertEquals(history.toString(), 1, submits);
        assertEquals(2, history.size());
        assertEquals("pending", lms.get("/workflow-records/" + record).json().get("state").asText());
    }

    // ------------------------------------------------------------------ refused input

    @Test
    public void anInvalidDefinitionNamesEachProblem() {
        long before = newestWorkflowId();
        Http.Answer a = lms.postJson("/workflows", """
                {"title": "Broken", "initialState": "nowhere",
                 "states": [{"id": "a", "title": "A"}, {"id": "b", "title": "B"}, {"title": "No id"}],
                 "actions": [{"id": "go", "title": "Go", "from": ["a"], "to": "elsewhere", "roles": ["teacher"]},
                             {"id": "back", "title": "Back", "from": ["b"], "to": "a"}]}
                """);

        List<String> fields = errorFields(a);
        for (String field : List.of("states[2].id", "initialState", "actions[0].to")) {
            assertTrue(field + " in " + fields, fields.contains(field));
        }
        assertEquals(List.of("title", "states[0].id"), errorFields(lms.postJson("/workflows",
                "{\"title\": 5, \"initialState\": \"a\", \"states\": [{\"id\": 1, \"title\": \"A\"}]}")));
        assertEquals(List.of("workflowId"), errorFields(lms.postJson("/workflow-records", "{\"workflowId\":999999999999,"
                + "\"lmsRecordId\":1,\"courseId\":1,\"activityId\":1,\"authorId\":1}")));
        assertEquals(before, newestWorkflowId());
    }

    @Test
    public void hostileOrForeignXmlIsRefusedAndStoresNothing() {
        long before = newestWorkflowId();
        List<String> bad = List.of(
                "<?xml version=\"1.0\"?><!DOCTYPE dc-workflow [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                        + "<dc-workflow workflow_id=\"w\" title=\"&xxe;\" initial_state=\"a\"/>",
                HostileCases.XML_BOMB,
                "<?xml version=\"1.0\"?><!DOCTYPE dc-workflow [<!ENTITY % remote SYSTEM \"http://127.0.0.1:1/x.dtd\">"
                        + " %remote;]><dc-workflow/>",
                "<dc-workflow workflow_id=\"w\" title=\"&undeclared;\"/>",
                "<dc-workflow workflow_id=\"w\"",
                "<html><body>not a workflow</body></html>",
                "<dc-workflow><permission>" + "<a>".repeat(20_000) + "</a>".repeat(20_000) + "</permission></dc-workflow>",
                "");
        for (String xml : bad) {
            Http.Answer a = lms.post("/workflows/import", XML, xml);
            assertEquals(xml.substring(0, Math.min(80, xml.length())) + " -> " + a, List.of("body"), errorFields(a));
        }
        String valid = "<dc-workflow workflow_id=\"w\" title=\"W\" initial_state=\"a\"><state state_id=\"a\" title=\"A\"/>"
                + "</dc-workflow>";
        assertProblem(lms.post("/workflows/import", "application/json", valid), 415);
        assertProblem(lms.post("/workflows/import", "text/plain", valid), 415);
        assertProblem(lms.post("/workflows/import", null, valid), 415);
        assertProblem(lms.sendHeadersFirst("POST", "/workflows/import", XML, valid + " ".repeat(5 * 1024 * 1024)), 413);
        assertEquals(before, newestWorkflowId());
    }

    @Test
    public void unknownIdsAreNotFoundAndSayNoMore() {
        long missing = 9_000_000_000L + newId();
        for (String path : List.of("/workflows/" + missing, "/workflows/" + missing + "/export?format=dot",
                "/workflows/" + missing + "/simulation?roles=teacher", "/workflow-records/" + missing,
                "/workflow-records/" + missing + "/history", "/workflow-records/" + missing + "/access?userId=1")) {
            Http.Answer a = lms.get(path);
            assertProblem(a, 404);
            Set<String> fields = new HashSet<>();
            a.json().fieldNames().forEachRemaining(fields::add);
            assertEquals(path, Set.of("type", "title", "status", "detail"), fields);
        }
        assertProblem(lms.postJson("/workflow-records/" + missing + "/actions",
                "{\"action\":\"submit\",\"userId\":1,\"roles\":[]}"), 404);
        assertProblem(lms.post("/workflows/templates/no_such_template", "application/json", "{}"), 404);
    }

    // ------------------------------------------------------------------ diagrams, templates, simulator

    @Test
    public void diagramsMentionEveryState() {
        long id = createWorkflow(DOCUMENT_PUBLISHING).get("id").asLong();

        Http.Answer mermaid = lms.get("/workflows/" + id + "/export?format=mermaid");
        Http.Answer dot = lms.get("/workflows/" + id + "/export?format=dot");

        assertEquals(200, mermaid.status());
        assertTrue(mermaid.contentType(), mermaid.contentType().startsWith("text/plain"));
        assertEquals(200, dot.status());
        assertTrue(dot.contentType(), dot.contentType().startsWith("text/vnd.graphviz"));
        for (String state : List.of("visible", "pending", "private", "published")) {
            assertTrue(mermaid.body(), mermaid.body().contains(state));
            assertTrue(dot.body(), dot.body().contains(state));
        }
        assertTrue(dot.body(), dot.body().contains("digraph"));
        assertEquals(List.of("format"), errorFields(lms.get("/workflows/" + id + "/export?format=svg")));
    }

    /**
     * Titles in several languages through the JSON format, the stored definition, the diagrams and the
     * simulator; then the records of the workflow move to its next version by a migration job.
     */
    @Test
    public void titlesInALanguageAndAMigrationRunAsAJob() throws Exception {
        String translated = DOCUMENT_PUBLISHING
                .replace("\"title\": \"Visible\",", "\"title\": \"Visible\", \"titles\": {\"de\": \"Sichtbar\", \"PT_br\": \"Visível\"},")
                .replace("\"title\": \"Publish\",", "\"title\": \"Publish\", \"titles\": {\"de\": \"Veröffentlichen\"},");
        JsonNode w = createWorkflow(translated);
        long id = w.get("id").asLong();
        assertEquals("Sichtbar", w.get("states").get(0).get("titles").get("de").asText());
        assertEquals("Visível", lms.get("/workflows/" + id).json().get("states").get(0).get("titles").get("pt-BR").asText());
        assertFalse(w.get("states").get(1).has("titles"));

        String mermaid = lms.get("/workflows/" + id + "/export/mermaid?lang=de-AT").body();
        assertTrue(mermaid, mermaid.contains("\"Sichtbar\"") && mermaid.contains("Veröffentlichen")
                && mermaid.contains("\"Pending\""));
        assertTrue(lms.get("/workflows/" + id + "/export?format=dot&lang=pt-BR").body().contains("Visível"));
        JsonNode sim = lms.get("/workflows/" + id + "/simulation?roles=teacher&lang=de").json();
        assertEquals("de", sim.get("lang").asText());
        assertEquals("Sichtbar", sim.get("items").get(0).get("title").asText());
        assertEquals("Veröffentlichen", sim.get("items").get(1).get("actionTitles").get("publish").asText());
        assertEquals(List.of("lang"), errorFields(lms.get("/workflows/" + id + "/simulation?lang=12")));

        String course = "course-" + newId();
        List<Long> records = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            records.add(created(lms.postJson("/workflow-records", "{\"workflowId\":" + id + ",\"lmsRecordId\":"
                    + newId() + ",\"courseId\":\"" + course + "\",\"activityId\":7,\"authorId\":5}"),
                    "/workflow-records").get("id").asLong());
        }
        Http.Answer revised = admin.send("PUT", "/workflows/" + id, "application/json", translated);
        assertEquals(revised.toString(), 201, revised.status());
        long v2 = revised.json().get("id").asLong();

        Http.Answer started = lms.postJson("/workflows/" + id + "/migrations", "{\"toWorkflowId\":" + v2
                + ",\"stateMap\":{\"visible\":\"visible\"},\"courseId\":\"" + course + "\"}");
        assertEquals(started.toString(), 202, started.status());
        long job = started.json().get("job").get("id").asLong();
        assertEquals("/campus/api/v1/jobs/" + job, started.header("Location"));
        assertEquals(3, started.json().get("records").asLong());
        assertEquals("workflow-migration", started.json().get("job").get("type").asText());

        JsonNode state = Await.until("migration job " + job + " ended", Duration.ofSeconds(120),
                () -> admin.get("/jobs/" + job).json(),
                j -> List.of("completed", "failed", "cancelled").contains(j.get("state").asText()));
        assertEquals(String.valueOf(state), "completed", state.get("state").asText());
        for (long record : records) {
            assertEquals(v2, lms.get("/workflow-records/" + record).json().get("workflowId").asLong());
            JsonNode history = lms.get("/workflow-records/" + record + "/history").json().get("items");
            assertEquals("migrate", history.get(history.size() - 1).get("action").asText());
        }
    }

    @Test
    public void templatesAndTheSimulator() {
        JsonNode templates = lms.get("/workflows/templates").json().get("items");
        List<String> keys = new ArrayList<>();
        templates.forEach(t -> keys.add(t.get("key").asText()));
        assertEquals(List.of("document_publishing", "application_approval"), keys);

        JsonNode w = created(admin.send("POST", "/workflows/templates/application_approval", null, null), "/workflows");
        assertEquals("application_approval", w.get("key").asText());
        assertEquals("editing", w.get("initialState").asText());
        assertEquals(8, w.get("states").size());

        JsonNode sim = lms.get("/workflows/" + w.get("id").asLong() + "/simulation?roles=teacher").json();
        assertEquals(List.of("teacher"), texts(sim.get("roles")));
        assertEquals(8, sim.get("items").size());
        JsonNode submitted = sim.get("items").get(1);
        assertEquals("submitted", submitted.get("state").asText());
        assertTrue(texts(submitted.get("actions")).containsAll(List.of("approve", "reject", "retract")));
        JsonNode editing = sim.get("items").get(0);
        assertEquals(List.of(), texts(editing.get("permissions")));
        assertTrue(texts(editing.get("authorPermissions")).contains("edit"));
    }

    @Test
    public void viewersReadAndOnlyAdminsAndTheScopeChange() {
        Http.Answer key = admin.postJson("/api-keys", "{\"name\":\"it-workflow-shares\",\"scopes\":[\"share-progress\"]}");
        assertEquals(key.toString(), 201, key.status());
        Http shares = Http.withAuthorization("Bearer " + key.json().get("secret").asText());
        long id = createWorkflow(DOCUMENT_PUBLISHING).get("id").asLong();

        assertProblem(shares.get("/workflows/" + id), 403);
        assertProblem(shares.postJson("/workflows", DOCUMENT_PUBLISHING), 403);
        assertEquals(shares.get("/workflows/" + id).body(), shares.get("/workflows/999999999999").body());
        assertEquals(200, admin.get("/workflows/" + id).status());
        assertEquals(204, admin.delete("/api-keys/" + key.json().get("id").asText()).status());

        JsonNode audit = admin.get("/audit?action=" + HostileCases.query("a", "POST /workflows").substring(2)).json()
                .get("items");
        assertTrue(audit.toString(), audit.size() > 0);
    }
}
