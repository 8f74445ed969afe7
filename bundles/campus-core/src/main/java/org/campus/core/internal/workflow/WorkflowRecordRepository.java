package org.campus.core.internal.workflow;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

import org.campus.api.ConflictException;
import org.campus.api.workflow.HistoryEntry;
import org.campus.api.workflow.LmsId;
import org.campus.api.workflow.NewRecord;
import org.campus.api.workflow.RecordVisibility;
import org.campus.api.workflow.WorkflowRecord;
import org.campus.core.internal.db.IdBlocks;

/**
 * The one repository of workflow records ({@code workflow_record} and the history only it writes,
 * {@code workflow_history}), in plain JDBC. Every method runs on the connection it is given, in the
 * caller's transaction: a plain JDBC one, or EclipseLink's when a binding changes with the records
 * that follow it. A record carries a {@code version}: a change made from a record as read updates
 * it only if the version did not move, so of two concurrent changes the second loses with a
 * {@link ConflictException}; set-based moves bump the version of every record they touch.
 */
final class WorkflowRecordRepository {

    /** Which LMS ids came as JSON numbers: bits of {@code id_numeric}. */
    static final int LMS_RECORD_NUMERIC = 1;
    static final int COURSE_NUMERIC = 2;
    static final int ACTIVITY_NUMERIC = 4;
    static final int AUTHOR_NUMERIC = 8;

    /** The columns {@link #record(ResultSet, int)} reads, in its order. */
    static final String COLUMNS = "id, workflow_id, lms_record_id, course_id, activity_id, author_id, id_numeric,"
            + " state, time_created, time_modified, version, visibility";

    private static final String INSERT_RECORD = "INSERT INTO workflow_record (id, workflow_id, lms_record_id,"
            + " course_id, activity_id, author_id, id_numeric, state, time_created, time_modified, version,"
            + " visibility) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, 0)";
    private static final String SELECT_RECORD = "SELECT " + COLUMNS + " FROM workflow_record WHERE id = ?";
    private static final String UPDATE_STATE = "UPDATE workflow_record SET state = ?, time_modified = ?,"
            + " version = version + 1 WHERE id = ? AND version = ?";
    private static final String UPDATE_WORKFLOW = "UPDATE workflow_record SET workflow_id = ?, state = ?,"
            + " visibility = 0, time_modified = ?, version = version + 1 WHERE id = ? AND version = ?";
    private static final String INSERT_HISTORY = "INSERT INTO workflow_history (id, record_id, action, actor,"
            + " actor_numeric, from_state, to_state, event_time, comment_text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String HISTORY_COLUMNS = "id, record_id, action, actor, actor_numeric, from_state,"
            + " to_state, event_time, comment_text";

    private final IdBlocks recordIds = new IdBlocks("workflow_record_seq");
    private final IdBlocks historyIds = new IdBlocks("workflow_history_seq");

    /** Some records: a WHERE clause on {@code workflow_record} and its parameters. */
    record Selection(String where, List<Object> params) {

        static Selection of(String where, Object... params) {
            return new Selection(where, List.of(params));
        }

        Selection and(String clause, Object... more) {
            List<Object> all = new ArrayList<>(params);
            all.addAll(Arrays.asList(more));
            return new Selection(where + " AND " + clause, all);
        }

        /** Sets the parameters from index {@code first}; returns the next index. */
        int bind(PreparedStatement ps, int first) throws SQLException {
            for (int i = 0; i < params.size(); i++) {
                ps.setObject(first + i, params.get(i));
            }
            return first + params.size();
        }
    }

    // ---- one record

