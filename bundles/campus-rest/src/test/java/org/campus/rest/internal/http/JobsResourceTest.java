package org.campus.rest.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.campus.api.ConflictException;
import org.campus.api.NotFoundException;
import org.campus.api.Page;
import org.campus.api.job.Job;
import org.campus.api.job.JobLogEntry;
import org.campus.api.job.JobLogLevel;
import org.campus.api.job.JobQuery;
import org.campus.api.job.JobState;
import org.campus.api.privacy.ErasureReport;
import org.campus.api.privacy.ProviderOutcome;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** {@code /jobs} and the erasure routes of {@code /privacy}, over fakes of the services. */
class JobsResourceTest {

    private static final Instant T = Instant.parse("2026-12-02T10:00:00Z");
    private static final Job RUNNING = new Job(7, "privacy.user-erasure", "admin", JobState.RUNNING, 40, 5, 2,
            "workflow", T.plusSeconds(60), 2, 1, "share-progress", false, "n1", Map.of("userId", "42"), T, T,
            T.plusSeconds(1), null, T.plusSeconds(2), null);

    private final TestServlets t = new TestServlets();
    private final ObjectMapper mapper = new ObjectMapper();

    private JsonNode json(FakeHttp.Response r) throws Exception {
        return mapper.readTree(r.body());
    }

    @Test
    void aJobIsShownWithEveryField() throws Exception {
        t.answers.put("find", args -> java.util.Optional.of(RUNNING));

        FakeHttp.Response r = t.call(new FakeHttp.Request("GET", "/jobs/7").bearer("lms-all"));

        assertEquals(200, r.status, r.body());
        JsonNode j = json(r);
        assertEquals(7, j.get("id").asLong());
        assertEquals("privacy.user-erasure", j.get("type").asText());
        assertEquals("running", j.get("state").asText());
        assertEquals(40, j.get("progress").asInt());
        assertEquals("workflow", j.get("currentStep").asText());
        assertEquals("share-progress", j.get("checkpoint").asText());
        assertEquals(2, j.get("attempt").asInt());
        assertEquals(1, j.get("failedAttempts").asInt());
        assertEquals("42", j.get("parameters").get("userId").asText());
        assertEquals("2026-12-02T10:01:00Z", j.get("timeEstimatedEnd").asText());
        assertTrue(j.get("timeEnded").isNull());
        assertTrue(j.get("message").isNull());
        assertEquals(false, j.get("cancelRequested").asBoolean());
    }

    @Test
    void listsWithFiltersAndPagesTheLog() throws Exception {
        t.answers.put("list", args -> new Page<>(List.of(RUNNING), "c2"));
        t.answers.put("log", args -> new Page<>(List.of(new JobLogEntry(3, 7, T, JobLogLevel.WARN, 1, "provider x failed")),
                null));

        FakeHttp.Response list = t.call(new FakeHttp.Request("GET", "/jobs").bearer("lms-all").param("state", "running")
                .param("type", "privacy.user-erasure").param("owner", "admin").param("limit", "10"));
        FakeHttp.Response log = t.call(new FakeHttp.Request("GET", "/jobs/7/log").basic("viewer", "viewer-pw")
                .param("level", "warn"));

        assertEquals(200, list.status, list.body());
        assertEquals(7, json(list).get("items").get(0).get("id").asLong());
        assertEquals("c2", json(list).get("next").asText());
        JobQuery query = (JobQuery) t.lastArgs.get("list")[0];
        assertEquals(new JobQuery("privacy.user-erasure", "admin", JobState.RUNNING, null, null), query);
        assertEquals(200, log.status, log.body());
        JsonNode entry = json(log).get("items").get(0);
        assertEquals("warn", entry.get("level").asText());
        assertEquals("provider x failed", entry.get("message").asText());
        assertEquals(JobLogLevel.WARN, t.lastArgs.get("log")[1]);
    }

