package org.campus.core.internal.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.campus.api.ConflictException;
import org.campus.api.ForbiddenException;
import org.campus.api.InvalidInputException;
import org.campus.api.NotFoundException;
import org.campus.api.Page;
import org.campus.api.PageRequest;
import org.campus.api.workflow.ActionDef;
import org.campus.api.workflow.ActionRequest;
import org.campus.api.workflow.ExportFormat;
import org.campus.api.workflow.HistoryEntry;
import org.campus.api.workflow.LmsId;
import org.campus.api.workflow.NewRecord;
import org.campus.api.workflow.RecordAccess;
import org.campus.api.workflow.StateDef;
import org.campus.api.workflow.Workflow;
import org.campus.api.workflow.WorkflowDefinition;
import org.campus.api.workflow.WorkflowRecord;
import org.campus.core.internal.db.MutableClock;
import org.campus.core.internal.db.TestDatabase;
import org.campus.core.internal.event.Events;
import org.campus.core.internal.event.RecordingEventAdmin;
import org.campus.core.internal.workflow.model.WorkflowTemplates;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.service.event.Event;

class WorkflowServiceImplTest {

    private final TestDatabase db = new TestDatabase();
    private final RecordingEventAdmin eventAdmin = new RecordingEventAdmin();
    private final List<Event> posted = eventAdmin.events();
    private final WorkflowServiceImpl service = new WorkflowServiceImpl(db.transactions(), Events.unfiltered(eventAdmin), db.dataSource());
    private final WorkflowPrivacyProvider privacy = new WorkflowPrivacyProvider(db.transactions(), db.dataSource());

    @AfterEach
    void close() {
        db.close();
    }

    private WorkflowRecord newRecord(long workflowId, String author) {
        return service.createRecord(new NewRecord(workflowId, LmsId.of(17), LmsId.of("c-2"), LmsId.of(5),
                LmsId.of(author)));
    }

    private static ActionRequest as(String action, String user, String... roles) {
        return new ActionRequest(action, LmsId.of(user), List.of(roles), null);
    }

    @Test
    void createsFromTemplateAndReadsTheSameDefinitionBack() {
        Workflow w = service.createFromTemplate(WorkflowTemplates.DOCUMENT_PUBLISHING);
        assertEquals(WorkflowTemplates.DOCUMENT_PUBLISHING, w.key());
        assertEquals(Long.toString(w.id()), w.definition().id());
        WorkflowDefinition template = WorkflowTemplates.documentPublishing();
        // stored as DCWorkflow XML: the same states, permissions and actions come back
        assertEquals(template.actions(), w.definition().actions());
        assertEquals(template.initialState(), w.definition().initialState());
        for (StateDef s : template.states()) {
            StateDef stored = w.definition().findState(s.id()).orElseThrow();
            assertEquals(new java.util.HashMap<>(s.permissions()), new java.util.HashMap<>(stored.permissions()));
        }
        // a fresh service has an empty cache: the definition comes back from the stored XML alike
        Workflow reread = new WorkflowServiceImpl(db.transactions(), Events.unfiltered(eventAdmin), db.dataSource()).find(w.id()).orElseThrow();
        assertEquals(w.definition(), reread.definition());
        assertThrows(NotFoundException.class, () -> service.createFromTemplate("nope"));
    }

    @Test
    void importsEveryStateMachineOfAUmlFileAndStoresThemWithTheirWarnings() throws IOException {
        byte[] model;
        try (InputStream in = getClass().getResourceAsStream("/uml/tools/papyrus/folder.uml")) {
            model = in.readAllBytes();
        }

        List<Workflow> imported = service.importUml(model);

        assertEquals(List.of("folder_workflow", "review_workflow"), imported.stream().map(Workflow::key).toList());
        assertEquals(imported.get(0).id() + 1, imported.get(1).id());
        for (Workflow w : imported) {
            assertEquals(w, service.find(w.id()).orElseThrow(), "as stored, warnings included");
            assertEquals(w.id(), w.familyId());
            assertEquals(1, w.version());
        }
        assertTrue(imported.get(0).warnings().stream().anyMatch(s -> s.contains("drawn more than once")),
                imported.get(0).warnings().toString());
        assertEquals(List.of("hide", "publish", "retract", "show"),
                imported.get(0).definition().actions().stream().map(ActionDef::id).toList());
        WorkflowRecord r = newRecord(imported.get(0).id(), "5");
        assertEquals("visible", r.state());
        assertEquals("private", service.perform(r.id(), as("hide", "5")).state(),
                "the guard permission Modify portal content is edit, which the author holds in visible");
    }

    @Test
    void aUmlFileWithoutAnImportableMachineStoresNothing() {
        byte[] model = ("<xmi:XMI xmi:version='2.1' xmlns:xmi='http://schema.omg.org/spec/XMI/2.1'"
                + " xmlns:uml='http://schema.omg.org/spec/UML/2.1'><uml:Model xmi:id='m' name='m'>"
                + "<packagedElement xmi:type='uml:StateMachine' xmi:id='sm' name='empty'/></uml:Model></xmi:XMI>")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);