    /** Stores a record in {@code state} with its first history entry (no action; the author as actor). */
    WorkflowRecord insert(Connection c, long workflowId, NewRecord r, String state, long now) throws SQLException {
        long id = recordIds.next(c);
        int numeric = flag(r.lmsRecordId(), LMS_RECORD_NUMERIC) | flag(r.courseId(), COURSE_NUMERIC)
                | flag(r.activityId(), ACTIVITY_NUMERIC) | flag(r.authorId(), AUTHOR_NUMERIC);
        try (PreparedStatement ps = c.prepareStatement(INSERT_RECORD)) {
            ps.setLong(1, id);
            ps.setLong(2, workflowId);
            ps.setString(3, r.lmsRecordId().value());
            ps.setString(4, r.courseId().value());
            ps.setString(5, r.activityId().value());
            ps.setString(6, r.authorId().value());
            ps.setInt(7, numeric);
            ps.setString(8, state);
            ps.setLong(9, now);
            ps.setLong(10, now);
            ps.executeUpdate();
        }
        appendHistory(c, id, null, r.authorId(), null, state, now, null);
        Instant t = Instant.ofEpochMilli(now);
        return new WorkflowRecord(id, workflowId, r.lmsRecordId(), r.courseId(), r.activityId(), r.authorId(), state,
                t, t, 1L, RecordVisibility.VISIBLE);
    }

