package org.campus.core.internal.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.campus.api.ConflictException;
import org.campus.api.FieldError;
import org.campus.api.ForbiddenException;
import org.campus.api.InvalidInputException;
import org.campus.api.NotFoundException;
import org.campus.api.PageRequest;
import org.campus.api.workflow.ActionDef;
import org.campus.api.workflow.ActionRequest;
import org.campus.api.workflow.BindingChange;
import org.campus.api.workflow.BindingScope;
import org.campus.api.workflow.HistoryEntry;
import org.campus.api.workflow.LmsId;
import org.campus.api.workflow.MigrationPlan;
import org.campus.api.workflow.MigrationJob;
import org.campus.api.workflow.NewBinding;
import org.campus.api.workflow.NewRecord;
import org.campus.api.workflow.PlanOption;
import org.campus.api.workflow.RecordAccess;
import org.campus.api.workflow.RecordMigration;
import org.campus.api.workflow.RecordVisibility;
import org.campus.api.workflow.StateDef;
import org.campus.api.workflow.Workflow;
import org.campus.api.workflow.WorkflowBinding;
import org.campus.api.workflow.WorkflowDefinition;
import org.campus.api.workflow.WorkflowRecord;
import org.campus.api.workflow.WorkflowService;
import org.campus.api.workflow.Worklist;
import org.campus.api.workflow.WorklistItem;
import org.campus.api.workflow.WorklistQuery;
import org.campus.core.internal.db.TestDatabase;
import org.campus.core.internal.event.Events;
import org.campus.core.internal.event.RecordingEventAdmin;
import org.campus.core.internal.workflow.model.WorkflowTemplates;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.service.event.Event;

/**
 * Versions, migrations (as jobs on the real engine), bindings with their plans, per-record overrides
 * and worklists, on real Derby (or PostgreSQL with campus.test.jdbcUrl).
 */
class WorkflowVersionsTest {

    private final TestDatabase db = new TestDatabase();
    private final RecordingEventAdmin eventAdmin = new RecordingEventAdmin();
    private final MigrationJobs jobs = new MigrationJobs(db, Events.unfiltered(eventAdmin), 500);
    private final WorkflowServiceImpl service = new WorkflowServiceImpl(db.transactions(), Events.unfiltered(eventAdmin),
            db.dataSource(), jobs.engine, Clock.systemUTC());
    private final WorkflowPrivacyProvider privacy = new WorkflowPrivacyProvider(db.transactions(), db.dataSource());

    @AfterEach
    void close() {
        jobs.close();
        db.close();
    }

    /** Starts a migration and waits until its job completed. */
    private MigrationJob migrated(long from, RecordMigration migration) {
        MigrationJob started = service.migrate(from, migration);
        jobs.awaitCompleted(started.job().id());
        return started;
    }

    /** Binds, and waits until the migration job the binding started, if any, completed. */
    private BindingChange bound(NewBinding binding) {
        BindingChange change = service.bind(binding);
        if (change.migration() != null) {
            jobs.awaitCompleted(change.migration().job().id());
        }
        return change;
    }

    private Workflow publishing() {
        return service.createFromTemplate(WorkflowTemplates.DOCUMENT_PUBLISHING);
    }

    private Workflow approval() {
        return service.createFromTemplate(WorkflowTemplates.APPLICATION_APPROVAL);
    }

    private WorkflowRecord record(Long workflowId, String course, String activity, String author) {
        return service.createRecord(new NewRecord(workflowId, LmsId.of("r" + System.nanoTime()), LmsId.of(course),
                LmsId.of(activity), LmsId.of(author)));
    }

    private WorkflowRecord submitted(long workflowId, String course, String activity, String author) {
        WorkflowRecord r = record(workflowId, course, activity, author);
        return service.perform(r.id(), as("submit", author));
    }

    private static ActionRequest as(String action, String user, String... roles) {
        return new ActionRequest(action, LmsId.of(user), List.of(roles), null);
    }

    private WorkflowRecord reread(WorkflowRecord r) {
        return service.findRecord(r.id()).orElseThrow();
    }

    private static Set<String> fields(InvalidInputException e) {
        return e.errors().stream().map(FieldError::field).collect(Collectors.toSet());
    }