        InvalidInputException e = assertThrows(InvalidInputException.class, () -> service.importUml(model));

        assertEquals("state machine 'empty' cannot be imported: it has no states", e.errors().get(0).message());
        assertTrue(service.list(PageRequest.first(10)).items().isEmpty());
    }

    @Test
    void refusesAnInvalidDefinitionNamingTheProblems() {
        WorkflowDefinition bad = WorkflowDefinition.of("Bad", null, "missing",
                List.of(StateDef.of("a", "A", null, Map.of())),
                List.of(ActionDef.of("go", "Go", null, List.of("a"), "nowhere", List.of("teacher"))));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> service.create(bad));
        assertTrue(e.errors().stream().anyMatch(f -> f.field().equals("initialState")), e.errors().toString());
        assertTrue(e.errors().stream().anyMatch(f -> f.field().startsWith("actions[0]")), e.errors().toString());
        assertTrue(service.list(PageRequest.first(10)).items().isEmpty());
    }

    @Test
    void performsActionsAndKeepsTheHistoryOldestFirst() {
        Workflow w = service.createFromTemplate(WorkflowTemplates.DOCUMENT_PUBLISHING);
        WorkflowRecord r = newRecord(w.id(), "5");
        assertEquals("visible", r.state());
        assertTrue(r.lmsRecordId().numeric());
        assertFalse(r.courseId().numeric());
        WorkflowRecord submitted = service.perform(r.id(), new ActionRequest("submit", LmsId.of(5), List.of("student"), "please"));
        assertEquals("pending", submitted.state());
        assertEquals(r.version() + 1, submitted.version());
        WorkflowRecord published = service.perform(r.id(), as("publish", "9", "teacher"));
        assertEquals("published", published.state());

        List<HistoryEntry> history = service.history(r.id());
        assertEquals(3, history.size());
        assertNull(history.get(0).action());
        assertEquals("visible", history.get(0).to());
        assertEquals("submit", history.get(1).action());
        assertEquals("please", history.get(1).comment());
        assertEquals(LmsId.of(5), history.get(1).actor());
        assertEquals("pending", history.get(2).from());
        assertEquals("publish", history.get(2).action());
        assertEquals(List.of("campus/workflow/RECORD_CREATED", "campus/workflow/ACTION_PERFORMED",
                "campus/workflow/ACTION_PERFORMED"), posted.stream().map(Event::getTopic).toList());
    }

    @Test
    void authorOnlyActionsAndRolesAreEnforced() {
        Workflow w = service.createFromTemplate(WorkflowTemplates.DOCUMENT_PUBLISHING);
        WorkflowRecord r = newRecord(w.id(), "5");
        // submit is the author's: a teacher who is not the author may not
        assertThrows(ForbiddenException.class, () -> service.perform(r.id(), as("submit", "9", "teacher", "manager")));
        service.perform(r.id(), as("submit", "5"));
        // publish needs a reviewer role: the author as a student may not
        assertThrows(ForbiddenException.class, () -> service.perform(r.id(), as("publish", "5", "student")));
        assertEquals("pending", service.findRecord(r.id()).orElseThrow().state());
        assertEquals(2, service.history(r.id()).size());

        RecordAccess teacher = service.access(r.id(), LmsId.of("9"), List.of("teacher"));
        assertEquals(List.of("publish"), teacher.actions());
        assertTrue(teacher.mayView());
        assertFalse(teacher.mayEdit());
        RecordAccess author = service.access(r.id(), LmsId.of(5), List.of());
        assertTrue(author.author());
        assertEquals(List.of("hide", "retract"), author.actions());
    }

    @Test
    void conflictForAnActionNotFromTheStateAndBadInputForAnUnknownOne() {
        Workflow w = service.createFromTemplate(WorkflowTemplates.DOCUMENT_PUBLISHING);
        WorkflowRecord r = newRecord(w.id(), "5");
        assertThrows(ConflictException.class, () -> service.perform(r.id(), as("publish", "9", "teacher")));
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> service.perform(r.id(), as("fly", "5")));
        assertEquals("action", e.errors().get(0).field());
        assertThrows(NotFoundException.class, () -> service.perform(999_999, as("submit", "5")));
        InvalidInputException nul = assertThrows(InvalidInputException.class, () -> service.perform(r.id(),
                new ActionRequest("submit", LmsId.of(5), List.of(), "a\u0000b")));
        assertEquals("comment", nul.errors().get(0).field());
        assertEquals(1, service.history(r.id()).size());
    }

    @Test
    void unknownWorkflowIsBadInputNamingWorkflowId() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> newRecord(424_242, "5"));
        assertEquals("workflowId", e.errors().get(0).field());
        InvalidInputException blank = assertThrows(InvalidInputException.class, () -> service.createRecord(
                new NewRecord(1, LmsId.of(""), LmsId.of(1), LmsId.of(1), LmsId.of("x".repeat(256)))));
        assertEquals(List.of("lmsRecordId", "authorId", "workflowId"),
                blank.errors().stream().map(f -> f.field()).toList());
        // what PostgreSQL cannot store (NUL) and what an id must not hold (control characters) is bad input on both
        InvalidInputException control = assertThrows(InvalidInputException.class, () -> service.createRecord(
                new NewRecord(1, LmsId.of("r\u0000"), LmsId.of("c\n2"), LmsId.of(1), LmsId.of(1))));
        assertEquals(List.of("lmsRecordId", "courseId"), control.errors().stream().map(f -> f.field()).limit(2).toList());
    }

    @Test
    void theSecondOfTwoConcurrentActionsLosesWithAConflict() {
        Workflow w = service.createFromTemplate(WorkflowTemplates.DOCUMENT_PUBLISHING);
        WorkflowRecord r = newRecord(w.id(), "5");
        // while "submit" has read the record, another transaction hides it and commits
        service.afterRecordRead = () -> {
            service.afterRecordRead = () -> { };
            service.perform(r.id(), as("hide", "5"));
        };
        assertThrows(ConflictException.class, () -> service.perform(r.id(), as("submit", "5")));
        WorkflowRecord now = service.findRecord(r.id()).orElseThrow();
        assertEquals("private", now.state());
        List<HistoryEntry> history = service.history(r.id());
        assertEquals(List.of("hide"), history.stream().skip(1).map(HistoryEntry::action).toList());
    }

    @Test
    void importsPloneWorkflowsAndExportsThemAgain() throws IOException {
        for (String name : List.of("simple_publication_workflow", "folder_workflow")) {
            byte[] xml;
            try (InputStream in = getClass().getResourceAsStream("/dcworkflow/" + name + ".xml")) {
                xml = in.readAllBytes();
            }
            Workflow w = service.importDcWorkflow(xml);
            assertEquals(name, w.key());
            String exported = service.export(w.id(), ExportFormat.DCWORKFLOW);
            assertTrue(exported.contains("workflow_id=\"" + name + "\""), exported);
            Workflow again = service.importDcWorkflow(exported.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            assertEquals(w.definition().withId(null), again.definition().withId(null));
            assertTrue(service.export(w.id(), ExportFormat.MERMAID).startsWith("stateDiagram"));
            assertTrue(service.export(w.id(), ExportFormat.DOT).startsWith("digraph"));
        }
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> service.importDcWorkflow(
                "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><dc-workflow>&e;</dc-workflow>".getBytes()));
        assertEquals("body", e.errors().get(0).field());
        Page<Workflow> page = service.list(PageRequest.first(1));
        assertEquals(1, page.items().size());
        assertEquals(3, service.list(new PageRequest(10, page.next())).items().size());
    }

    @Test
    void workflowsOfTwoNodesListNewestFirstByTimeThenId() {
        MutableClock clock = new MutableClock(Instant.parse("2026-04-01T08:00:00Z"));
        WorkflowServiceImpl here = new WorkflowServiceImpl(db.transactions(), Events.unfiltered(eventAdmin),
                db.dataSource(), clock);
        WorkflowServiceImpl there = new WorkflowServiceImpl(db.otherNode(), Events.unfiltered(eventAdmin),
                db.dataSource(), clock);
        Workflow first = here.createFromTemplate(WorkflowTemplates.DOCUMENT_PUBLISHING);
        Workflow second = there.createFromTemplate(WorkflowTemplates.DOCUMENT_PUBLISHING); // the other node's block
        clock.now = clock.now.plusSeconds(1);
        Workflow newest = here.createFromTemplate(WorkflowTemplates.APPLICATION_APPROVAL);
        assertTrue(second.id() > newest.id(), "ids come in blocks per node: " + second.id() + ", " + newest.id());

        List<Long> paged = new ArrayList<>();
        String cursor = null;
        do {
            Page<Workflow> page = (paged.isEmpty() ? there : here).list(new PageRequest(1, cursor));
            page.items().forEach(w -> paged.add(w.id()));
            cursor = page.next();
        } while (cursor != null);
        assertEquals(List.of(newest.id(), second.id(), first.id()), paged);
    }

    @Test
    void privacyExportsErasesUsersAndPurgesCourses() {
        Workflow w = service.createFromTemplate(WorkflowTemplates.DOCUMENT_PUBLISHING);
        WorkflowRecord mine = newRecord(w.id(), "5");
        WorkflowRecord other = newRecord(w.id(), "6");
        service.perform(other.id(), as("submit", "6"));
        service.perform(other.id(), as("publish", "5", "teacher"));
        assertEquals(List.of("record", "action"), privacy.exportUser("5").records().stream().map(m -> m.get("kind")).toList());
        assertEquals(1, privacy.deleteUser("5"));
        assertTrue(service.findRecord(mine.id()).isEmpty());
        HistoryEntry publish = service.history(other.id()).get(2);
        assertEquals("publish", publish.action());
        assertNull(publish.actor());
        assertTrue(privacy.exportUser("5").records().isEmpty());
        assertEquals(1, privacy.deleteCourse("c-2"));
        assertTrue(service.findRecord(other.id()).isEmpty());
    }
}
