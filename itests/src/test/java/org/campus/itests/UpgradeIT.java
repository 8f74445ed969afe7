package org.campus.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.After;
import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Upgrades keep data: a database at schema version 6 (the version issue 10 starts from), holding
 * what Campus 6 wrote (src/test/resources/upgrade/v6-data.sql: shares with timelines, workflows
 * and versions, records with history, bindings, queued mail, API keys, audit), is handed to the
 * real distribution, which migrates it at start; everything is still there, readable through the
 * HTTP API, and new writes take ids after the old ones. On Derby the database folder is handed to
 * Karaf ({@code db/campus}); on PostgreSQL the data source names the database.
 */
public class UpgradeIT {

    /** The fixture's credentials (see the header of v6-data.sql). */
    private static final String V6_LMS_KEY = "upgrade-lms-key-0123456789abcdef";
    private static final String V6_REPORTING_KEY = "campus_mg3lc6mwh4jy_Ukk9u_YujfTS1Q0I_GLO-wPktnA1o-0OtCqOEUT7Otw";
    private static final String V6_REVOKED_KEY = "campus_4ed0n4yz3uji_zeEzidzRRTWBikTxjvToJnZeNZihgVCWmC4JXPerqMw";

    /** The sequences at version 6 and the table whose ids each hands out. */
    private static final Map<String, String> V6_SEQUENCES = new LinkedHashMap<>();

    static {
        V6_SEQUENCES.put("share_progress_seq", "share_progress");
        V6_SEQUENCES.put("share_progress_event_seq", "share_progress_event");
        V6_SEQUENCES.put("audit_entry_seq", "audit_entry");
        V6_SEQUENCES.put("workflow_seq", "workflow");
        V6_SEQUENCES.put("workflow_record_seq", "workflow_record");
        V6_SEQUENCES.put("workflow_history_seq", "workflow_history");
        V6_SEQUENCES.put("workflow_binding_seq", "workflow_binding");
        V6_SEQUENCES.put("workflow_mail_seq", "workflow_mail");
    }

    private Distribution campus;

    @After
    public void stopCampus() {
        if (campus != null) {
            campus.close();
        }
    }

    @Test
    public void aVersion6DatabaseWithDataIsMigratedAtStartAndKeepsItsData() throws Exception {
        campus = Distribution.unpack("upgrade-it");
        String url;
        String user = null;
        String password = null;
        if (ItestDatabase.isPostgresql()) {
            String database = ItestDatabase.freshPostgresql("campus_upgrade");
            url = ItestDatabase.postgresqlUrl(database);
            user = ItestDatabase.postgresqlUser();
            password = ItestDatabase.postgresqlPassword();
            campus.usePostgresql(database);
        } else {
            url = ItestDatabase.derbyUrlIn(campus.home());
        }

        // the database as Campus at version 6 left it
        Flyway v6 = Migrations.flyway(Migrations.CAMPUS, url + (ItestDatabase.isPostgresql() ? "" : ";create=true"),
                user, password, "6");
        v6.migrate();
        assertEquals("6", v6.info().current().getVersion().getVersion());
        try (Connection c = connect(url, user, password)) {
            assertEquals(63, SqlScript.run(c, "/upgrade/v6-data.sql"));
            moveSequencesPastTheirIds(c);
        }
        if (!ItestDatabase.isPostgresql()) {
            ItestDatabase.shutdownDerby(url);
        }

        campus.start();
        Http lms = campus.http("Bearer " + V6_LMS_KEY);
        Http admin = campus.http(Http.basic("admin", CampusContainer.ADMIN_PASSWORD));
        lms.awaitRoute("/workflows?limit=1", Duration.ofSeconds(180));

        List<String> problems = new ArrayList<>();
        checkKeys(admin, problems);
        checkShares(lms, problems);
        checkWorkflows(lms, problems);
        checkRecords(lms, problems);
        checkAudit(admin, problems);
        checkNewWritesTakeNewIds(lms, problems);
        assertTrue("after the upgrade:\n  " + String.join("\n  ", problems), problems.isEmpty());

        campus.stop();
        Flyway latest = Migrations.flyway(Migrations.CAMPUS, url, user, password, null);
        MigrationInfo[] pending = latest.info().pending();
        assertEquals("migrations left pending by Campus's start", 0, pending.length);
        for (MigrationInfo m : latest.info().applied()) {
            assertTrue("failed migration " + m.getVersion(), m.getState().isApplied() && !m.getState().isFailed());
        }
        if (!ItestDatabase.isPostgresql()) {
            ItestDatabase.shutdownDerby(url);
        }
    }

