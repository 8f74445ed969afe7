package org.campus.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import org.campus.itests.HostileCases.Body;
import org.campus.itests.HostileCases.Operation;
import org.junit.Before;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.MethodSorters;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The rules of docs/SECURITY.md against the running distribution: authentication on every route
 * of the served OpenAPI document, scopes and roles, hostile input to every route that changes data
 * or lists, no change of stored data or audit trail by refused requests, and no secret in any
 * answer or in the log. Each test gathers all violations it finds and reports them together.
 * Methods run in name order so that the log is checked last.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class SecurityIT {

    /**
     * Bodies above this size go headers-first: a route may refuse one (415, 413) without reading it,
     * and a client that keeps writing then meets a closed connection.
     */
    private static final int LARGE_BODY = 64 * 1024;

    private static final String CHALLENGE = "Bearer realm=\"campus\", Basic realm=\"campus\"";
    /** A workflow template that exists: hostile variations of it must name none. */
    private static final String TEMPLATE_KEY = "document_publishing";
    private static final AtomicLong IDS = new AtomicLong(System.nanoTime() % 1_000_000_000L + 2_000_000_000L);

    /** Secrets issued while the suite runs (create, rotate): they may appear in their own answer only. */
    private static final Set<String> ISSUED = ConcurrentHashMap.newKeySet();

    private final Http admin = Http.asAdmin();
    private final List<String> violations = new ArrayList<>();
    private int requests;

    @Configuration
    public Option[] config() {
        return CampusContainer.options();
    }

    @Before
    public void apiIsUp() {
        admin.awaitRoute("/share-progress?limit=1", Duration.ofSeconds(180));
        admin.awaitRoute("/api-keys", Duration.ofSeconds(180));
        admin.awaitRoute("/privacy/providers", Duration.ofSeconds(180));
    }

    @Test
    public void a1_everyRouteButHealthNeedsValidCredentials() {
        List<Operation> ops = operations();
        assertTrue("the served document lists the routes: " + ops, ops.size() > 10);
        List<String> badHeaders = HostileCases.badAuthorizations(CampusContainer.ADMIN_PASSWORD, CampusContainer.LMS_API_KEY);
        for (Operation op : ops) {
            String path = op.template().replaceAll("\\{[^}]+}", "1");
            String body = op.hasBody() ? HostileCases.validForEveryRoute(1, 1) : null;
            if (op.toString().equals("GET /health")) {
                Http.Answer a = call(Http.anonymous(), op.method(), path, null, null);
                expect(a.status() == 200 && a.json().get("status").asText().equals("UP"), "anonymous health: " + a);
                continue;
            }
            expectUnauthorized(call(Http.anonymous(), op.method(), path, "application/json", body), op + " anonymous");
            for (String header : badHeaders) {
                expectUnauthorized(call(Http.withAuthorization(header), op.method(), path, "application/json", body),
                        op + " with Authorization " + abbreviate(header));
            }
            HttpRequest.Builder two = Http.anonymous().request(path)
                    .header("Authorization", "Bearer " + CampusContainer.LMS_API_KEY)
                    .header("Authorization", HostileCases.basic("admin:" + CampusContainer.ADMIN_PASSWORD))
                    .method(op.method(), body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body));
            expectUnauthorized(seen(Http.anonymous().send(two.build())), op + " with two valid Authorization headers");
        }
        // unknown paths and methods: 401 without credentials, so only a caller with credentials learns 404 or 405
        List<String[]> unknown = List.of(new String[] {"GET", "/no/such/thing"}, new String[] {"GET", "/"},
                new String[] {"GET", "/share-progress/1/nope"}, new String[] {"PUT", "/share-progress"},
                new String[] {"DELETE", "/share-progress"}, new String[] {"PATCH", "/share-progress/1"},
                new String[] {"PUT", "/health"}, new String[] {"POST", "/health"}, new String[] {"GET", "/api-keys/1/rotate"},
                new String[] {"DELETE", "/audit"}, new String[] {"GET", "/privacy/users"}, new String[] {"GET", "/openapi.yaml"});
        for (String[] u : unknown) {
            expectUnauthorized(call(Http.anonymous(), u[0], u[1], null, null), u[0] + " " + u[1] + " anonymous");
            expectUnauthorized(call(Http.withAuthorization("Bearer nope-nope-nope"), u[0], u[1], null, null),
                    u[0] + " " + u[1] + " with a wrong key");
            Http.Answer known = call(admin, u[0], u[1], null, null);
            expect(known.status() == 404 || known.status() == 405, u[0] + " " + u[1] + " as admin is 404 or 405: " + known);
        }
        report("authentication");
    }

    @Test
    public void a2_keysHoldScopesAndAdminsManageThem() {
        long user = IDS.incrementAndGet();
        long course = IDS.incrementAndGet();
        long share = createShare(Http.asLms(), course, user);

        Http.Answer created = call(admin, "POST", "/api-keys", "application/json",
                "{\"name\":\"it-share-only\",\"scopes\":[\"share-progress\"]}");
        assertEquals(created.toString(), 201, created.status());
        String keyId = created.json().get("id").asText();
        String secret = issued(created);
        Http scoped = Http.withAuthorization("Bearer " + secret);

        // the scope's routes work
        Http.Answer own = call(scoped, "POST", "/share-progress", "application/json",
                "{\"courseId\":" + course + ",\"userId\":" + user + ",\"type\":\"course\"}");
        assertEquals(own.toString(), 201, own.status());
        assertEquals(200, call(scoped, "GET", "/share-progress?userId=" + user, null, null).status());
        assertEquals(200, call(scoped, "GET", "/share-progress/" + share, null, null).status());
        assertEquals(200, call(scoped, "POST", "/share-progress/" + own.json().get("id").asLong() + "/status",
                "application/json", "{\"status\":\"sent\",\"resourceUrl\":\"https://example.org/r/2\"}").status());

        // other scopes: 403, the same whether the resource exists or not
        String missingUser = String.valueOf(IDS.incrementAndGet());
        for (String[] pair : List.of(new String[] {"GET", "/privacy/users/" + user + "/export", "/privacy/users/" + missingUser + "/export"},
                new String[] {"DELETE", "/privacy/users/" + user, "/privacy/users/" + missingUser},
                new String[] {"DELETE", "/privacy/courses/" + course, "/privacy/courses/" + missingUser},
                new String[] {"GET", "/privacy/providers", "/privacy/providers"},
                new String[] {"GET", "/audit", "/audit?actor=admin"},
                new String[] {"GET", "/workflows", "/workflows?limit=1"},
                new String[] {"GET", "/workflows/templates", "/workflows/templates"},
                new String[] {"GET", "/workflow-records/" + share, "/workflow-records/" + missingUser},
                new String[] {"POST", "/workflows/templates/" + TEMPLATE_KEY, "/workflows/templates/no_such_template"},
                new String[] {"GET", "/openapi.json", "/openapi.json"})) {
            Http.Answer existing = call(scoped, pair[0], pair[1], null, null);
            Http.Answer missing = call(scoped, pair[0], pair[2], null, null);
            expectProblem(existing, 403, pair[0] + " " + pair[1] + " with scope share-progress");
            expect(existing.status() == missing.status() && existing.body().equals(missing.body()),
                    pair[0] + " " + pair[1] + " and " + pair[2] + " answer alike: " + existing + " / " + missing);
        }
        assertEquals("the refused erasure erased nothing", 200, call(admin, "GET", "/share-progress/" + share, null, null).status());

        // no API key manages keys, whatever its scopes: neither this one nor the first-start key with *
        int keysBefore = call(admin, "GET", "/api-keys", null, null).json().get("items").size();
        for (Http key : List.of(scoped, Http.asLms())) {
            for (String[] r : List.of(new String[] {"GET", "/api-keys"}, new String[] {"POST", "/api-keys"},
                    new String[] {"GET", "/api-keys/" + keyId}, new String[] {"GET", "/api-keys/no-such-key"},
                    new String[] {"POST", "/api-keys/" + keyId + "/rotate"}, new String[] {"POST", "/api-keys/no-such-key/rotate"},
                    new String[] {"DELETE", "/api-keys/" + keyId}, new String[] {"DELETE", "/api-keys/no-such-key"})) {
                expectProblem(call(key, r[0], r[1], "application/json", r[0].equals("POST")
                        ? "{\"name\":\"sneaky\",\"scopes\":[\"*\"]}" : null), 403, "an API key on " + r[0] + " " + r[1]);
            }
        }
        assertEquals(keysBefore, call(admin, "GET", "/api-keys", null, null).json().get("items").size());
        assertEquals("the key survived the attempts to revoke it", 200,
                call(scoped, "GET", "/share-progress?userId=" + user, null, null).status());

        // rotate: the old secret stops at once, the new one works
        Http.Answer rotated = call(admin, "POST", "/api-keys/" + keyId + "/rotate", null, null);
        assertEquals(rotated.toString(), 200, rotated.status());
        String newSecret = issued(rotated);
        assertNotEquals(secret, newSecret);
        expectUnauthorized(call(scoped, "GET", "/share-progress?userId=" + user, null, null), "the old secret after rotation");
        Http renewed = Http.withAuthorization("Bearer " + newSecret);
        assertEquals(200, call(renewed, "GET", "/share-progress?userId=" + user, null, null).status());
        JsonNode rotation = call(admin, "GET", "/audit?actor=admin&action=" + HostileCases.query("a", "POST /api-keys/{id}/rotate")
                .substring(2), null, null).json().get("items");
        expect(rotation.size() > 0 && rotation.get(0).get("target").asText().equals("/api-keys/" + keyId + "/rotate"),
                "the rotation is audited: " + rotation);

        // revoke: 401 at once, and the key stays listed as revoked
        assertEquals(204, call(admin, "DELETE", "/api-keys/" + keyId, null, null).status());
        expectUnauthorized(call(renewed, "GET", "/share-progress?userId=" + user, null, null), "a revoked key");
        expectUnauthorized(call(renewed, "POST", "/share-progress", "application/json",
                "{\"courseId\":" + course + ",\"userId\":" + user + ",\"type\":\"course\"}"), "a revoked key writing");
        JsonNode revoked = call(admin, "GET", "/api-keys/" + keyId, null, null).json();
        assertFalse(revoked.toString(), revoked.get("active").asBoolean());
        assertFalse(revoked.toString(), revoked.get("timeRevoked").isNull());
        assertEquals("listed shares of the user: the two made, nothing by the refused calls", 2,
                call(admin, "GET", "/share-progress?userId=" + user, null, null).json().get("items").size());
        report("authorization");
    }

    @Test
    public void b_hostileInputIsRefusedAndChangesNothing() {
        long user = IDS.incrementAndGet();
        long course = IDS.incrementAndGet();
        Http.Answer key = call(admin, "POST", "/api-keys", "application/json", "{\"name\":\"it-hostile\",\"scopes\":[\"*\"]}");
        assertEquals(key.toString(), 201, key.status());
        String keyId = key.json().get("id").asText();
        String lmsActor = "it-hostile (key " + keyId + ")";
        Http lms = Http.withAuthorization("Bearer " + issued(key));
        long share = createShare(lms, course, user);
        assertEquals(200, call(lms, "POST", "/share-progress/" + share + "/status", "application/json",
                "{\"status\":\"error\",\"message\":\"first try failed\"}").status());

        Instant start = Instant.now();
        Snapshot before = snapshot(share, user, lmsActor, start);
        int changesAccepted = 0;

        List<Operation> ops = operations();
        // bodies, to every route that reads one, with the ids of the share made above
        List<Body> bodies = HostileCases.bodies(course, user);
        List<Body> xmlBodies = HostileCases.xmlBodies();
        for (Operation op : ops) {
            if (!op.hasBody()) {
                continue;
            }
            String path = concrete(op.template(), share, user, course, keyId);
            Http caller = callerFor(op.template(), lms);
            List<Body> all = new ArrayList<>(bodies);
            if (op.readsXml()) {
                all.addAll(xmlBodies);
            }
            for (Body b : all) {
                boolean headersFirst = b.expectContinue() || b.text().length() > LARGE_BODY;
                Http.Answer a = headersFirst ? expectContinue(caller, op.method(), path, b) : call(caller, op.method(),
                        path, b.contentType(), b.text());
                if (op.template().equals("/share-progress/source-deleted") && a.status() == 200) {
                    // a string course id is an LMS id like any other: it names no course here, so nothing changes
                    expect(a.json().get("updated").asInt() == 0, op + " with body " + b + " changed shares: " + a);
                    changesAccepted++;
                    continue;
                }
                expectProblem(a, b.status(), op + " with body " + b);
                if (b.status() != null) {
                    continue; // the XML cases name their status
                }
                if (!op.readsJson() && b.contentType() != null && b.contentType().endsWith("json")) {
                    // a route reading XML or bytes (uploads, with a limit of their own) refuses JSON before
                    // reading it, whatever its size
                    expect(a.status() == 415, op + " with JSON body " + b + " is 415: " + a);
                } else if (b.name().contains("MiB")) {
                    expect(a.status() == 413, op + " with body " + b + " is 413: " + a);
                } else if (b.contentType() == null || !b.contentType().endsWith("json")) {
                    expect(a.status() == 415 || a.status() == 400, op + " with body " + b + " is 415 or 400: " + a);
                }
            }
        }
        // path ids, to every route that has one
        for (Operation op : ops) {
            for (Map.Entry<String, JsonNode> param : op.pathParams().entrySet()) {
                String existing = concrete("{" + param.getKey() + "}", share, user, course, keyId);
                // a string id (a privacy user or course, an API key) is the caller's to choose: it may name nobody
                boolean opaque = param.getValue().path("type").asText().equals("string");
                for (String id : HostileCases.pathIds(existing)) {
                    String path = concrete(op.template().replace("{" + param.getKey() + "}", id), share, user, course, keyId);
                    String body = op.hasBody() ? HostileCases.validForEveryRoute(course, user) : null;
                    Http.Answer a = call(callerFor(op.template(), lms), op.method(), path, "application/json", body);
                    String what = op + " with " + param.getKey() + " " + id;
                    if (opaque && a.status() < 300) {
                        // an opaque id (a privacy user or course) may name nobody: then nothing is exported or erased
                        expectNothingFound(a, what);
                        changesAccepted += op.changesData() ? 1 : 0;
                    } else {
                        expectProblem(a, null, what);
                    }
                }
            }
        }
        // query parameters of the lists
        for (Operation op : ops) {
            if (!op.method().equals("GET") || !op.pathParams().isEmpty()) {
                continue;
            }
            for (Map.Entry<String, JsonNode> param : op.queryParams().entrySet()) {
                for (String v : HostileCases.refusedQueryValues(param.getKey(), param.getValue())) {
                    Http.Answer a = call(lms, "GET", op.template() + "?" + HostileCases.query(param.getKey(), v), null, null);
                    expectProblem(a, 400, op + " with " + param.getKey() + "=" + abbreviate(v));
                }
                for (String v : HostileCases.freeTextQueryValues(param.getValue())) {
                    Http.Answer a = call(lms, "GET", op.template() + "?" + HostileCases.query(param.getKey(), v), null, null);
                    String what = op + " with " + param.getKey() + "=" + abbreviate(v);
                    if (a.status() == 200) {
                        expect(a.json().get("items").size() == 0, what + " matches nothing: " + abbreviate(a.body()));
                    } else {
                        // a lookup by a free-text id (the effective binding) may find nothing
                        expectProblem(a, a.status() == 404 && !a.body().contains("\"items\"") ? 404 : 400, what);
                    }
                }
            }
        }

        Snapshot after = snapshot(share, user, lmsActor, start);
        expect(before.share().equals(after.share()), "the share is unchanged: " + before.share() + " -> " + after.share());
        expect(before.timeline().equals(after.timeline()), "the timeline is unchanged: " + before.timeline() + " -> "
                + after.timeline());
        expect(before.userShares().equals(after.userShares()), "the user's shares are unchanged: " + before.userShares()
                + " -> " + after.userShares());
        expect(before.keys().equals(after.keys()), "the API keys are unchanged: " + before.keys() + " -> " + after.keys());
        expect(before.workflows().equals(after.workflows()), "no workflow was stored: " + before.workflows() + " -> "
                + after.workflows());
        // only successful changes are audited (ApiServlet.recordChange: status below 400): the accepted no-op erasures
        expect(after.lmsAudit() == before.lmsAudit() + changesAccepted, "audit entries of " + lmsActor + ": "
                + before.lmsAudit() + " + " + changesAccepted + " accepted erasures, found " + after.lmsAudit());
        expect(after.adminAudit() == before.adminAudit(), "audit entries of admin: " + before.adminAudit() + " -> "
                + after.adminAudit());
        expect(after.auditSince() == changesAccepted, "audit entries since the start: " + after.auditSince()
                + ", expected " + changesAccepted);
        System.out.println("SecurityIT: " + requests + " hostile requests");
        report("hostile input (" + requests + " requests)");
    }

    @Test
    public void c_secretsAppearNeitherInTheDocumentNorInTheLog() throws IOException {
        Http.Answer doc = call(admin, "GET", "/openapi.json", null, null);
        assertEquals(200, doc.status());
        assertTrue(doc.json().get("paths").size() > 5);
        Http.Answer keys = call(admin, "GET", "/api-keys", null, null);
        for (String secret : ISSUED) {
            expect(!doc.body().contains(secret) && !keys.body().contains(secret), "an issued secret is listed");
        }

        Path log = Paths.get(System.getProperty("karaf.data"), "log", "karaf.log");
        assertTrue("no log at " + log, Files.isRegularFile(log));
        String text = new String(Files.readAllBytes(log), StandardCharsets.ISO_8859_1);
        for (String secret : secrets()) {
            expect(!text.contains(secret), "karaf.log holds a secret (" + secret.length() + " characters)");
        }
        for (String secret : ISSUED) {
            expect(!text.contains(secret), "karaf.log holds an issued key secret");
        }
        expect(!text.contains("X-Injected"), "a line break from a request reached karaf.log as a new line");
        report("secrets");
    }

    // ---------------------------------------------------------------- helpers

    private record Snapshot(JsonNode share, JsonNode timeline, JsonNode userShares, JsonNode keys, JsonNode workflows,
            long lmsAudit, long adminAudit, long auditSince) {
    }

    private Snapshot snapshot(long share, long user, String lmsActor, Instant since) {
        return new Snapshot(ok(admin, "/share-progress/" + share), ok(admin, "/share-progress/" + share + "/timeline"),
                ok(admin, "/share-progress?userId=" + user), ok(admin, "/api-keys"), ok(admin, "/workflows?limit=1"),
                auditCount("actor=" + HostileCases.query("a", lmsActor).substring(2)), auditCount("actor=admin"),
                auditCount("createdFrom=" + since));
    }

    private JsonNode ok(Http http, String path) {
        Http.Answer a = call(http, "GET", path, null, null);
        assertEquals(path + ": " + a, 200, a.status());
        return a.json();
    }

    /** Entries of the audit trail that match the filter; bounded, so that a runaway trail fails instead of hanging. */
    private long auditCount(String filter) {
        long n = 0;
        String cursor = null;
        for (int page = 0; page < 40; page++) {
            JsonNode p = ok(admin, "/audit?limit=500&" + filter + (cursor == null ? "" : "&cursor=" + cursor));
            n += p.get("items").size();
            if (p.get("next").isNull()) {
                return n;
            }
            cursor = p.get("next").asText();
        }
        throw new AssertionError("more than 20000 audit entries for " + filter);
    }

    private long createShare(Http http, long course, long user) {
        Http.Answer a = call(http, "POST", "/share-progress", "application/json",
                "{\"courseId\":" + course + ",\"userId\":" + user + ",\"type\":\"activity\",\"cmId\":7}");
        assertEquals(a.toString(), 201, a.status());
        return a.json().get("id").asLong();
    }

    private List<Operation> operations() {
        return HostileCases.operations(ok(admin, "/openapi.json"));
    }

    /** Key management is for admins; every other route is called with the test's LMS key. */
    private Http callerFor(String template, Http lms) {
        return template.startsWith("/api-keys") ? admin : lms;
    }

    private static String concrete(String template, long share, long user, long course, String keyId) {
        String id = template.startsWith("/api-keys") ? keyId : String.valueOf(share);
        return template.replace("{id}", id).replace("{userId}", String.valueOf(user))
                .replace("{courseId}", String.valueOf(course)).replace("{key}", TEMPLATE_KEY)
                .replace("{name}", "share-progress").replace("{activity}", "0");
    }

    private String issued(Http.Answer a) {
        String secret = a.json().get("secret").asText();
        assertTrue(secret.length() >= 16);
        ISSUED.add(secret);
        return secret;
    }

    private Http.Answer call(Http http, String method, String path, String contentType, String body) {
        return seen(http.send(method, path, body == null ? null : contentType, body));
    }

    private Http.Answer expectContinue(Http http, String method, String path, Body b) {
        return seen(http.sendHeadersFirst(method, path, b.contentType(), b.text()));
    }

    /** Every answer: no secret of the test (admin password, first-start key) in its body or headers. */
    private Http.Answer seen(Http.Answer a) {
        requests++;
        String all = a.body() + " " + a.headers();
        for (String secret : secrets()) {
            expect(!all.contains(secret), "a secret in the answer to " + a.method() + " "
                    + abbreviate(a.rawPath()));
        }
        return a;
    }

    private static List<String> secrets() {
        return List.of(CampusContainer.ADMIN_PASSWORD, CampusContainer.LMS_API_KEY);
    }

    private void expectUnauthorized(Http.Answer a, String what) {
        if (expectProblem(a, 401, what)) {
            expect(CHALLENGE.equals(a.header("WWW-Authenticate")), what + ": WWW-Authenticate " + a.header("WWW-Authenticate"));
        }
    }

    /**
     * A 4xx problem (of {@code status} when given): problem+json, with {@code status} and
     * {@code title}, and no stack trace.
     */
    private boolean expectProblem(Http.Answer a, Integer status, String what) {
        int before = violations.size();
        String shown = what + " -> " + a.status() + " " + a.contentType() + " " + abbreviate(a.body());
        expect(status == null ? a.status() >= 400 && a.status() < 500 : a.status() == status,
                shown + (status == null ? " (expected 4xx)" : " (expected " + status + ")"));
        expect(a.contentType() != null && a.contentType().startsWith("application/problem+json"), shown + " (content type)");
        expect(!a.body().contains("Exception") && !a.body().contains("\tat "), shown + " (stack trace)");
        try {
            JsonNode p = Http.JSON.readTree(a.body());
            expect(p != null && p.path("status").asInt() == a.status(), shown + " (status field)");
            expect(p != null && !p.path("title").asText("").isBlank(), shown + " (title)");
        } catch (IOException e) {
            expect(false, shown + " (not JSON)");
        }
        return violations.size() == before;
    }

    /** A 2xx for an opaque id that names nobody: nothing exported, nothing erased. */
    private void expectNothingFound(Http.Answer a, String what) {
        JsonNode n = a.json();
        if (n.has("total")) {
            expect(n.get("total").asInt() == 0, what + " erased something: " + a);
        } else {
            for (JsonNode p : n.path("providers")) {
                expect(p.get("records").size() == 0, what + " exported something: " + abbreviate(a.body()));
            }
        }
    }

    private void expect(boolean condition, String violation) {
        if (!condition) {
            violations.add(violation);
        }
    }

    private void report(String part) {
        assertTrue(violations.size() + " violations of the rules on " + part + ":\n"
                + violations.stream().limit(60).collect(Collectors.joining("\n")), violations.isEmpty());
    }

    private static String abbreviate(String s) {
        String clean = s.replaceAll("\\p{Cntrl}", "?");
        return clean.length() <= 120 ? clean : clean.substring(0, 100) + "...(" + clean.length() + " chars)";
    }
}