    @Test
    void cancelRetryAndDeleteAreChangesWithTheirConflicts() throws Exception {
        t.answers.put("cancel", args -> new Job(7, "x", "admin", JobState.RUNNING, 40, 5, 2, null, null, 1, 0, null,
                true, "n1", Map.of(), T, T, T, null, T, null));
        t.answers.put("retry", args -> {
            throw new ConflictException("only a failed job can be retried; job 7 is running");
        });
        t.answers.put("delete", args -> null);

        FakeHttp.Response cancel = t.call(new FakeHttp.Request("POST", "/jobs/7/cancel").basic("admin", "admin-pw"));
        FakeHttp.Response retry = t.call(new FakeHttp.Request("POST", "/jobs/7/retry").basic("admin", "admin-pw"));
        FakeHttp.Response delete = t.call(new FakeHttp.Request("DELETE", "/jobs/7").bearer("lms-all"));
        FakeHttp.Response viewer = t.call(new FakeHttp.Request("POST", "/jobs/7/cancel").basic("viewer", "viewer-pw"));
        FakeHttp.Response otherScope = t.call(new FakeHttp.Request("GET", "/jobs").bearer("lms-shares"));

        assertEquals(200, cancel.status, cancel.body());
        assertEquals(true, json(cancel).get("cancelRequested").asBoolean());
        assertEquals(409, retry.status);
        assertEquals(Json.PROBLEM_CONTENT_TYPE, retry.contentType);
        assertTrue(json(retry).get("detail").asText().contains("only a failed job"));
        assertEquals(204, delete.status);
        assertEquals(403, viewer.status);
        assertEquals(403, otherScope.status);
        assertEquals(List.of("POST /jobs/{id}/cancel", "DELETE /jobs/{id}"),
                t.audit.entries.stream().map(e -> e.action()).collect(java.util.stream.Collectors.toList()));
    }

    @Test
    void anUnknownJobIs404() throws Exception {
        t.answers.put("find", args -> java.util.Optional.empty());
        t.answers.put("log", args -> {
            throw NotFoundException.of("job", args[0]);
        });

        assertEquals(404, t.call(new FakeHttp.Request("GET", "/jobs/8").bearer("lms-all")).status);
        assertEquals(404, t.call(new FakeHttp.Request("GET", "/jobs/8/log").bearer("lms-all")).status);
    }

    @Test
    void anErasureIsAcceptedWithItsLocationAndFollowed() throws Exception {
        Job queued = new Job(12, "privacy.user-erasure", "moodle (key k1)", JobState.QUEUED, 0, 0, 0, null, null, 1, 0,
                null, false, null, Map.of("userId", "42"), T, T, null, null, null, null);
        ErasureReport report = new ErasureReport(queued, ErasureReport.USER, "42", List.of(
                new ProviderOutcome("share-progress", ProviderOutcome.Outcome.PENDING, 0, null, null)));
        t.answers.put("deleteUser", args -> report);
        t.answers.put("erasure", args -> java.util.Optional.of(new ErasureReport(queued, ErasureReport.USER, "42",
                List.of(new ProviderOutcome("share-progress", ProviderOutcome.Outcome.DONE, 3, null, T)))));

        FakeHttp.Response r = t.call(new FakeHttp.Request("DELETE", "/privacy/users/42").bearer("lms-all"));
        FakeHttp.Response followed = t.call(new FakeHttp.Request("GET", "/privacy/erasures/12").bearer("lms-all"));

        assertEquals(202, r.status, r.body());
        assertEquals("/campus/api/v1/privacy/erasures/12", r.headers.get("Location"));
        JsonNode e = json(r);
        assertEquals(12, e.get("id").asLong());
        assertEquals("queued", e.get("state").asText());
        assertEquals("pending", e.get("providers").get(0).get("outcome").asText());
        assertEquals("moodle (key k1)", t.lastArgs.get("deleteUser")[1], "the job is owned by the caller");
        assertEquals(200, followed.status);
        assertEquals(3, json(followed).get("total").asInt());
        assertEquals("done", json(followed).get("providers").get(0).get("outcome").asText());
        assertEquals("/privacy/users/42", t.audit.entries.get(0).target(), "the audit names the user erased");
    }

    @Test
    void onlyAdminsForgetAProvider() throws Exception {
        t.answers.put("forgetProvider", args -> null);

        assertEquals(403, t.call(new FakeHttp.Request("DELETE", "/privacy/providers/files").bearer("lms-all")).status);
        assertEquals(204, t.call(new FakeHttp.Request("DELETE", "/privacy/providers/files")
                .basic("admin", "admin-pw")).status);
        assertEquals("files", t.lastArgs.get("forgetProvider")[0]);
    }
}