    private static Connection connect(String url, String user, String password) throws SQLException {
        return user == null ? DriverManager.getConnection(url) : DriverManager.getConnection(url, user, password);
    }

    /**
     * A running Campus had taken each sequence at least up to the ids in its table (in blocks of 50);
     * the rows were copied in with their ids, so the sequences are drawn until they are past them.
     */
    private static void moveSequencesPastTheirIds(Connection c) throws SQLException {
        boolean postgresql = ItestDatabase.isPostgresql();
        try (Statement s = c.createStatement()) {
            for (Map.Entry<String, String> e : V6_SEQUENCES.entrySet()) {
                long maxId;
                try (ResultSet r = s.executeQuery("SELECT MAX(id) FROM " + e.getValue())) {
                    r.next();
                    maxId = r.getLong(1);
                }
                String next = postgresql ? "SELECT nextval('" + e.getKey() + "')" : "VALUES NEXT VALUE FOR " + e.getKey();
                long value;
                do {
                    try (ResultSet r = s.executeQuery(next)) {
                        r.next();
                        value = r.getLong(1);
                    }
                } while (value < maxId);
            }
        }
    }

    private static void checkKeys(Http admin, List<String> problems) {
        JsonNode keys = items(admin.get("/api-keys?limit=100"), problems, "GET /api-keys");
        Map<String, JsonNode> byName = new LinkedHashMap<>();
        keys.forEach(k -> byName.put(k.get("name").asText(), k));
        expect(problems, "keys kept", List.of("lms", "old-lms", "reporting"), byName.keySet().stream().sorted().toList());
        if (byName.containsKey("reporting")) {
            expect(problems, "reporting key scopes", "[\"audit\",\"share-progress\"]",
                    byName.get("reporting").get("scopes").toString());
            expect(problems, "reporting key active", true, byName.get("reporting").get("active").asBoolean());
        }
        if (byName.containsKey("old-lms")) {
            expect(problems, "revoked key stays revoked", false, byName.get("old-lms").get("active").asBoolean());
            expect(problems, "revoked key's time", false, byName.get("old-lms").get("timeRevoked").isNull());
        }
        // the hashes still verify: the keys given and generated at version 6 authenticate, the revoked one does not
        Http reporting = admin.withKey(V6_REPORTING_KEY);
        expect(problems, "reporting key reads shares", 200, reporting.get("/share-progress?userId=201").status());
        expect(problems, "reporting key has no workflow scope", 403, reporting.get("/workflows").status());
        expect(problems, "revoked key refused", 401, admin.withKey(V6_REVOKED_KEY).get("/share-progress?userId=201").status());
    }

    private static void checkShares(Http lms, List<String> problems) {
        JsonNode sent = json(lms.get("/share-progress/1"), problems, "share 1");
        expect(problems, "share 1 status", "sent", text(sent, "status"));
        expect(problems, "share 1 url", "https://moodle.net/r/upgrade-1", text(sent, "resourceUrl"));
        expect(problems, "share 1 type", "activity", text(sent, "type"));
        expect(problems, "share 1 cmId", 301L, sent.path("cmId").asLong());
        expect(problems, "share 1 created", "2026-12-02T12:55:25.611Z", text(sent, "timeCreated"));
        expect(problems, "share 1 not source-deleted", false, sent.path("sourceDeleted").asBoolean(true));
        JsonNode timeline = items(lms.get("/share-progress/1/timeline"), problems, "share 1 timeline");
        expect(problems, "share 1 timeline", "[in_progress, sent]", statuses(timeline));

        JsonNode error = json(lms.get("/share-progress/2"), problems, "share 2");
        expect(problems, "share 2 status", "error", text(error, "status"));
        expect(problems, "share 2 message", "MoodleNet said: quota exceeded (\"files\")", text(error, "message"));
        expect(problems, "share 2 course share without cmId", true, error.path("cmId").isMissingNode());

        JsonNode deleted = json(lms.get("/share-progress/3"), problems, "share 3");
        expect(problems, "share 3 source-deleted", true, deleted.path("sourceDeleted").asBoolean(false));
        expect(problems, "share 3 time source-deleted", "2026-12-02T12:55:26.114Z", text(deleted, "timeSourceDeleted"));

        JsonNode user201 = items(lms.get("/share-progress?userId=201"), problems, "shares of user 201");
        expect(problems, "user 201's shares, newest first", "[3, 1]", ids(user201));
        JsonNode course101 = items(lms.get("/share-progress?courseId=101&status=error"), problems, "course 101 errors");
        expect(problems, "course 101's failed shares", "[2]", ids(course101));
    }

