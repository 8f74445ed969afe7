package org.campus.core.internal.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;


import org.campus.api.NotFoundException;
import org.campus.api.PageRequest;
import org.campus.api.security.ActorKind;
import org.campus.api.security.AuditEntry;
import org.campus.api.security.AuditQuery;
import org.campus.api.security.AuditedChange;
import org.campus.api.sharing.NewShare;
import org.campus.api.sharing.ShareProgress;
import org.campus.api.sharing.ShareProgressService;
import org.campus.api.sharing.ShareStatus;
import org.campus.api.sharing.ShareType;
import org.campus.api.workflow.ActionRequest;
import org.campus.api.workflow.LmsId;
import org.campus.api.workflow.NewRecord;
import org.campus.api.workflow.Workflow;
import org.campus.api.workflow.WorkflowRecord;
import org.campus.api.workflow.WorkflowService;
import org.campus.core.internal.db.ChangeScopes;
import org.campus.core.internal.db.FailingCommits;
import org.campus.core.internal.db.TestDatabase;
import org.campus.core.internal.event.Events;
import org.campus.core.internal.event.RecordingEventAdmin;
import org.campus.core.internal.security.AuditServiceImpl;
import org.campus.core.internal.sharing.ShareProgressServiceImpl;
import org.campus.core.internal.workflow.model.WorkflowTemplates;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.service.event.Event;

/**
 * An LMS change and its audit entry commit in one transaction (AuditService.begin): both are stored,
 * or neither; events follow the commit; reads inside the change see its pending writes; and
 * {@code record} outside a change still goes through the group commit. On the production persistence
 * settings of the other core tests (Derby, or PostgreSQL with {@value TestDatabase#JDBC_URL}).
 */
class ChangeWithItsAuditEntryTest {

    private final TestDatabase db = new TestDatabase();
    private final FailingCommits failingCommits = new FailingCommits(db.dataSource());
    private final ChangeScopes scopes = new ChangeScopes();
    private final RecordingEventAdmin eventAdmin = new RecordingEventAdmin();
    private final List<Event> posted = eventAdmin.events();
    private final Events events = Events.unfiltered(eventAdmin, scopes);
    // the services' DS constructors: the schema is only a start-order reference
    private final AuditServiceImpl audit = new AuditServiceImpl(null, failingCommits, scopes);
    private final ShareProgressServiceImpl shares = new ShareProgressServiceImpl(events, null, failingCommits, scopes);
    private final WorkflowServiceImpl workflows = new WorkflowServiceImpl(db.transactions(), events, failingCommits, null,
            java.time.Clock.systemUTC(), scopes);

    @AfterEach
    void close() {
        db.close();
    }

    private AuditedChange begin(String action) {
        return audit.begin("moodle (key k1)", ActorKind.LMS, action, "10.0.0.7");
    }

    private List<AuditEntry> entries() {
        return audit.query(AuditQuery.all(), PageRequest.first(100)).items();
    }

    private List<String> topics() {
        return posted.stream().map(Event::getTopic).toList();
    }

    @Test
    void aChangeAndItsEntryCommitTogetherAndItsEventsFollowTheCommit() {
        ShareProgress started;
        try (AuditedChange change = begin("POST /share-progress")) {
            assertFalse(change.pending(), "nothing written yet");
            started = shares.start(new NewShare(3, 4, ShareType.ACTIVITY, 5L));
            ShareProgress sent = shares.markSent(started.id(), "https://moodle.example/r/1");
            assertEquals(ShareStatus.SENT, sent.status(), "a second write joins the first one's transaction");
            assertTrue(change.pending());
            assertTrue(posted.isEmpty(), "no event before the commit: " + topics());

            change.complete("/share-progress/" + started.id(), "HTTP 201");

            assertEquals(List.of(ShareProgressService.TOPIC_STARTED, ShareProgressService.TOPIC_SENT), topics(),
                    "the events once the change committed, in order");
        }
        assertEquals(ShareStatus.SENT, shares.find(started.id()).orElseThrow().status());
        assertEquals(2, shares.timeline(started.id()).size());
        List<AuditEntry> entries = entries();
        assertEquals(1, entries.size());
        assertEquals("POST /share-progress", entries.get(0).action());
        assertEquals("/share-progress/" + started.id(), entries.get(0).target());
        assertEquals("moodle (key k1)", entries.get(0).actor());
        assertEquals(ActorKind.LMS, entries.get(0).actorKind());
        assertEquals("10.0.0.7", entries.get(0).remoteAddress());
        assertEquals("HTTP 201", entries.get(0).detail());
        assertEquals(0, failingCommits.failed());
    }

    @Test
    void readsInsideTheChangeSeeItsPendingWriteAndCloseWithoutCompleteRollsItBack() {
        ShareProgress started;
        try (AuditedChange change = begin("POST /share-progress")) {
            started = shares.start(new NewShare(3, 4, ShareType.ACTIVITY, 5L));
            assertEquals(started, shares.find(started.id()).orElseThrow(), "the pending share is read back");
            assertEquals(1, shares.timeline(started.id()).size());
            assertTrue(change.pending());
        }
        assertTrue(shares.find(started.id()).isEmpty(), "rolled back");
        assertTrue(posted.isEmpty(), "no event for a change that was not made: " + topics());
        assertTrue(entries().isEmpty());
        assertNull(scopes.current(), "the change is over on this thread");
    }

