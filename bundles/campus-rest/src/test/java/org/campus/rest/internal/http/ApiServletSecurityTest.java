package org.campus.rest.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.campus.api.security.ActorKind;
import org.campus.api.security.AuditEntry;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class ApiServletSecurityTest {

    private final TestServlets t = new TestServlets();
    private final ObjectMapper mapper = new ObjectMapper();

    private FakeHttp.Request req(String method, String path) {
        return new FakeHttp.Request(method, path);
    }

    private void assertProblem(int status, FakeHttp.Response r) throws Exception {
        assertEquals(status, r.status, r.toString());
        assertEquals(Json.PROBLEM_CONTENT_TYPE, r.contentType);
        assertEquals(status, mapper.readTree(r.body()).get("status").asInt());
    }

    private void assertUnauthorized(FakeHttp.Response r) throws Exception {
        assertProblem(401, r);
        assertEquals("Bearer realm=\"campus\", Basic realm=\"campus\"", r.headers.get("WWW-Authenticate"));
    }

    @Test
    void healthIsOpen() throws Exception {
        FakeHttp.Response r = t.call(req("GET", "/health"));

        assertEquals(200, r.status);
        assertEquals("UP", mapper.readTree(r.body()).get("status").asText());
    }

    @Test
    void everyOtherRouteNeedsCredentials() throws Exception {
        for (String route : t.servlet.describeRoutes()) {
            String[] mp = route.split(" ", 2);
            String path = mp[1].replaceAll("\\{[^}]+}", "1");
            if (path.equals("/health")) {
                continue;
            }
            assertUnauthorized(t.call(req(mp[0], path)));
            assertUnauthorized(t.call(req(mp[0], path).bearer("wrong-key")));
            assertUnauthorized(t.call(req(mp[0], path).basic("admin", "wrong")));
        }
        assertTrue(t.serviceCalls.isEmpty(), t.serviceCalls.toString());
        assertEquals(0, t.keys.changes);
    }

    @Test
    void unknownPathsAndMethodsRevealNothingWithoutCredentials() throws Exception {
        assertUnauthorized(t.call(req("GET", "/no/such/thing")));
        assertUnauthorized(t.call(req("PUT", "/share-progress")));
        assertUnauthorized(t.call(req("TRACE", "/health")));
        assertUnauthorized(t.call(req("GET", "/../../etc/passwd")));

        assertProblem(404, t.call(req("GET", "/no/such/thing").bearer("lms-all")));
        assertProblem(405, t.call(req("PUT", "/share-progress").bearer("lms-all")));
    }

    @Test
    void twoAuthorizationHeadersAreRefused() throws Exception {
        assertUnauthorized(t.call(req("GET", "/audit").bearer("lms-all").basic("admin", "admin-pw")));
    }

    @Test
    void theWrongKeyIsNotEchoed() throws Exception {
        FakeHttp.Response r = t.call(req("GET", "/audit").bearer("s3cr3t-guess"));

        assertFalse(r.body().contains("s3cr3t-guess"));
    }

    @Test
    void keysNeedTheScopeOfTheRoute() throws Exception {
        assertProblem(403, t.call(req("GET", "/audit").bearer("lms-shares")));
        assertEquals(200, t.call(req("GET", "/audit").bearer("lms-audit")).status);
        assertEquals(200, t.call(req("GET", "/audit").bearer("lms-all")).status);
        assertProblem(403, t.call(req("GET", "/privacy/providers").bearer("lms-audit")));
        assertProblem(403, t.call(req("GET", "/openapi.json").bearer("lms-shares")));
    }

    @Test
    void aForbiddenAnswerDoesNotDependOnWhetherTheResourceExists() throws Exception {
        FakeHttp.Response known = t.call(req("GET", "/api-keys/k1").bearer("lms-all"));
        FakeHttp.Response unknown = t.call(req("GET", "/api-keys/nope").bearer("lms-all"));

        assertProblem(403, known);
        assertEquals(known.body(), unknown.body());
    }

    @Test
    void keyManagementIsForAdminsOnly() throws Exception {
        assertProblem(403, t.call(req("POST", "/api-keys").bearer("lms-all").json("{\"name\":\"x\",\"scopes\":[\"*\"]}")));
        assertProblem(403, t.call(req("POST", "/api-keys").basic("viewer", "viewer-pw")
                .json("{\"name\":\"x\",\"scopes\":[\"*\"]}")));
        assertEquals(200, t.call(req("GET", "/api-keys").basic("viewer", "viewer-pw")).status);
        assertProblem(403, t.call(req("GET", "/api-keys").basic("nobody", "nobody-pw")));
        assertEquals(0, t.keys.changes);

        FakeHttp.Response created = t.call(req("POST", "/api-keys").basic("admin", "admin-pw")
                .json("{\"name\":\"moodle-2\",\"scopes\":[\"share-progress\"]}"));

        assertEquals(201, created.status, created.toString());
        JsonNode body = mapper.readTree(created.body());
        String secret = body.get("secret").asText();
        assertEquals(ApiServlet.BASE + "/api-keys/" + body.get("id").asText(), created.headers.get("Location"));
        int withNewKey = t.call(req("GET", "/share-progress/1").bearer(secret)).status;
        assertTrue(withNewKey != 401 && withNewKey != 403, "the new key works: " + withNewKey);
        FakeHttp.Response listed = t.call(req("GET", "/api-keys").basic("admin", "admin-pw"));
        assertFalse(listed.body().contains(secret), "a listing never shows a secret");
    }

    @Test
    void revokingAndRotatingChangeWhichKeyWorks() throws Exception {
        FakeHttp.Response rotated = t.call(req("POST", "/api-keys/k2/rotate").basic("admin", "admin-pw"));
        assertEquals(200, rotated.status, rotated.toString());
        String secret = mapper.readTree(rotated.body()).get("secret").asText();

        assertUnauthorized(t.call(req("GET", "/share-progress/1").bearer("lms-shares")));
        assertNotEquals(401, t.call(req("GET", "/share-progress/1").bearer(secret)).status);

        assertEquals(204, t.call(req("DELETE", "/api-keys/k2").basic("admin", "admin-pw")).status);
        assertUnauthorized(t.call(req("GET", "/share-progress/1").bearer(secret)));
        assertProblem(404, t.call(req("DELETE", "/api-keys/nope").basic("admin", "admin-pw")));
    }

    @Test
    void successfulChangesAreAuditedWithWhoWhatAndWhere() throws Exception {
        t.call(req("POST", "/api-keys").basic("admin", "admin-pw").json("{\"name\":\"n\",\"scopes\":[\"audit\"]}"));
        t.call(req("GET", "/api-keys").basic("admin", "admin-pw"));
        t.call(req("POST", "/api-keys").basic("admin", "admin-pw").json("{\"name\":\"\",\"scopes\":[]}"));
        t.call(req("DELETE", "/api-keys/k1").basic("viewer", "viewer-pw"));

        List<AuditEntry> entries = t.audit.entries;
        assertEquals(1, entries.size(), entries.toString());
        AuditEntry e = entries.get(0);
        assertEquals("admin", e.actor());
        assertEquals(ActorKind.ADMIN, e.actorKind());
        assertEquals("POST /api-keys", e.action());
        assertEquals("/api-keys/k4", e.target());
        assertEquals("192.0.2.7", e.remoteAddress());
        assertEquals("HTTP 201", e.detail());
    }

    @Test
    void revocationsAreAuditedWithTheRouteTemplateAndThePath() throws Exception {
        t.call(req("DELETE", "/api-keys/k3").basic("admin", "admin-pw"));

        AuditEntry e = t.audit.entries.get(0);
        assertEquals("DELETE /api-keys/{id}", e.action());
        assertEquals("/api-keys/k3", e.target());
        assertTrue(t.keys.find("k3").orElseThrow().revoked() != null);
    }

    @Test
    void lmsClientsAreRecordedByKeyNameAndId() {
        Caller c = Caller.lms("moodle", java.util.Set.of("*"), "abc123");

        assertEquals("moodle (key abc123)", c.actor());
        assertEquals(ActorKind.LMS, c.actorKind());
        assertEquals(ActorKind.ADMIN, Caller.admin("admin", java.util.Set.of()).actorKind());
    }
}
