package org.campus.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;

/**
 * Bulk-loads workflow records straight into a database that nobody else uses meanwhile (Campus's,
 * stopped, or the baseline's; embedded Derby or PostgreSQL, see {@link BenchDatabase}), with plain JDBC in large batches: loading a million through HTTP would
 * take far too long. The rows are as Campus writes them (same columns, version 1, one history entry per
 * record when asked), spread evenly over {@code courses} x {@code activitiesPerCourse} activities and the
 * given states. Course ids are {@code c<n>}, activity ids {@code c<n>-a<m>}. Record ids start at
 * {@link #ID_BASE}, far above what the sequences (blocks of 50) hand out, so that neither side collides
 * with them later. Rows go in course by course, so that each index grows at a few places at a time.
 *
 * <p>Inserting a million rows one index entry at a time is slow, so the indexes of {@code workflow_record}
 * that campus-core's migrations create with {@code CREATE INDEX} are dropped first and created again, with
 * the very same DDL, once the rows are in (Derby then builds each by one sort). Only the indexes that
 * exist are dropped, and only those are created again. Both databases have Campus's whole schema
 * ({@link CampusSchema}), so both get the same indexes back.
 */
final class WorkflowLoader {

    /** The first id of a loaded record (and of a loaded history entry). */
    static final long ID_BASE = 1_000_000_000_000L;

    private WorkflowLoader() {
    }

    static String courseId(int course) {
        return "c" + course;
    }

    static String activityId(int course, int activity) {
        return "c" + course + "-a" + activity;
    }

