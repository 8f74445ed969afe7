package org.campus.core.internal.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.campus.api.workflow.LmsId;
import org.campus.core.internal.job.JobTestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Moving a record's authorship with its history entries, and back, on the real schema. */
class WorkflowAuthorshipImplTest {

    private static final JobTestDatabase db = new JobTestDatabase();
    private final WorkflowAuthorshipImpl authorship = new WorkflowAuthorshipImpl(db.dataSource(), Clock.systemUTC());

    @AfterAll
    static void drop() {
        db.close();
    }

    private static void sql(String... statements) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.executeUpdate(sql);
            }
        }
    }

    private static String actor(long historyId) throws SQLException {
        try (Connection c = db.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT actor FROM workflow_history WHERE id = ?")) {
            ps.setLong(1, historyId);
            try (ResultSet r = ps.executeQuery()) {
                r.next();
                return r.getString(1);
            }
        }
    }

    @Test
    void movesTheRecordWithTheNamedEntriesAndBackOnlyWhileTheyAreAsLeft() throws Exception {
        sql("INSERT INTO workflow (id, workflow_key, title, definition_xml, time_created, family_id, version)"
                        + " VALUES (7001, 'k', 't', '<x/>', 0, 7001, 1)",
                "INSERT INTO workflow_record (id, workflow_id, lms_record_id, course_id, activity_id, author_id,"
                        + " id_numeric, state, time_created, time_modified, version, visibility)"
                        + " VALUES (8001, 7001, '1', '12', '3', '5', 15, 'draft', 0, 0, 1, 0)",
                "INSERT INTO workflow_history (id, record_id, action, actor, actor_numeric, to_state, event_time)"
                        + " VALUES (9001, 8001, NULL, '5', TRUE, 'draft', 0)",
                "INSERT INTO workflow_history (id, record_id, action, actor, actor_numeric, to_state, event_time)"
                        + " VALUES (9002, 8001, 'review', '42', TRUE, 'draft', 1)");
        LmsId from = LmsId.of(5);
        LmsId to = LmsId.of("ann-b");

        assertEquals(List.of(8001L), authorship.authoredBy(from, 0, 10).stream().map(r -> r.id()).toList());
        List<Long> entries = authorship.historyOf(8001, from);
        assertEquals(List.of(9001L), entries);
        assertTrue(authorship.move(8001, entries, from, to));

        assertEquals(Map.of(8001L, to), authorship.authors(List.of(8001L)), "a string id stays a string");
        assertEquals("ann-b", actor(9001));
        assertEquals("42", actor(9002), "another actor's entry stays");
        assertFalse(authorship.move(8001, entries, from, to), "not the author any more");

        sql("UPDATE workflow_history SET actor = '43' WHERE id = 9001");
        assertFalse(authorship.move(8001, entries, to, from), "an entry changed hands since: nothing is given back");
        assertEquals(Map.of(8001L, to), authorship.authors(List.of(8001L)));

        sql("UPDATE workflow_history SET actor = 'ann-b' WHERE id = 9001");
        assertTrue(authorship.move(8001, entries, to, from));
        assertEquals(Map.of(8001L, from), authorship.authors(List.of(8001L)), "a number again");
        assertEquals("5", actor(9001));
    }
}