    private static void checkWorkflows(Http lms, List<String> problems) {
        JsonNode template = json(lms.get("/workflows/1"), problems, "workflow 1");
        expect(problems, "workflow 1 title", "Document publishing with review process", text(template, "title"));
        expect(problems, "workflow 1 states", 4, template.path("states").size());
        expect(problems, "workflow 1 actions", 6, template.path("actions").size());
        JsonNode revised = json(lms.get("/workflows/4"), problems, "workflow 4");
        expect(problems, "workflow 4 family", 1L, revised.path("familyId").asLong());
        expect(problems, "workflow 4 version", 2, revised.path("version").asInt());
        expect(problems, "workflow 4 title", "Document publishing, revised", text(revised, "title"));
        JsonNode versions = items(lms.get("/workflows/1/versions"), problems, "versions of workflow 1");
        expect(problems, "versions of the family", 2, versions.size());
        JsonNode imported = json(lms.get("/workflows/3"), problems, "workflow 3");
        expect(problems, "imported workflow key", "folder_workflow", text(imported, "key"));
        expect(problems, "import warnings kept", 3, imported.path("warnings").size());
        JsonNode mailing = json(lms.get("/workflows/2"), problems, "workflow 2");
        JsonNode notification = mailing.path("actions").path(0).path("notifications").path(0);
        expect(problems, "notification kept", "[\"office@example.org\"]", notification.path("addresses").toString());
        expect(problems, "notification body (umlauts)", "{actor} moved {record.lmsRecordId} from {from.title} to {to.title}."
                + "\nÄnderung über Campus.", text(notification, "body"));
        String dcworkflow = lms.get("/workflows/2/export?format=dcworkflow").body();
        expect(problems, "DCWorkflow export carries the notification", true,
                dcworkflow.contains("office@example.org") && dcworkflow.contains("<dc-workflow"));

        JsonNode bindings = items(lms.get("/workflow-bindings"), problems, "bindings");
        List<String> scopes = new ArrayList<>();
        bindings.forEach(b -> scopes.add(text(b, "scope") + ":" + b.path("courseId") + ":" + b.path("activityId") + "->"
                + b.path("workflowId").asLong()));
        expect(problems, "bindings", List.of("global::->4", "course:101:->2",
                "activity:\"c-102\":\"quiz-7\"->3"), scopes);
        JsonNode effective = json(lms.get("/workflow-bindings/effective?courseId=c-102&activityId=quiz-7"), problems,
                "effective binding");
        expect(problems, "effective binding of quiz-7", 3L, effective.path("workflowId").asLong());
    }

    private static void checkRecords(Http lms, List<String> problems) {
        JsonNode page = json(lms.get("/workflow-records/1"), problems, "record 1");
        expect(problems, "record 1 state", "done", text(page, "state"));
        expect(problems, "record 1 ids as sent", "\"page-1\" 101 301 201", page.path("lmsRecordId") + " "
                + page.path("courseId") + " " + page.path("activityId") + " " + page.path("authorId"));
        expect(problems, "record 1 version", 3L, page.path("version").asLong());
        JsonNode numeric = json(lms.get("/workflow-records/2"), problems, "record 2");
        expect(problems, "record 2 ids as sent", "5001 101 301 \"u-202\"", numeric.path("lmsRecordId") + " "
                + numeric.path("courseId") + " " + numeric.path("activityId") + " " + numeric.path("authorId"));

        JsonNode history = items(lms.get("/workflow-records/3/history"), problems, "history of record 3");
        List<String> steps = new ArrayList<>();
        history.forEach(h -> steps.add(h.path("action").asText("-") + ":" + h.path("actor") + ":" + text(h, "to")));
        expect(problems, "history of record 3, oldest first", List.of("-:203:visible", "submit:203:pending",
                "publish::published"), steps);
        expect(problems, "comment of an erased actor's step", "published by a teacher who leaves",
                text(history.path(2), "comment"));
        JsonNode first = items(lms.get("/workflow-records/1/history"), problems, "history of record 1");
        expect(problems, "comment with a dash", "Please review – thanks!", text(first.path(1), "comment"));

        JsonNode mail = items(lms.get("/workflow-records/1/mail"), problems, "mail of record 1");
        List<String> recipients = new ArrayList<>();
        mail.forEach(m -> recipients.add(text(m, "recipientKind") + ":" + m.path("recipient").asText("-")));
        expect(problems, "mail of record 1", List.of("author:-", "address:office@example.org"), recipients);
        expect(problems, "mail subject", "[Review with mail] Submit: page-1", text(mail.path(0), "subject"));
        expect(problems, "mail body", "201 moved page-1 from Draft to In review.\nÄnderung über Campus.",
                text(mail.path(1), "body"));

        JsonNode worklist = json(lms.get("/workflow-worklists?courseId=101&roles=teacher"), problems, "worklist");
        expect(problems, "course 101's worklist for teachers (reopen from review and done)", "[1, 2]", ids(worklist.path("items")));
        JsonNode export = json(lms.get("/privacy/users/201/export"), problems, "export of user 201");
        expect(problems, "export of user 201 names their shares and records", true,
                export.toString().contains("https://moodle.net/r/upgrade-1") && export.toString().contains("page-1"));
    }

