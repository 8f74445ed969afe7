package org.campus.core.internal.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * V7 and V8 keep the data of a database made by V1-V6: the 0/1 flags become booleans, a share's
 * numeric ids become LMS ids flagged as numbers. Runs on Derby, and on PostgreSQL with
 * {@value TestDatabase#JDBC_URL}.
 */
class SchemaUpgradeV7Test {

    private final TestDatabase db = new TestDatabase("6");

    @AfterEach
    void close() {
        db.close();
    }

    private void execute(String... sql) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            for (String statement : sql) {
                s.execute(statement);
            }
        }
    }

    @Test
    void booleansAndShareIdsKeepTheirValues() throws SQLException {
        execute("INSERT INTO share_progress (id, course_id, user_id, share_type, cm_id, status, time_created,"
                        + " time_modified, source_deleted, time_source_deleted, version)"
                        + " VALUES (1, 2, 9223372036854775807, 'activity', 17, 'sent', 100, 200, 1, 300, 2)",
                "INSERT INTO share_progress (id, course_id, user_id, share_type, cm_id, status, time_created,"
                        + " time_modified, source_deleted, version)"
                        + " VALUES (2, 3, 5, 'course', NULL, 'in_progress', 100, 100, 0, 1)",
                "INSERT INTO share_progress_event (id, share_id, status, event_time) VALUES (1, 1, 'in_progress', 100)",
                "INSERT INTO workflow (id, workflow_key, title, definition_xml, time_created, family_id, version)"
                        + " VALUES (1, 'k', 't', '<dc-workflow/>', 100, 1, 1)",
                "INSERT INTO workflow_record (id, workflow_id, lms_record_id, course_id, activity_id, author_id,"
                        + " id_numeric, state, time_created, time_modified, version, visibility)"
                        + " VALUES (1, 1, 'r', 'c', 'a', '5', 8, 'draft', 100, 100, 1, 0)",
                "INSERT INTO workflow_history (id, record_id, action, actor, actor_numeric, from_state, to_state,"
                        + " event_time) VALUES (1, 1, NULL, '5', 1, NULL, 'draft', 100)",
                "INSERT INTO workflow_history (id, record_id, action, actor, actor_numeric, from_state, to_state,"
                        + " event_time) VALUES (2, 1, 'submit', 'ann', 0, 'draft', 'pending', 200)");

        db.migrate();

        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            try (ResultSet r = s.executeQuery("SELECT id, course_id, user_id, cm_id, id_numeric, source_deleted,"
                    + " time_source_deleted, status, version FROM share_progress ORDER BY id")) {
                assertTrue(r.next());
                assertEquals("2", r.getString(2));
                assertEquals("9223372036854775807", r.getString(3));
                assertEquals("17", r.getString(4));
                assertEquals(7, r.getInt(5), "course, user and cm came as numbers");
                assertTrue(r.getBoolean(6));
                assertEquals(300, r.getLong(7));
                assertEquals("sent", r.getString(8));
                assertEquals(2, r.getLong(9));
                assertTrue(r.next());
                assertEquals("3", r.getString(2));
                assertEquals("5", r.getString(3));
                assertNull(r.getString(4));
                assertEquals(3, r.getInt(5));
                assertFalse(r.getBoolean(6));
                assertFalse(r.next());
            }
            try (ResultSet r = s.executeQuery("SELECT actor_numeric FROM workflow_history ORDER BY id")) {
                assertTrue(r.next());
                assertTrue(r.getBoolean(1));
                assertTrue(r.next());
                assertFalse(r.getBoolean(1));
            }
            try (ResultSet r = s.executeQuery("SELECT COUNT(*) FROM share_progress_event")) {
                r.next();
                assertEquals(1, r.getInt(1));
            }
            Map<String, Integer> types = columnTypes(c, "share_progress");
            assertEquals(Types.BOOLEAN, types.get("source_deleted"), types.toString());
            assertEquals(Types.VARCHAR, types.get("course_id"));
            assertEquals(Types.VARCHAR, types.get("user_id"));
            assertEquals(Types.VARCHAR, types.get("cm_id"));
            assertEquals(Types.BOOLEAN, columnTypes(c, "workflow_history").get("actor_numeric"));
        }
    }

    /** Column types by lower-case name, as JDBC reports them (Types.BOOLEAN; PostgreSQL's BIT is its boolean). */
    private static Map<String, Integer> columnTypes(Connection c, String table) throws SQLException {
        DatabaseMetaData meta = c.getMetaData();
        Map<String, Integer> types = new HashMap<>();
        String name = meta.storesUpperCaseIdentifiers() ? table.toUpperCase(Locale.ROOT) : table;
        try (ResultSet r = meta.getColumns(null, c.getSchema(), name, null)) {
            while (r.next()) {
                int type = r.getInt("DATA_TYPE");
                types.put(r.getString("COLUMN_NAME").toLowerCase(Locale.ROOT), type == Types.BIT ? Types.BOOLEAN : type);
            }
        }
        return types;
    }
}