    /** The publishing template with one more state, "archived", reached from "published". */
    private static WorkflowDefinition withArchive(WorkflowDefinition d) {
        List<StateDef> states = new ArrayList<>(d.states());
        states.add(StateDef.of("archived", "Archived", null, Map.of("teacher", List.of("view"))));
        List<ActionDef> actions = new ArrayList<>(d.actions());
        actions.add(ActionDef.of("archive", "Archive", null, List.of("published"), "archived", List.of("teacher")));
        return WorkflowDefinition.of(d.title() + " (archiving)", d.description(), d.initialState(), states, actions);
    }

    // ---- versions

    @Test
    void aRevisionIsANewVersionAndRecordsStayOnTheirs() {
        Workflow v1 = publishing();
        assertEquals(v1.id(), v1.familyId());
        assertEquals(1, v1.version());
        WorkflowRecord r = submitted(v1.id(), "c1", "a1", "5");

        Workflow v2 = service.revise(v1.id(), withArchive(v1.definition()));
        assertEquals(v1.familyId(), v2.familyId());
        assertEquals(2, v2.version());
        assertEquals(v1.key(), v2.key());
        assertTrue(v2.definition().findState("archived").isPresent());
        // the stored first version did not change, nor did its record
        assertTrue(service.find(v1.id()).orElseThrow().definition().findState("archived").isEmpty());
        WorkflowRecord again = reread(r);
        assertEquals(v1.id(), again.workflowId());
        assertEquals("pending", again.state());
        assertEquals(r.version(), again.version());
        assertEquals(2, service.history(r.id()).size());

        // revising an older version numbers the new one after the newest
        Workflow v3 = service.revise(v1.id(), v1.definition());
        assertEquals(3, v3.version());
        assertEquals(List.of(v1.id(), v2.id(), v3.id()),
                service.versions(v2.id()).stream().map(Workflow::id).toList());
        assertEquals(List.of(1, 2, 3), service.versions(v1.id()).stream().map(Workflow::version).toList());
        // a fresh service reads the family back from the table
        Workflow reread = new WorkflowServiceImpl(db.transactions(), Events.unfiltered(eventAdmin), db.dataSource()).find(v3.id()).orElseThrow();
        assertEquals(3, reread.version());
        assertEquals(v1.id(), reread.familyId());
    }

