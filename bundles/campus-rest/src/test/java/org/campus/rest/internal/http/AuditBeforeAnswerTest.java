package org.campus.rest.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.campus.api.sharing.SourceDeleted;
import org.campus.api.workflow.LmsId;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A change is answered 2xx only once its audit entry is stored: its writes and the entry commit
 * together (AuditService.begin), and a change that fails or is refused is rolled back.
 */
class AuditBeforeAnswerTest {

    private final TestServlets t = new TestServlets();

    private FakeHttp.Response markSourceDeleted() throws Exception {
        t.answers.put("markSourceDeleted", args -> 2);
        return t.call(new FakeHttp.Request("POST", "/share-progress/source-deleted").bearer("lms-shares")
                .json("{\"courseId\":\"c-5\",\"cmId\":33}"));
    }

    @Test
    void aRecordedChangeIsAnsweredWithItsStatus() throws Exception {
        FakeHttp.Response r = markSourceDeleted();

        assertEquals(200, r.status, r.toString());
        assertEquals(new SourceDeleted(LmsId.of("c-5"), LmsId.of(33)), t.lastArgs.get("markSourceDeleted")[0]);
        assertEquals(1, t.audit.entries.size());
        assertEquals("POST /share-progress/source-deleted", t.audit.entries.get(0).action());
        assertEquals("HTTP 200", t.audit.entries.get(0).detail());
        assertEquals(0, t.audit.open, "the change is closed before the answer");
        assertTrue(t.audit.rolledBack.isEmpty());
    }

    @Test
    void aChangeWhoseCommitWithItsEntryFailsIsAnswered503AsNotMade() throws Exception {
        t.audit.pendingWrites = true;
        t.audit.failure = new IllegalStateException("committing a change with its audit entry failed: 08006");

        FakeHttp.Response r = markSourceDeleted();

        assertEquals(503, r.status, r.toString());
        assertEquals(Json.PROBLEM_CONTENT_TYPE, r.contentType);
        assertTrue(r.body().contains("could not be confirmed; it was not made"), r.body());
        assertTrue(!r.body().contains("08006"), "no internals in the answer: " + r.body());
        assertEquals(List.of("POST /share-progress/source-deleted"), t.audit.rolledBack, "closed, so rolled back");
        assertEquals(0, t.audit.open);
    }

    @Test
    void aRefusedChangeIsRolledBackWithoutAnEntry() throws Exception {
        t.answers.put("markSourceDeleted", args -> {
            throw new org.campus.api.InvalidInputException("cmId", "names no activity of the course");
        });

        FakeHttp.Response r = t.call(new FakeHttp.Request("POST", "/share-progress/source-deleted").bearer("lms-shares")
                .json("{\"courseId\":\"c-5\",\"cmId\":33}"));

        assertEquals(400, r.status, r.toString());
        assertTrue(t.audit.entries.isEmpty());
        assertEquals(List.of("POST /share-progress/source-deleted"), t.audit.rolledBack);
        assertEquals(0, t.audit.open);
    }

    @Test
    void aChangeThatEndsInAnErrorIsClosedToo() {
        t.answers.put("markSourceDeleted", args -> {
            throw new StackOverflowError("deep");
        });

        assertThrows(StackOverflowError.class, () -> t.call(new FakeHttp.Request("POST",
                "/share-progress/source-deleted").bearer("lms-shares").json("{\"courseId\":\"c-5\",\"cmId\":33}")));

        assertTrue(t.audit.entries.isEmpty());
        assertEquals(List.of("POST /share-progress/source-deleted"), t.audit.rolledBack);
        assertEquals(0, t.audit.open);
    }

    @Test
    void aReadOpensNoChange() throws Exception {
        t.answers.put("find", args -> java.util.Optional.empty());

        t.call(new FakeHttp.Request("GET", "/share-progress/5").bearer("lms-shares"));

        assertTrue(t.audit.entries.isEmpty());
        assertTrue(t.audit.rolledBack.isEmpty(), "no change was begun for a read");
    }

    @Test
    void aChangeWhoseAuditEntryIsNotStoredIsNotAnsweredAsASuccess() throws Exception {
        t.audit.failure = new IllegalStateException("audit entries not written within 10000 ms");

        FakeHttp.Response r = markSourceDeleted();

        assertEquals(List.of("markSourceDeleted"), t.serviceCalls, "the change was made");
        assertEquals(503, r.status, r.toString());
        assertEquals(Json.PROBLEM_CONTENT_TYPE, r.contentType);
        assertEquals(503, new ObjectMapper().readTree(r.body()).get("status").asInt());
        assertTrue(r.body().contains("audit"), r.body());
        assertTrue(!r.body().contains("10000 ms"), "no internals in the answer: " + r.body());
    }
}
