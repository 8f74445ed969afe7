package org.campus.rest.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.campus.api.NotFoundException;
import org.campus.api.Page;
import org.campus.api.PageRequest;
import org.campus.api.workflow.MailStatus;
import org.campus.api.workflow.WorkflowMail;
import org.campus.api.workflow.WorkflowMailService;
import org.campus.rest.internal.workflow.WorkflowMailResource;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class WorkflowMailResourceTest {

    private final List<Long> asked = new ArrayList<>();
    private final WorkflowMailService mail = new WorkflowMailService() {
        @Override
        public List<WorkflowMail> mailOf(long recordId) {
            asked.add(recordId);
            if (recordId != 7) {
                throw NotFoundException.of("workflow record", recordId);
            }
            return List.of(
                    new WorkflowMail(1, 7, 3, "role", "teacher", "t1@example.org", "S", "B", MailStatus.SENT, 1, null,
                            null, Instant.parse("2026-01-02T03:04:05Z"), Instant.parse("2026-01-02T03:04:06Z")),
                    new WorkflowMail(2, 7, 3, "author", null, null, "S", "B", MailStatus.PENDING, 2,
                            Instant.parse("2026-01-02T03:05:00Z"), "MailConnectException: refused",
                            Instant.parse("2026-01-02T03:04:05Z"), null));
        }

        @Override
        public Page<WorkflowMail> failed(PageRequest page) {
            throw new UnsupportedOperationException();
        }
    };

    private FakeHttp.Response get(String path, String key) throws Exception {
        Fakes.Keys keys = new Fakes.Keys().client("lms-wf", "moodle", "workflow").client("lms-shares", "s", "share-progress");
        ApiServlet servlet = new ApiServlet(TestServlets.config(1024), keys, new Fakes.Realm(), new Fakes.Audit());
        servlet.bindResource(new WorkflowMailResource(mail));
        return FakeHttp.call(servlet, new FakeHttp.Request("GET", path).bearer(key));
    }

    @Test
    void listsARecordsMailWithStatusAndError() throws Exception {
        FakeHttp.Response r = get("/workflow-records/7/mail", "lms-wf");

        assertEquals(200, r.status, r.body());
        JsonNode items = new ObjectMapper().readTree(r.body()).get("items");
        assertEquals(2, items.size());
        assertEquals("sent", items.get(0).get("status").asText());
        assertEquals("t1@example.org", items.get(0).get("recipient").asText());
        assertEquals("teacher", items.get(0).get("role").asText());
        assertEquals("2026-01-02T03:04:06Z", items.get(0).get("timeSent").asText());
        assertEquals("pending", items.get(1).get("status").asText());
        assertEquals(2, items.get(1).get("attempts").asInt());
        assertEquals("MailConnectException: refused", items.get(1).get("lastError").asText());
        assertEquals("2026-01-02T03:05:00Z", items.get(1).get("timeNextAttempt").asText());
        assertEquals(true, items.get(1).get("recipient").isNull());
        assertEquals(true, new ObjectMapper().readTree(r.body()).get("next").isNull());
    }

    @Test
    void unknownRecordsAndBadIdsAre404AndOtherScopes403() throws Exception {
        assertEquals(404, get("/workflow-records/8/mail", "lms-wf").status);
        assertEquals(404, get("/workflow-records/abc/mail", "lms-wf").status);
        assertEquals(404, get("/workflow-records/-1/mail", "lms-wf").status);
        assertEquals(403, get("/workflow-records/7/mail", "lms-shares").status);
        assertEquals(List.of(8L), asked, "only well-formed ids reach the service, and only with the scope");
    }
}