    @Test
    void aRevisionIsValidatedAndNeedsAnExistingWorkflow() {
        Workflow v1 = publishing();
        WorkflowDefinition bad = WorkflowDefinition.of("Bad", null, "nowhere", v1.definition().states(),
                v1.definition().actions());
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> service.revise(v1.id(), bad));
        assertTrue(fields(e).contains("initialState"), e.errors().toString());
        assertEquals(1, service.versions(v1.id()).size());
        assertThrows(NotFoundException.class, () -> service.revise(987654L, v1.definition()));
        assertThrows(NotFoundException.class, () -> service.versions(987654L));
    }

    // ---- migrations

    @Test
    void aMigrationMapsStatesWritesHistoryAndKeepsTheOldHistory() {
        Workflow v1 = publishing();
        WorkflowRecord visible = record(v1.id(), "c1", "a1", "5");
        WorkflowRecord pending = submitted(v1.id(), "c1", "a1", "6");
        WorkflowRecord otherCourse = record(v1.id(), "c2", "a9", "7");
        Workflow target = approval();

        MigrationJob result = service.migrate(v1.id(), new RecordMigration(target.id(),
                Map.of("visible", "editing", "pending", "submitted"), LmsId.of("c1"), null, "admin"));
        assertEquals(2, result.records());
        assertEquals(Map.of("visible", 1L, "pending", 1L), result.recordsByState());
        assertEquals(WorkflowService.JOB_TYPE_MIGRATION, result.job().type());
        assertEquals("admin", result.job().owner());
        assertEquals(Map.of("fromWorkflowId", Long.toString(v1.id()), "toWorkflowId", Long.toString(target.id()),
                "action", "migrate"), result.job().parameters());
        // before the job takes them, a visible record can be made private, a pending one published: neither is mapped
        assertEquals(2, result.warnings().size(), result.warnings().toString());
        assertTrue(result.warnings().get(0).contains("'private'"), result.warnings().toString());
        assertTrue(result.warnings().get(1).contains("'published'"), result.warnings().toString());
        jobs.awaitCompleted(result.job().id());

        WorkflowRecord v = reread(visible);
        assertEquals(target.id(), v.workflowId());
        assertEquals("editing", v.state());
        assertEquals(visible.version() + 1, v.version());
        WorkflowRecord p = reread(pending);
        assertEquals("submitted", p.state());
        // the other course was not asked for
        assertEquals(v1.id(), reread(otherCourse).workflowId());
        assertEquals("visible", reread(otherCourse).state());

        List<HistoryEntry> history = service.history(pending.id());
        assertEquals(List.of("submit", "migrate"), history.stream().skip(1).map(HistoryEntry::action).toList());
        HistoryEntry migrated = history.get(2);
        assertEquals("pending", migrated.from());
        assertEquals("submitted", migrated.to());
        assertEquals("admin", migrated.actor().value());
        assertTrue(migrated.comment().contains("workflow " + v1.id()) && migrated.comment().contains("workflow "
                + target.id()), migrated.comment());
        assertTrue(migrated.id() > history.get(1).id());

        // the moved record now follows its new workflow's rules
        WorkflowRecord approved = service.perform(pending.id(), as("approve", "9", "teacher"));
        assertEquals("approved", approved.state());
        // and JPA's own history ids do not collide with those the migration took from the sequence
        assertEquals(4, service.history(pending.id()).size());
    }

    @Test
    void aMigrationRefusesEveryUnmappedStateAndMovesNothing() {
        Workflow v1 = publishing();
        WorkflowRecord visible = record(v1.id(), "c1", "a1", "5");
        WorkflowRecord pending = submitted(v1.id(), "c1", "a1", "6");
        Workflow target = approval();

        InvalidInputException e = assertThrows(InvalidInputException.class, () -> service.migrate(v1.id(),
                new RecordMigration(target.id(), Map.of("visible", "nowhere"), null, null, null)));
        assertEquals(Set.of("stateMap.visible", "stateMap.pending"), fields(e));
        assertEquals(v1.id(), reread(visible).workflowId());
        assertEquals(v1.id(), reread(pending).workflowId());
        assertEquals(2, service.history(pending.id()).size());

        InvalidInputException unknown = assertThrows(InvalidInputException.class, () -> service.migrate(v1.id(),
                new RecordMigration(424242L, Map.of(), null, null, null)));
        assertEquals(Set.of("toWorkflowId"), fields(unknown));
        assertThrows(NotFoundException.class, () -> service.migrate(424242L,
                new RecordMigration(target.id(), Map.of(), null, null, null)));
        // states without records need no mapping
        MigrationJob none = migrated(target.id(), new RecordMigration(v1.id(), Map.of(), null, null, null));
        assertEquals(0, none.records());
    }

    @Test
    void anActionRacingWithAMigrationLosesInsteadOfLandingOnTheOldWorkflow() {
        Workflow v1 = publishing();
        Workflow v2 = service.revise(v1.id(), withArchive(v1.definition()));
        WorkflowRecord r = record(v1.id(), "c1", "a1", "5");
        service.afterRecordRead = () -> {
            service.afterRecordRead = () -> { };
            migrated(v1.id(), new RecordMigration(v2.id(), Map.of("visible", "visible"), null, null, "admin"));
        };
        assertThrows(ConflictException.class, () -> service.perform(r.id(), as("submit", "5")));
        WorkflowRecord now = reread(r);
        assertEquals(v2.id(), now.workflowId());
        assertEquals("visible", now.state());
        assertEquals(List.of("migrate"), service.history(r.id()).stream().skip(1).map(HistoryEntry::action).toList());
        // retried on the new version, the action goes through
        assertEquals("pending", service.perform(r.id(), as("submit", "5")).state());
    }

    @Test
    void oneRecordCanFollowAnotherWorkflowThanItsActivity() {
        Workflow w = publishing();
        Workflow other = approval();
        WorkflowRecord r = record(w.id(), "c1", "a1", "5");
        WorkflowRecord sibling = record(w.id(), "c1", "a1", "6");

        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> service.moveRecord(r.id(), other.id(), null, Map.of("pending", "submitted"), "admin"));
        assertEquals(Set.of("stateMap.visible"), fields(e));
        assertEquals(Set.of("state"), fields(assertThrows(InvalidInputException.class,
                () -> service.moveRecord(r.id(), other.id(), "visible", null, "admin"))));
        assertThrows(NotFoundException.class, () -> service.moveRecord(999999L, other.id(), "editing", null, null));

        WorkflowRecord moved = service.moveRecord(r.id(), other.id(), null, Map.of("visible", "editing"), "admin");
        assertEquals(other.id(), moved.workflowId());
        assertEquals("editing", moved.state());
        assertEquals(r.version() + 1, moved.version());
        assertEquals(w.id(), reread(sibling).workflowId());
        HistoryEntry last = service.history(r.id()).get(1);
        assertEquals("migrate", last.action());
        assertEquals("visible", last.from());
        assertEquals("editing", last.to());
        assertEquals("submitted", service.perform(r.id(), as("submit", "5")).state());
    }

    // ---- bindings

    @Test
    void theMostSpecificBindingDecidesANewRecordsWorkflow() {
        Workflow global = publishing();
        Workflow course = approval();
        Workflow activity = publishing();
        InvalidInputException none = assertThrows(InvalidInputException.class,
                () -> record(null, "c1", "a1", "5"));
        assertEquals(Set.of("workflowId"), fields(none));

        service.bind(new NewBinding(BindingScope.GLOBAL, null, null, global.id(), null, "admin"));
        service.bind(new NewBinding(BindingScope.COURSE, LmsId.of(2), null, course.id(), null, "admin"));
        BindingChange bound = service.bind(new NewBinding(BindingScope.ACTIVITY, LmsId.of(2), LmsId.of(17),
                activity.id(), null, "admin"));
        assertEquals(course.id(), bound.previousWorkflowId());
        assertEquals(0, bound.affected());
        assertEquals(BindingScope.ACTIVITY, bound.binding().scope());
        assertTrue(bound.binding().courseId().numeric());

        assertEquals(activity.id(), service.effectiveBinding(LmsId.of(2), LmsId.of(17)).orElseThrow().workflowId());
        assertEquals(course.id(), service.effectiveBinding(LmsId.of(2), LmsId.of(18)).orElseThrow().workflowId());
        assertEquals(global.id(), service.effectiveBinding(LmsId.of(3), LmsId.of(17)).orElseThrow().workflowId());
        assertEquals(global.id(), service.effectiveBinding(null, null).orElseThrow().workflowId());

        assertEquals(activity.id(), record(null, "2", "17", "5").workflowId());
        assertEquals(course.id(), record(null, "2", "18", "5").workflowId());
        assertEquals("editing", record(null, "2", "18", "5").state());
        assertEquals(global.id(), record(null, "3", "1", "5").workflowId());
        // an explicit workflow wins over every binding
        assertEquals(course.id(), record(course.id(), "2", "17", "5").workflowId());

        assertEquals(3, service.bindings(null, null).size());
        assertEquals(BindingScope.GLOBAL, service.bindings(null, null).get(0).scope());
        assertEquals(List.of(BindingScope.COURSE, BindingScope.ACTIVITY),
                service.bindings(LmsId.of(2), null).stream().map(WorkflowBinding::scope).toList());
        assertEquals(1, service.bindings(LmsId.of(2), LmsId.of(17)).size());
    }

    @Test
    void aBindingIsCheckedForItsScope() {
        Workflow w = publishing();
        assertEquals(Set.of("courseId"), fields(assertThrows(InvalidInputException.class, () -> service.bind(
                new NewBinding(BindingScope.GLOBAL, LmsId.of(2), null, w.id(), null, null)))));
        assertEquals(Set.of("activityId"), fields(assertThrows(InvalidInputException.class, () -> service.bind(
                new NewBinding(BindingScope.ACTIVITY, LmsId.of(2), null, w.id(), null, null)))));
        assertEquals(Set.of("scope", "workflowId"), fields(assertThrows(InvalidInputException.class,
                () -> service.bind(new NewBinding(null, null, null, 123456L, null, null)))));
        assertTrue(service.bindings(null, null).isEmpty());
    }

    @Test
    void changingTheWorkflowOfAnActivityWithRecordsNeedsAPlan() {
        Workflow old = publishing();
        Workflow next = approval();
        service.bind(new NewBinding(BindingScope.ACTIVITY, LmsId.of("c1"), LmsId.of("a1"), old.id(), null, null));
        WorkflowRecord visible = record(null, "c1", "a1", "5");
        WorkflowRecord pending = submitted(old.id(), "c1", "a1", "6");
        WorkflowRecord elsewhere = record(old.id(), "c1", "a2", "7");

        ConflictException refused = assertThrows(ConflictException.class, () -> service.bind(new NewBinding(
                BindingScope.ACTIVITY, LmsId.of("c1"), LmsId.of("a1"), next.id(), null, "admin")));
        assertTrue(refused.getMessage().startsWith("2 records"), refused.getMessage());
        assertTrue(refused.getMessage().contains("moveInitial"), refused.getMessage());
        assertEquals(old.id(), service.effectiveBinding(LmsId.of("c1"), LmsId.of("a1")).orElseThrow().workflowId());

        InvalidInputException unmapped = assertThrows(InvalidInputException.class, () -> service.bind(new NewBinding(
                BindingScope.ACTIVITY, LmsId.of("c1"), LmsId.of("a1"), next.id(),
                MigrationPlan.of(Map.of("visible", "editing")), "admin")));
        assertEquals(Set.of("plan.stateMap.pending"), fields(unmapped));
        assertEquals(old.id(), reread(visible).workflowId());

        BindingChange changed = bound(new NewBinding(BindingScope.ACTIVITY, LmsId.of("c1"), LmsId.of("a1"),
                next.id(), MigrationPlan.of(Map.of("visible", "editing", "pending", "submitted")), "admin"));
        assertEquals(next.id(), changed.migration().toWorkflowId());
        assertEquals(Map.of("pending", 1L, "visible", 1L), changed.migration().recordsByState());
        assertEquals(old.id(), changed.previousWorkflowId());
        assertEquals(2, changed.affected());
        assertEquals(next.id(), reread(visible).workflowId());
        assertEquals("editing", reread(visible).state());
        assertEquals("submitted", reread(pending).state());
        assertEquals("migrate", service.history(pending.id()).get(2).action());
        // another activity of the course did not follow this binding
        assertEquals(old.id(), reread(elsewhere).workflowId());
        assertEquals(1, service.bindings(LmsId.of("c1"), LmsId.of("a1")).size());
    }

    @Test
    void hiddenRecordsStayOnTheirWorkflowAndOnlyTheirAuthorSeesThem() {
        Workflow old = publishing();
        Workflow next = approval();
        service.bind(new NewBinding(BindingScope.COURSE, LmsId.of("c1"), null, old.id(), null, null));
        WorkflowRecord r = submitted(old.id(), "c1", "a1", "5");

        BindingChange changed = bound(new NewBinding(BindingScope.COURSE, LmsId.of("c1"), null, next.id(),
                MigrationPlan.of(PlanOption.HIDE), "admin"));
        assertEquals(1, changed.affected());
        WorkflowRecord hidden = reread(r);
        assertEquals(old.id(), hidden.workflowId());
        assertEquals("pending", hidden.state());
        assertEquals(RecordVisibility.HIDDEN, hidden.visibility());
        assertEquals(r.version() + 1, hidden.version());
        List<HistoryEntry> history = service.history(r.id());
        assertEquals(List.of("submit", "hide"), history.stream().skip(1).map(HistoryEntry::action).toList());
        assertEquals("pending", history.get(2).to());

        RecordAccess teacher = service.access(r.id(), LmsId.of("9"), List.of("teacher", "manager"));
        assertTrue(teacher.permissions().isEmpty());
        assertTrue(teacher.actions().isEmpty());
        RecordAccess author = service.access(r.id(), LmsId.of("5"), List.of("student"));
        assertEquals(List.of("view"), author.permissions());
        assertTrue(author.actions().isEmpty());
        assertThrows(ForbiddenException.class, () -> service.perform(r.id(), as("publish", "9", "teacher")));
        assertEquals(0, service.worklist(new WorklistQuery(LmsId.of("c1"), null, List.of("teacher")),
                PageRequest.first(10)).total());
        // new records of the course follow the new workflow
        assertEquals(next.id(), record(null, "c1", "a1", "6").workflowId());
        // migrated later, the record is visible again
        migrated(old.id(), new RecordMigration(next.id(), Map.of("pending", "submitted"), null, null, null));
        assertEquals(RecordVisibility.VISIBLE, reread(r).visibility());
        assertEquals("approved", service.perform(r.id(), as("approve", "9", "teacher")).state());
    }

    @Test
    void viewOnlyRecordsKeepOnlyTheViewPermission() {
        Workflow old = publishing();
        Workflow next = approval();
        service.bind(new NewBinding(BindingScope.GLOBAL, null, null, old.id(), null, null));
        WorkflowRecord r = submitted(old.id(), "c1", "a1", "5");
        // a course with its own binding does not follow the global one
        service.bind(new NewBinding(BindingScope.COURSE, LmsId.of("c2"), null, old.id(), null, null));
        WorkflowRecord own = record(null, "c2", "a1", "5");

        bound(new NewBinding(BindingScope.GLOBAL, null, null, next.id(), MigrationPlan.of(PlanOption.VIEW_ONLY),
                null));
        WorkflowRecord viewOnly = reread(r);
        assertEquals(RecordVisibility.VIEW_ONLY, viewOnly.visibility());
        assertEquals(RecordVisibility.VISIBLE, reread(own).visibility());
        RecordAccess teacher = service.access(r.id(), LmsId.of("9"), List.of("manager"));
        assertEquals(List.of("view"), teacher.permissions()); // manager had view and delete
        assertTrue(teacher.actions().isEmpty());
        assertEquals("system", service.history(r.id()).get(2).actor().value());
        assertEquals("viewOnly", service.history(r.id()).get(2).action());
        assertThrows(ForbiddenException.class, () -> service.perform(r.id(), as("retract", "5")));
    }

    @Test
    void moveInitialMovesTheInitialStateAndNeedsAMapForTheOthers() {
        Workflow old = publishing();
        Workflow next = approval();
        service.bind(new NewBinding(BindingScope.ACTIVITY, LmsId.of("c1"), LmsId.of("a1"), old.id(), null, null));
        WorkflowRecord visible = record(null, "c1", "a1", "5");
        WorkflowRecord pending = submitted(old.id(), "c1", "a1", "6");

        InvalidInputException e = assertThrows(InvalidInputException.class, () -> service.bind(new NewBinding(
                BindingScope.ACTIVITY, LmsId.of("c1"), LmsId.of("a1"), next.id(),
                MigrationPlan.of(PlanOption.MOVE_INITIAL), null)));
        assertEquals(Set.of("plan.stateMap.pending"), fields(e));
        assertTrue(e.errors().get(0).message().contains("moveInitial"), e.errors().toString());
        assertEquals(old.id(), reread(visible).workflowId());

        bound(new NewBinding(BindingScope.ACTIVITY, LmsId.of("c1"), LmsId.of("a1"), next.id(),
                new MigrationPlan(Map.of("pending", "submitted"), PlanOption.MOVE_INITIAL), null));
        assertEquals("editing", reread(visible).state());
        assertEquals(next.id(), reread(visible).workflowId());
        assertEquals("submitted", reread(pending).state());
        assertEquals(RecordVisibility.VISIBLE, reread(pending).visibility());
    }

    @Test
    void aCoursePurgeTakesItsBindingsAlong() {
        Workflow w = publishing();
        service.bind(new NewBinding(BindingScope.GLOBAL, null, null, w.id(), null, null));
        service.bind(new NewBinding(BindingScope.COURSE, LmsId.of("c1"), null, w.id(), null, null));
        service.bind(new NewBinding(BindingScope.ACTIVITY, LmsId.of("c1"), LmsId.of("a1"), w.id(), null, null));
        record(null, "c1", "a1", "5");
        assertEquals(1, privacy.deleteCourse("c1"));
        assertEquals(List.of(BindingScope.GLOBAL),
                service.bindings(null, null).stream().map(WorkflowBinding::scope).toList());
    }

    // ---- worklists

    @Test
    void aWorklistHoldsTheRecordsTheRolesMayActOnWithCounts() {
        Workflow w = publishing();
        WorkflowRecord draft = record(w.id(), "c1", "a1", "5"); // visible: only the author may act
        WorkflowRecord p1 = submitted(w.id(), "c1", "a1", "6");
        WorkflowRecord p2 = submitted(w.id(), "c1", "a2", "7");
        WorkflowRecord pub = service.perform(submitted(w.id(), "c1", "a2", "8").id(), as("publish", "9", "teacher"));
        submitted(w.id(), "c2", "a3", "5"); // another course
        Workflow other = approval();
        WorkflowRecord application = submitted(other.id(), "c1", "a1", "5");

        Worklist teacher = service.worklist(new WorklistQuery(LmsId.of("c1"), null, List.of("teacher")),
                PageRequest.first(50));
        assertEquals(List.of(p1.id(), p2.id(), pub.id(), application.id()),
                teacher.items().stream().map(i -> i.record().id()).toList());
        assertEquals(4, teacher.total());
        assertEquals(Map.of("pending", 2L, "published", 1L, "submitted", 1L), teacher.byState());
        assertEquals(Map.of("a1", 2L, "a2", 2L), teacher.byActivity());
        assertNull(teacher.next());
        WorklistItem first = teacher.items().get(0);
        assertEquals(List.of("publish"), first.actions());
        assertEquals(List.of("retract_published"), teacher.items().get(2).actions());
        assertEquals(List.of("approve", "reject", "retract"), teacher.items().get(3).actions());
        assertTrue(teacher.items().stream().noneMatch(i -> i.record().id() == draft.id()));

        // students may perform nothing but the author's actions: nothing waits for them
        Worklist student = service.worklist(new WorklistQuery(LmsId.of("c1"), null, List.of("student")),
                PageRequest.first(50));
        assertTrue(student.items().isEmpty());
        assertEquals(0, student.total());

        // one activity
        Worklist a2 = service.worklist(new WorklistQuery(LmsId.of("c1"), LmsId.of("a2"), List.of("editingteacher")),
                PageRequest.first(50));
        assertEquals(List.of(p2.id(), pub.id()), a2.items().stream().map(i -> i.record().id()).toList());
        assertEquals(Map.of("a2", 2L), a2.byActivity());
    }

    @Test
    void aFullPageMergesEveryStateAndActivityInIdOrder() {
        Workflow w = publishing();
        Workflow other = approval();
        List<Long> expected = new ArrayList<>();
        for (int i = 0; i < PageRequest.MAX_LIMIT + 20; i++) {
            expected.add(submitted(i % 2 == 0 ? w.id() : other.id(), "c1", "a" + (i % 7), "u" + i).id());
        }

        Worklist first = service.worklist(new WorklistQuery(LmsId.of("c1"), null, List.of("teacher")),
                PageRequest.first(PageRequest.MAX_LIMIT));
        Worklist second = service.worklist(new WorklistQuery(LmsId.of("c1"), null, List.of("teacher")),
                new PageRequest(PageRequest.MAX_LIMIT, first.next()));

        assertEquals(expected.subList(0, PageRequest.MAX_LIMIT),
                first.items().stream().map(i -> i.record().id()).toList());
        assertEquals(expected.subList(PageRequest.MAX_LIMIT, expected.size()),
                second.items().stream().map(i -> i.record().id()).toList());
        assertNull(second.next());
        assertEquals(expected.size(), first.total());
        assertEquals(7, first.byActivity().size());
        assertEquals(expected.size(), first.byActivity().values().stream().mapToLong(Long::longValue).sum());
    }

    @Test
    void aWorklistPagesInIdOrderAndCountsEveryPage() {
        Workflow w = publishing();
        Workflow other = approval();
        List<Long> expected = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            expected.add(submitted(i % 2 == 0 ? w.id() : other.id(), "c1", "a" + (i % 3), "u" + i).id());
        }
        List<Long> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Worklist page = service.worklist(new WorklistQuery(LmsId.of("c1"), null, List.of("manager")),
                    new PageRequest(2, cursor));
            assertTrue(page.items().size() <= 2);
            assertEquals(5, page.total());
            page.items().forEach(i -> seen.add(i.record().id()));
            cursor = page.next();
            pages++;
        } while (cursor != null);
        assertEquals(expected, seen);
        assertEquals(3, pages);

        assertEquals(Set.of("courseId"), fields(assertThrows(InvalidInputException.class, () -> service.worklist(
                new WorklistQuery(null, null, List.of("teacher")), PageRequest.first(10)))));
        assertThrows(InvalidInputException.class, () -> service.worklist(
                new WorklistQuery(LmsId.of("c1"), null, List.of("teacher")), new PageRequest(10, "garbage")));
    }
}
