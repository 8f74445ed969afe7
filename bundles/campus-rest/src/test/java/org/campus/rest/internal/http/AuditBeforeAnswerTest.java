package org.campus.rest.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.campus.api.sharing.SourceDeleted;
import org.campus.api.workflow.LmsId;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/** A change is answered 2xx only once its audit entry is stored. */
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