    @Test
    void aFailingAuditWriteLeavesNeitherTheChangeNorTheEntry() {
        ShareProgress started;
        try (AuditedChange change = begin("POST /share-progress")) {
            started = shares.start(new NewShare(3, 4, ShareType.ACTIVITY, 5L));
            failingCommits.failPreparing("INSERT INTO audit_entry");

            RuntimeException e = assertThrows(RuntimeException.class,
                    () -> change.complete("/share-progress/" + started.id(), "HTTP 201"));
            assertTrue(e.getMessage().contains("not made"), e.getMessage());
        }
        failingCommits.failPreparing(null);
        assertTrue(shares.find(started.id()).isEmpty(), "the change was rolled back with its entry");
        assertTrue(entries().isEmpty());
        assertTrue(posted.isEmpty(), topics().toString());
        assertNull(scopes.current());
    }

    @Test
    void aFailingCommitLeavesNeitherTheChangeNorTheEntry() {
        Workflow w = workflows.createFromTemplate(WorkflowTemplates.DOCUMENT_PUBLISHING);
        WorkflowRecord created;
        try (AuditedChange change = begin("POST /workflow-records")) {
            created = workflows.createRecord(new NewRecord(w.id(), LmsId.of(17), LmsId.of("c-2"), LmsId.of(5),
                    LmsId.of("5")));
            failingCommits.failNext(1);

            assertThrows(RuntimeException.class, () -> change.complete("/workflow-records/" + created.id(), "HTTP 201"));
        }
        assertEquals(1, failingCommits.failed());
        assertTrue(workflows.findRecord(created.id()).isEmpty());
        assertThrows(NotFoundException.class, () -> workflows.history(created.id()));
        assertTrue(entries().isEmpty());
        assertTrue(posted.isEmpty(), topics().toString());
    }

    @Test
    void aWorkflowRecordAndItsActionsCommitWithTheirEntries() {
        Workflow w = workflows.createFromTemplate(WorkflowTemplates.DOCUMENT_PUBLISHING);
        WorkflowRecord created;
        try (AuditedChange change = begin("POST /workflow-records")) {
            created = workflows.createRecord(new NewRecord(w.id(), LmsId.of(17), LmsId.of("c-2"), LmsId.of(5),
                    LmsId.of("5")));
            assertEquals(created, workflows.findRecord(created.id()).orElseThrow());
            change.complete("/workflow-records/" + created.id(), "HTTP 201");
        }
        try (AuditedChange change = begin("POST /workflow-records/{id}/actions")) {
            WorkflowRecord submitted = workflows.perform(created.id(),
                    new ActionRequest("submit", LmsId.of(5), List.of("student"), "please"));
            assertEquals("pending", submitted.state());
            assertEquals(2, workflows.history(created.id()).size(), "the pending action is in the history read");
            assertEquals(List.of(WorkflowService.TOPIC_RECORD_CREATED), topics());
            change.complete("/workflow-records/" + created.id() + "/actions", "HTTP 200");
        }
        try (AuditedChange change = begin("POST /workflow-records/{id}/actions")) {
            workflows.perform(created.id(), new ActionRequest("publish", LmsId.of(9), List.of("teacher"), null));
            // closed without complete: the action is undone, its event never posted
        }

        assertEquals("pending", workflows.findRecord(created.id()).orElseThrow().state());
        assertEquals(2, workflows.history(created.id()).size());
        assertEquals(List.of(WorkflowService.TOPIC_RECORD_CREATED, WorkflowService.TOPIC_ACTION_PERFORMED), topics());
        assertEquals(List.of("POST /workflow-records/{id}/actions", "POST /workflow-records"),
                entries().stream().map(AuditEntry::action).toList());
    }

    @Test
    void aFailedWriteRollsBackTheWholeChangeWhichCannotComplete() {
        ShareProgress started;
        try (AuditedChange change = begin("POST /share-progress")) {
            started = shares.start(new NewShare(3, 4, ShareType.ACTIVITY, 5L));
            assertThrows(NotFoundException.class, () -> shares.markSent(999_999, "https://moodle.example/r/1"));

            assertThrows(IllegalStateException.class, () -> change.complete("/share-progress", "HTTP 200"));
        }
        assertTrue(shares.find(started.id()).isEmpty());
        assertTrue(entries().isEmpty());
        assertTrue(posted.isEmpty(), topics().toString());
    }

    @Test
    void oneChangeAtATimeOnAThread() {
        try (AuditedChange change = begin("POST /share-progress")) {
            assertThrows(IllegalStateException.class, () -> begin("POST /share-progress"));
        }
        try (AuditedChange again = begin("POST /share-progress")) {
            assertFalse(again.pending(), "a new change may begin once the first is closed");
        }
    }

    @Test
    void recordAndAChangeWithNothingPendingStillUseTheGroupCommit() {
        audit.record("admin", ActorKind.ADMIN, "POST /api-keys", "/api-keys/k1", "10.0.0.1", "HTTP 201");
        try (AuditedChange change = begin("POST /archives")) {
            // a service that commits by itself (no scope): the change is made, only the entry is left
            assertFalse(change.pending());
            change.complete("/archives/7", "HTTP 202");
        }
        ShareProgress outside = shares.start(new NewShare(3, 4, ShareType.ACTIVITY, 5L));

        assertEquals(List.of("POST /archives", "POST /api-keys"), entries().stream().map(AuditEntry::action).toList());
        assertEquals(outside, shares.find(outside.id()).orElseThrow(), "outside a change a write commits by itself");
        assertEquals(List.of(ShareProgressService.TOPIC_STARTED), topics(), "and its event is posted at once");
    }
}