    /**
     * Loads {@code records} rows under {@code workflowId} into the database at {@code jdbcUrl}, then has
     * the database update the table's statistics (as Derby's statistics daemon or PostgreSQL's autovacuum
     * would for a table that grew) and, on Derby, shuts the database down cleanly.
     */
    static void load(BenchDatabase db, String label, String jdbcUrl, long workflowId, long records, int courses,
            int activitiesPerCourse, List<String> states, boolean history, int batch) throws SQLException {
        long started = System.nanoTime();
        long perActivity = Math.max(1, records / ((long) courses * activitiesPerCourse));
        long now = System.currentTimeMillis();
        try (Connection c = db.connect(jdbcUrl)) {
            c.setAutoCommit(false);
            long existing;
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM workflow_record WHERE id >= " + ID_BASE)) {
                rs.next();
                existing = rs.getLong(1);
            }
            if (existing > 0) {
                System.out.printf(Locale.ROOT, "%s: %d loaded records are there already; nothing loaded%n", label, existing);
                return;
            }
            List<String> dropped = dropIndexes(db, c);
            try (PreparedStatement rec = c.prepareStatement("INSERT INTO workflow_record (id, workflow_id,"
                    + " lms_record_id, course_id, activity_id, author_id, id_numeric, state, time_created,"
                    + " time_modified, version) VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?, ?, 1)");
                    PreparedStatement hist = c.prepareStatement("INSERT INTO workflow_history (id, record_id, action,"
                            + " actor, actor_numeric, from_state, to_state, event_time, comment_text)"
                            + " VALUES (?, ?, NULL, ?, FALSE, NULL, ?, ?, NULL)")) {
                long n = 0;
                int inBatch = 0;
                outer:
                for (int course = 0; course < courses; course++) {
                    for (int activity = 0; activity < activitiesPerCourse; activity++) {
                        for (long k = 0; k < perActivity; k++) {
                            if (n >= records) {
                                break outer;
                            }
                            long id = ID_BASE + n;
                            String state = states.get((int) (k % states.size()));
                            long time = now - (records - n) * 1000;
                            String author = "u" + (n / 20);
                            rec.setLong(1, id);
                            rec.setLong(2, workflowId);
                            rec.setString(3, "r" + n);
                            rec.setString(4, courseId(course));
                            rec.setString(5, activityId(course, activity));
                            rec.setString(6, author);
                            rec.setString(7, state);
                            rec.setLong(8, time);
                            rec.setLong(9, time);
                            rec.addBatch();
                            if (history) {
                                hist.setLong(1, id);
                                hist.setLong(2, id);
                                hist.setString(3, author);
                                hist.setString(4, state);
                                hist.setLong(5, time);
                                hist.addBatch();
                            }
                            n++;
                            if (++inBatch == batch) {
                                flush(c, rec, hist, history);
                                inBatch = 0;
                                if (n % 100_000 == 0) {
                                    System.out.printf(Locale.ROOT, "%s: %d records loaded (%.0f s)%n", label, n,
                                            (System.nanoTime() - started) / 1e9);
                                }
                            }
                        }
                    }
                }
                if (inBatch > 0) {
                    flush(c, rec, hist, history);
                }
                System.out.printf(Locale.ROOT, "%s: %d records%s loaded in %.0f s%n", label, n,
                        history ? " and history entries" : "", (System.nanoTime() - started) / 1e9);
            }
            try (Statement s = c.createStatement()) {
                for (String ddl : dropped) {
                    s.execute(ddl);
                }
            }
            c.commit();
            if (!dropped.isEmpty()) {
                System.out.printf(Locale.ROOT, "%s: %d indexes created again (%.0f s); updating index statistics%n", label, dropped.size(),
                        (System.nanoTime() - started) / 1e9);
            }
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                if (db.postgresql) {
                    s.execute("ANALYZE workflow_record");
                    if (history) {
                        s.execute("ANALYZE workflow_history");
                    }
                } else {
                    s.execute("CALL SYSCS_UTIL.SYSCS_UPDATE_STATISTICS('APP', 'WORKFLOW_RECORD', NULL)");
                    if (history) {
                        s.execute("CALL SYSCS_UTIL.SYSCS_UPDATE_STATISTICS('APP', 'WORKFLOW_HISTORY', NULL)");
                    }
                }
            }
        } finally {
            if (!db.postgresql) {
                shutdown(jdbcUrl);
            }
        }
        System.out.printf(Locale.ROOT, "%s: done in %.0f s%n", label, (System.nanoTime() - started) / 1e9);
    }

    /**
     * Drops the indexes of workflow_record that Campus's migrations create with {@code CREATE INDEX} and that
     * exist; the DDL to create them again, in migration order.
     */
    private static List<String> dropIndexes(BenchDatabase db, Connection c) throws SQLException {
        List<String> script = new java.util.ArrayList<>();
        for (String migration : CampusSchema.migrations(db)) {
            script.addAll(CampusSchema.statements(migration));
        }
        java.util.Set<String> existing = new java.util.HashSet<>();
        try (ResultSet rs = c.getMetaData().getIndexInfo(null, db.schema(), db.metadataName("workflow_record"), false, false)) {
            while (rs.next()) {
                if (rs.getString("INDEX_NAME") != null) {
                    existing.add(rs.getString("INDEX_NAME").toUpperCase(Locale.ROOT));
                }
            }
        }
        java.util.regex.Pattern index = java.util.regex.Pattern.compile(
                "(?is)CREATE\\s+INDEX\\s+(\\w+)\\s+ON\\s+workflow_record\\b.*");
        // by name, the last definition a migration gave it
        java.util.Map<String, String> ddl = new java.util.LinkedHashMap<>();
        for (String statement : script) {
            java.util.regex.Matcher m = index.matcher(statement.strip());
            if (m.matches()) {
                ddl.put(m.group(1).toUpperCase(Locale.ROOT), statement);
            }
        }
        List<String> dropped = new java.util.ArrayList<>();
        try (Statement s = c.createStatement()) {
            for (java.util.Map.Entry<String, String> e : ddl.entrySet()) {
                if (existing.contains(e.getKey())) {
                    s.execute("DROP INDEX " + e.getKey());
                    dropped.add(e.getValue());
                }
            }
        }
        c.commit();
        return dropped;
    }

    private static void flush(Connection c, PreparedStatement rec, PreparedStatement hist, boolean history)
            throws SQLException {
        rec.executeBatch();
        if (history) {
            hist.executeBatch();
        }
        c.commit();
    }

    /** Shuts one database down, so that its files are consistent when the server opens them next. */
    private static void shutdown(String jdbcUrl) {
        String url = jdbcUrl.replace(";create=true", "");
        try {
            DriverManager.getConnection(url + ";shutdown=true").close();
        } catch (SQLException expected) {
            // Derby reports a clean shutdown as an exception (08006)
        }
    }
}