    private static void checkAudit(Http admin, List<String> problems) {
        JsonNode audit = items(admin.get("/audit?limit=500"), problems, "audit");
        Map<Long, JsonNode> byId = new LinkedHashMap<>();
        audit.forEach(a -> byId.put(a.path("id").asLong(), a));
        for (long id = 1; id <= 28; id++) {
            if (!byId.containsKey(id)) {
                problems.add("audit entry " + id + " of version 6 is missing");
            }
        }
        if (byId.containsKey(27L)) {
            expect(problems, "audit entry 27", "DELETE /privacy/users/{userId} /privacy/users/299 HTTP 200",
                    text(byId.get(27L), "action") + " " + text(byId.get(27L), "target") + " " + text(byId.get(27L), "detail"));
            expect(problems, "audit entry 27 actor", "lms (key 9tmcvh5svy70)", text(byId.get(27L), "actor"));
        }
    }

    private static void checkNewWritesTakeNewIds(Http lms, List<String> problems) {
        Http.Answer share = lms.postJson("/share-progress", "{\"courseId\":101,\"userId\":205,\"type\":\"course\"}");
        expect(problems, "a new share", 201, share.status());
        if (share.status() == 201) {
            assertFalse(share.json().path("id").asLong() <= 3);
        }
        Http.Answer action = lms.postJson("/workflow-records/2/actions",
                "{\"action\":\"accept\",\"userId\":900,\"roles\":[\"teacher\"],\"comment\":\"after the upgrade\"}");
        expect(problems, "an action on an old record", 200, action.status());
        JsonNode history = items(lms.get("/workflow-records/2/history"), problems, "history of record 2");
        expect(problems, "history of record 2 after the action", 3, history.size());
        if (history.size() == 3) {
            expect(problems, "the new step's id is after the old ones", true, history.path(2).path("id").asLong() > 53);
        }
        Http.Answer record = lms.postJson("/workflow-records",
                "{\"lmsRecordId\":\"after-upgrade\",\"courseId\":101,\"activityId\":301,\"authorId\":206}");
        expect(problems, "a new record on the course's binding", 201, record.status());
        if (record.status() == 201) {
            expect(problems, "the new record's workflow", 2L, record.json().path("workflowId").asLong());
            expect(problems, "the new record's id is after the old ones", true, record.json().path("id").asLong() > 4);
        }
    }

    private static JsonNode json(Http.Answer a, List<String> problems, String what) {
        if (a.status() != 200) {
            problems.add(what + ": " + a);
            return Http.JSON.createObjectNode();
        }
        return a.json();
    }

    private static JsonNode items(Http.Answer a, List<String> problems, String what) {
        JsonNode items = json(a, problems, what).path("items");
        assertNotNull(items);
        return items.isArray() ? items : Http.JSON.createArrayNode();
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isMissingNode() || v.isNull() ? null : v.asText();
    }

    private static String statuses(JsonNode items) {
        List<String> out = new ArrayList<>();
        items.forEach(i -> out.add(i.path("status").asText()));
        return out.toString();
    }

    private static String ids(JsonNode items) {
        List<Long> out = new ArrayList<>();
        items.forEach(i -> out.add(i.path("id").asLong()));
        return out.toString();
    }

    private static void expect(List<String> problems, String what, Object expected, Object actual) {
        if (!java.util.Objects.equals(expected, actual)) {
            problems.add(what + ": expected " + expected + ", got " + actual);
        }
    }
}
