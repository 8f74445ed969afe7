package org.campus.rest.internal.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;

import org.campus.api.archive.roles.RoleDefinition;
import org.campus.api.archive.roles.RoleMatch;
import org.campus.api.archive.roles.RoleMatchReport;
import org.campus.rest.internal.http.FakeHttp;
import org.campus.rest.internal.http.TestServlets;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The role-matching route through the real servlet, answers checked against the OpenAPI document. */
class RoleMatchResourceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final TestServlets t = new TestServlets();

    @Test
    void matchesTheArchivedRolesAgainstTheTargetsAndReportsCollisions() throws Exception {
        t.answers.put("readArchivedRoles", args -> {
            try {
                JsonNode n = JSON.readTree((java.io.InputStream) args[0]);
                return List.of(new RoleDefinition(n.get("roles").get(0).get("shortName").asText(), null, null,
                        List.of(), java.util.Map.of("mod/quiz:attempt", "allow")));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        t.answers.put("match", args -> new RoleMatchReport(List.of(new RoleMatch("student",
                RoleMatch.Outcome.COLLISION, "student", null, List.of("mod/quiz:attempt: allow here, prevent there")))));
        FakeHttp.Response r = t.call(new FakeHttp.Request("POST", "/archive/role-matches").bearer("lms-all").json(
                "{\"archived\": {\"format\": \"campus-roles\", \"roles\": [{\"shortName\": \"student\"}]},"
                        + " \"target\": [{\"shortName\": \"student\", \"capabilities\": {\"mod/quiz:attempt\": \"prevent\"}}]}"));
        assertEquals(200, r.status, r.body());
        JsonNode body = JSON.readTree(r.body());
        assertFalse(body.get("complete").asBoolean());
        assertEquals("collision", body.get("matches").get(0).get("outcome").asText());
        assertEquals(1, body.get("matches").get(0).get("differences").size());
        @SuppressWarnings("unchecked")
        List<RoleDefinition> target = (List<RoleDefinition>) t.lastArgs.get("match")[1];
        assertEquals("prevent", target.get(0).capabilities().get("mod/quiz:attempt"));
    }

    @Test
    void aTargetWithoutShortNameIsRefusedNamingIt() throws Exception {
        FakeHttp.Response r = t.call(new FakeHttp.Request("POST", "/archive/role-matches").bearer("lms-all")
                .json("{\"archived\": {\"roles\": []}, \"target\": [{\"name\": \"x\"}]}"));
        assertEquals(400, r.status, r.body());
        assertTrue(r.body().contains("\"field\":\"target[0].shortName\""), r.body());
        assertFalse(t.serviceCalls.contains("match"));
    }
}