    Optional<WorkflowRecord> find(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT_RECORD)) {
            ps.setLong(1, id);
            try (ResultSet r = ps.executeQuery()) {
                return r.next() ? Optional.of(record(r, 1)) : Optional.empty();
            }
        }
    }

    /**
     * Moves {@code before} (the record as read in this transaction) to state {@code to} by
     * {@code action} and appends the history entry.
     *
     * @return the record as changed and its new history entry's id
     * @throws ConflictException another change committed since the record was read
     */
    Moved move(Connection c, WorkflowRecord before, String to, String action, LmsId actor, String comment, long now)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(UPDATE_STATE)) {
            ps.setString(1, to);
            ps.setLong(2, now);
            ps.setLong(3, before.id());
            ps.setLong(4, before.version());
            if (ps.executeUpdate() != 1) {
                throw lostRace();
            }
        }
        long historyId = appendHistory(c, before.id(), action, actor, before.state(), to, now, comment);
        return new Moved(new WorkflowRecord(before.id(), before.workflowId(), before.lmsRecordId(), before.courseId(),
                before.activityId(), before.authorId(), to, before.created(), Instant.ofEpochMilli(now),
                before.version() + 1, before.visibility()), historyId);
    }

    /** The outcome of {@link #move}. */
    record Moved(WorkflowRecord record, long historyId) {
    }

    /**
     * Puts {@code before} on workflow {@code workflowId} in state {@code to}, visible, with a history
     * entry {@code action} by {@code actor} (an administrator or key, not an LMS id).
     *
     * @throws ConflictException another change committed since the record was read
     */
    WorkflowRecord moveToWorkflow(Connection c, WorkflowRecord before, long workflowId, String to, String action,
            String actor, String comment, long now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(UPDATE_WORKFLOW)) {
            ps.setLong(1, workflowId);
            ps.setString(2, to);
            ps.setLong(3, now);
            ps.setLong(4, before.id());
            ps.setLong(5, before.version());
            if (ps.executeUpdate() != 1) {
                throw lostRace();
            }
        }
        appendHistory(c, before.id(), action, LmsId.of(actor), before.state(), to, now, comment);
        return new WorkflowRecord(before.id(), workflowId, before.lmsRecordId(), before.courseId(),
                before.activityId(), before.authorId(), to, before.created(), Instant.ofEpochMilli(now),
                before.version() + 1, RecordVisibility.VISIBLE);
    }

    /** A record's history, oldest first; empty when there is no such record (each has its creation entry). */
    List<HistoryEntry> history(Connection c, long recordId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + HISTORY_COLUMNS
                + " FROM workflow_history WHERE record_id = ? ORDER BY event_time, id")) {
            ps.setLong(1, recordId);
            return history(ps);
        }
    }

    /** An activity's records in id order after {@code afterId}, at most {@code limit}. */
    List<WorkflowRecord> ofActivity(Connection c, String courseId, String activityId, long afterId, int limit)
            throws SQLException {
        List<WorkflowRecord> found = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM workflow_record"
                + " WHERE activity_id = ? AND course_id = ? AND id > ? ORDER BY id")) {
            ps.setString(1, activityId);
            ps.setString(2, courseId);
            ps.setLong(3, afterId);
            ps.setMaxRows(limit);
            try (ResultSet r = ps.executeQuery()) {
                while (r.next()) {
                    found.add(record(r, 1));
                }
            }
        }
        return found;
    }

    /** The histories of some records (at most a page of them) in one query, oldest entry first. */
    Map<Long, List<HistoryEntry>> histories(Connection c, List<Long> recordIds) throws SQLException {
        Map<Long, List<HistoryEntry>> byRecord = new java.util.HashMap<>();
        if (recordIds.isEmpty()) {
            return byRecord;
        }
        String marks = String.join(", ", java.util.Collections.nCopies(recordIds.size(), "?"));
        try (PreparedStatement ps = c.prepareStatement("SELECT " + HISTORY_COLUMNS + " FROM workflow_history"
                + " WHERE record_id IN (" + marks + ") ORDER BY record_id, event_time, id")) {
            for (int i = 0; i < recordIds.size(); i++) {
                ps.setLong(i + 1, recordIds.get(i));
            }
            for (HistoryEntry h : history(ps)) {
                byRecord.computeIfAbsent(h.recordId(), k -> new ArrayList<>()).add(h);
            }
        }
        return byRecord;
    }

    private long appendHistory(Connection c, long recordId, String action, LmsId actor, String from, String to,
            long now, String comment) throws SQLException {
        long id = historyIds.next(c);
        try (PreparedStatement ps = c.prepareStatement(INSERT_HISTORY)) {
            setHistory(ps, id, recordId, action, actor.value(), actor.numeric(), from, to, now, comment);
            ps.executeUpdate();
        }
        return id;
    }

    // ---- many records: the batches of migration jobs

    /**
     * A record as a migration batch reads it: what a move needs, the version it checks, and when the
     * record last changed.
     */
    record Migrating(long id, String state, long version, long timeModified) {

        /**
         * When the batch changes the record: now, but after its last change, so that its history, in
         * time order, has the migration after the action it follows (a batch can run in the same
         * millisecond as the action it lost to, and the two take history ids from different blocks).
         */
        long changeTime(long now) {
            return Math.max(now, timeModified + 1);
        }
    }

    /** How many of the selected records are in each state. */
    Map<String, Long> countByState(Connection c, Selection records) throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT state, COUNT(*) FROM workflow_record WHERE "
                + records.where() + " GROUP BY state")) {
            records.bind(ps, 1);
            try (ResultSet r = ps.executeQuery()) {
                while (r.next()) {
                    counts.put(r.getString(1), r.getLong(2));
                }
            }
        }
        return counts;
    }

    /**
     * The ids of at most {@code limit} selected records after {@code after}, in id order (a keyset
     * page of a migration). {@code hint} follows the table name: Derby's hint naming the
     * {@code (workflow_id, id)} index, or a blank.
     */
    List<Long> idsAfter(Connection c, Selection records, String hint, long after, int limit) throws SQLException {
        List<Long> ids = new ArrayList<>(limit);
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM workflow_record" + hint + "WHERE "
                + records.where() + " AND id > ? ORDER BY id FETCH FIRST ? ROWS ONLY")) {
            int next = records.bind(ps, 1);
            ps.setLong(next, after);
            ps.setInt(next + 1, limit);
            try (ResultSet r = ps.executeQuery()) {
                while (r.next()) {
                    ids.add(r.getLong(1));
                }
            }
        }
        return ids;
    }

    /** The selected records with an id in {@code (after, last]}, in id order. */
    List<Migrating> range(Connection c, Selection records, String hint, long after, long last) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id, state, version, time_modified FROM workflow_record" + hint
                + "WHERE " + records.where() + " AND id > ? AND id <= ? ORDER BY id")) {
            int next = records.bind(ps, 1);
            ps.setLong(next, after);
            ps.setLong(next + 1, last);
            return migrating(ps);
        }
    }

    /** Those of {@code ids} that are still selected, as they are now, in id order. */
    List<Migrating> reread(Connection c, Selection records, List<Long> ids) throws SQLException {
        if (ids.isEmpty()) {
            return List.of();
        }
        String marks = String.join(", ", java.util.Collections.nCopies(ids.size(), "?"));
        try (PreparedStatement ps = c.prepareStatement("SELECT id, state, version, time_modified FROM workflow_record WHERE "
                + records.where() + " AND id IN (" + marks + ") ORDER BY id")) {
            int next = records.bind(ps, 1);
            for (Long id : ids) {
                ps.setLong(next++, id);
            }
            return migrating(ps);
        }
    }

    private static List<Migrating> migrating(PreparedStatement ps) throws SQLException {
        List<Migrating> rows = new ArrayList<>();
        try (ResultSet r = ps.executeQuery()) {
            while (r.next()) {
                rows.add(new Migrating(r.getLong(1), r.getString(2), r.getLong(3), r.getLong(4)));
            }
        }
        return rows;
    }

    /**
     * Moves each record to {@code workflowId} in the state {@code map} gives for its state, visible,
     * if its version is still the one read (one JDBC batch of single-row updates), at
     * {@link Migrating#changeTime}.
     *
     * @return for each record, whether it moved; one that did not was changed meanwhile
     */
    boolean[] moveEach(Connection c, List<Migrating> rows, long workflowId, Map<String, String> map, long now)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(UPDATE_WORKFLOW)) {
            for (Migrating m : rows) {
                ps.setLong(1, workflowId);
                ps.setString(2, map.get(m.state()));
                ps.setLong(3, m.changeTime(now));
                ps.setLong(4, m.id());
                ps.setLong(5, m.version());
                ps.addBatch();
            }
            return changed(ps, rows.size());
        }
    }

    /**
     * Gives each record {@code visibility}, leaving its workflow and state, if its version is still
     * the one read.
     *
     * @return for each record, whether it changed
     */
    boolean[] setVisibilityEach(Connection c, List<Migrating> rows, RecordVisibility visibility, long now)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE workflow_record SET visibility = ?,"
                + " version = version + 1, time_modified = ? WHERE id = ? AND version = ?")) {
            for (Migrating m : rows) {
                ps.setInt(1, visibility.ordinal());
                ps.setLong(2, m.changeTime(now));
                ps.setLong(3, m.id());
                ps.setLong(4, m.version());
                ps.addBatch();
            }
            return changed(ps, rows.size());
        }
    }

    private static boolean[] changed(PreparedStatement ps, int size) throws SQLException {
        boolean[] changed = new boolean[size];
        if (size == 0) {
            return changed;
        }
        int[] counts = ps.executeBatch();
        if (counts.length != size) {
            throw new SQLException("a batch of " + size + " updates reported " + counts.length + " counts");
        }
        for (int i = 0; i < size; i++) {
            if (counts[i] != 0 && counts[i] != 1) {
                // an update by primary key changes one row or none; anything else leaves the outcome unknown
                throw new SQLException("an update of workflow record reported " + counts[i] + " rows");
            }
            changed[i] = counts[i] == 1;
        }
        return changed;
    }

    /**
     * One history entry per record, {@code action} by {@code actor} from its state to
     * {@code toState.apply(state)} at {@link Migrating#changeTime}, in one JDBC batch (ids from the
     * sequence in blocks).
     */
    void appendHistoryEach(Connection c, List<Migrating> rows, String action, UnaryOperator<String> toState,
            String actor, String comment, long now) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = c.prepareStatement(INSERT_HISTORY)) {
            for (Migrating m : rows) {
                setHistory(insert, historyIds.next(c), m.id(), action, actor, false, m.state(),
                        toState.apply(m.state()), m.changeTime(now), comment);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    // ---- privacy

    /** The records a user authored, oldest first. */
    List<WorkflowRecord> byAuthor(Connection c, String userId) throws SQLException {
        List<WorkflowRecord> records = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                + " FROM workflow_record WHERE author_id = ? ORDER BY time_created, id")) {
            ps.setString(1, userId);
            try (ResultSet r = ps.executeQuery()) {
                while (r.next()) {
                    records.add(record(r, 1));
                }
            }
        }
        return records;
    }

    /** The actions a user performed (creation entries excluded), oldest first. */
    List<HistoryEntry> actedBy(Connection c, String userId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + HISTORY_COLUMNS
                + " FROM workflow_history WHERE actor = ? AND action IS NOT NULL ORDER BY event_time, id")) {
            ps.setString(1, userId);
            return history(ps);
        }
    }

    /** Deletes a user's records with their histories and mails (the foreign keys cascade); returns how many. */
    int deleteByAuthor(Connection c, String userId) throws SQLException {
        return delete(c, "author_id", userId);
    }

    /** Deletes a course's records with their histories and mails; returns how many. */
    int deleteByCourse(Connection c, String courseId) throws SQLException {
        return delete(c, "course_id", courseId);
    }

    /** Removes a user as the actor of every history entry; returns how many entries. */
    int forgetActor(Connection c, String userId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE workflow_history SET actor = NULL, actor_numeric = ? WHERE actor = ?")) {
            ps.setBoolean(1, false);
            ps.setString(2, userId);
            return ps.executeUpdate();
        }
    }

    private static int delete(Connection c, String column, String value) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM workflow_record WHERE " + column + " = ?")) {
            ps.setString(1, value);
            return ps.executeUpdate();
        }
    }

    // ---- rows

    /** A record from the {@link #COLUMNS} starting at column {@code first}. */
    static WorkflowRecord record(ResultSet r, int first) throws SQLException {
        int n = r.getInt(first + 6);
        return new WorkflowRecord(r.getLong(first), r.getLong(first + 1),
                new LmsId(r.getString(first + 2), (n & LMS_RECORD_NUMERIC) != 0),
                new LmsId(r.getString(first + 3), (n & COURSE_NUMERIC) != 0),
                new LmsId(r.getString(first + 4), (n & ACTIVITY_NUMERIC) != 0),
                new LmsId(r.getString(first + 5), (n & AUTHOR_NUMERIC) != 0),
                r.getString(first + 7), Instant.ofEpochMilli(r.getLong(first + 8)),
                Instant.ofEpochMilli(r.getLong(first + 9)), r.getLong(first + 10),
                RecordVisibility.values()[r.getInt(first + 11)]);
    }

    private static List<HistoryEntry> history(PreparedStatement ps) throws SQLException {
        List<HistoryEntry> entries = new ArrayList<>();
        try (ResultSet r = ps.executeQuery()) {
            while (r.next()) {
                String actor = r.getString(4);
                entries.add(new HistoryEntry(r.getLong(1), r.getLong(2), r.getString(3),
                        actor == null ? null : new LmsId(actor, r.getBoolean(5)), r.getString(6), r.getString(7),
                        Instant.ofEpochMilli(r.getLong(8)), r.getString(9)));
            }
        }
        return entries;
    }

    private static void setHistory(PreparedStatement ps, long id, long recordId, String action, String actor,
            boolean actorNumeric, String from, String to, long now, String comment) throws SQLException {
        ps.setLong(1, id);
        ps.setLong(2, recordId);
        setNullable(ps, 3, action);
        setNullable(ps, 4, actor);
        ps.setBoolean(5, actorNumeric);
        setNullable(ps, 6, from);
        ps.setString(7, to);
        ps.setLong(8, now);
        setNullable(ps, 9, comment);
    }

    private static void setNullable(PreparedStatement ps, int index, String value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.VARCHAR);
        } else {
            ps.setString(index, value);
        }
    }

    private static int flag(LmsId id, int bit) {
        return id.numeric() ? bit : 0;
    }

    private static ConflictException lostRace() {
        return new ConflictException("the resource was changed by another request meanwhile; read it again and retry");
    }

    // ------------------------------------------------------------------ authorship (transfers)

    /** An author's records in id order after {@code afterId}, at most {@code limit}. */
    List<WorkflowRecord> authoredBy(Connection c, String authorId, long afterId, int limit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM workflow_record WHERE author_id = ?"
                + " AND id > ? ORDER BY id FETCH FIRST ? ROWS ONLY")) {
            ps.setString(1, authorId);
            ps.setLong(2, afterId);
            ps.setInt(3, limit);
            List<WorkflowRecord> found = new ArrayList<>();
            try (ResultSet r = ps.executeQuery()) {
                while (r.next()) {
                    found.add(record(r, 1));
                }
            }
            return found;
        }
    }

    /** Changes a record's author from {@code from} to {@code to}; false when {@code from} is not its author. */
    boolean changeAuthor(Connection c, long recordId, LmsId from, LmsId to, long now) throws SQLException {
        int numeric;
        try (PreparedStatement ps = c.prepareStatement("SELECT id_numeric FROM workflow_record WHERE id = ? AND author_id = ?")) {
            ps.setLong(1, recordId);
            ps.setString(2, from.value());
            try (ResultSet r = ps.executeQuery()) {
                if (!r.next()) {
                    return false;
                }
                numeric = r.getInt(1);
            }
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE workflow_record SET author_id = ?, id_numeric = ?,"
                + " time_modified = ?, version = version + 1 WHERE id = ? AND author_id = ?")) {
            ps.setString(1, to.value());
            ps.setInt(2, (numeric & ~AUTHOR_NUMERIC) | flag(to, AUTHOR_NUMERIC));
            ps.setLong(3, now);
            ps.setLong(4, recordId);
            ps.setString(5, from.value());
            return ps.executeUpdate() == 1;
        }
    }

    /** The ids of a record's history entries whose actor is {@code actor}. */
    List<Long> historyOf(Connection c, long recordId, String actor) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM workflow_history WHERE record_id = ? AND actor = ?"
                + " ORDER BY id")) {
            ps.setLong(1, recordId);
            ps.setString(2, actor);
            try (ResultSet r = ps.executeQuery()) {
                while (r.next()) {
                    ids.add(r.getLong(1));
                }
            }
        }
        return ids;
    }

    /** Sets the actor of one history entry of a record from {@code from} to {@code to}; false when it is not {@code from}. */
    boolean changeActor(Connection c, long recordId, long historyId, LmsId from, LmsId to) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE workflow_history SET actor = ?, actor_numeric = ?"
                + " WHERE id = ? AND record_id = ? AND actor = ?")) {
            ps.setString(1, to.value());
            ps.setBoolean(2, to.numeric());
            ps.setLong(3, historyId);
            ps.setLong(4, recordId);
            ps.setString(5, from.value());
            return ps.executeUpdate() == 1;
        }
    }

    /** The authors of the records that exist among {@code ids} (at most a few hundred at a time). */
    Map<Long, LmsId> authors(Connection c, List<Long> ids) throws SQLException {
        Map<Long, LmsId> authors = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return authors;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT id, author_id, id_numeric FROM workflow_record WHERE id IN ("
                + "?, ".repeat(ids.size() - 1) + "?)")) {
            for (int i = 0; i < ids.size(); i++) {
                ps.setLong(i + 1, ids.get(i));
            }
            try (ResultSet r = ps.executeQuery()) {
                while (r.next()) {
                    authors.put(r.getLong(1), new LmsId(r.getString(2), (r.getInt(3) & AUTHOR_NUMERIC) != 0));
                }
            }
        }
        return authors;
    }
}
