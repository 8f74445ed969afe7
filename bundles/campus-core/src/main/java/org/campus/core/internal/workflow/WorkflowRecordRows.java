package org.campus.core.internal.workflow;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;

import javax.sql.DataSource;

import org.campus.api.workflow.LmsId;
import org.campus.api.workflow.RecordVisibility;
import org.campus.api.workflow.WorkflowRecord;
import org.campus.core.internal.db.IdBlocks;
import org.campus.core.internal.db.JdbcTransactions;

/**
 * The hot path of an action in plain JDBC, as {@code ShareRows} does for shares: read the record,
 * move it with the same optimistic check JPA's {@code @Version} makes, append the history entry, in
 * one transaction. Everything else about records stays in JPA; the caller evicts the record from
 * the shared cache after the commit.
 */
final class WorkflowRecordRows {

    private static final String SELECT_RECORD = "SELECT workflow_id, lms_record_id, course_id, activity_id,"
            + " author_id, id_numeric, state, time_created, time_modified, version, visibility"
            + " FROM workflow_record WHERE id = ?";
    private static final String UPDATE_STATE = "UPDATE workflow_record SET state = ?, time_modified = ?,"
            + " version = version + 1 WHERE id = ? AND version = ?";
    private static final String INSERT_HISTORY = "INSERT INTO workflow_history (id, record_id, action, actor,"
            + " actor_numeric, from_state, to_state, event_time, comment_text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /** The work between reading the record and writing it: checks, or throws. */
    @FunctionalInterface
    interface Move {
        /** @return the action's target state */
        String to(WorkflowRecord record);
    }

    /** The outcome of a move: the record as changed, the history entry's id. */
    record Moved(WorkflowRecord record, String from, long historyId) {
    }

    private final JdbcTransactions jdbc;
    private final IdBlocks historyIds = new IdBlocks("workflow_history_seq");

    WorkflowRecordRows(DataSource dataSource) {
        this.jdbc = new JdbcTransactions(dataSource);
    }

    /**
     * Reads record {@code id}, asks {@code move} for its new state and writes it with one history
     * entry. {@code null} when there is no such record; a lost race yields {@link LostRace}.
     */
    Moved move(long id, Move move, String action, LmsId actor, String comment, long now) throws SQLException {
        return jdbc.write(c -> {
            WorkflowRecord before = select(c, id);
            if (before == null) {
                return null;
            }
            String to = move.to(before);
            try (PreparedStatement ps = c.prepareStatement(UPDATE_STATE)) {
                ps.setString(1, to);
                ps.setLong(2, now);
                ps.setLong(3, id);
                ps.setLong(4, before.version());
                if (ps.executeUpdate() != 1) {
                    throw new LostRace();
                }
            }
            long historyId = historyIds.next(c);
            try (PreparedStatement ps = c.prepareStatement(INSERT_HISTORY)) {
                ps.setLong(1, historyId);
                ps.setLong(2, id);
                ps.setString(3, action);
                ps.setString(4, actor.value());
                ps.setInt(5, actor.numeric() ? 1 : 0);
                ps.setString(6, before.state());
                ps.setString(7, to);
                ps.setLong(8, now);
                if (comment == null) {
                    ps.setNull(9, Types.VARCHAR);
                } else {
                    ps.setString(9, comment);
                }
                ps.executeUpdate();
            }
            WorkflowRecord after = new WorkflowRecord(before.id(), before.workflowId(), before.lmsRecordId(),
                    before.courseId(), before.activityId(), before.authorId(), to, before.created(),
                    Instant.ofEpochMilli(now), before.version() + 1, before.visibility());
            return new Moved(after, before.state(), historyId);
        });
    }

    private static WorkflowRecord select(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT_RECORD)) {
            ps.setLong(1, id);
            try (ResultSet r = ps.executeQuery()) {
                if (!r.next()) {
                    return null;
                }
                int n = r.getInt(6);
                return new WorkflowRecord(id, r.getLong(1),
                        new LmsId(r.getString(2), (n & WorkflowRecordEntity.LMS_RECORD_NUMERIC) != 0),
                        new LmsId(r.getString(3), (n & WorkflowRecordEntity.COURSE_NUMERIC) != 0),
                        new LmsId(r.getString(4), (n & WorkflowRecordEntity.ACTIVITY_NUMERIC) != 0),
                        new LmsId(r.getString(5), (n & WorkflowRecordEntity.AUTHOR_NUMERIC) != 0),
                        r.getString(7), Instant.ofEpochMilli(r.getLong(8)), Instant.ofEpochMilli(r.getLong(9)),
                        r.getLong(10), RecordVisibility.values()[r.getInt(11)]);
            }
        }
    }

    /** The record's version moved between the read and the update: another action committed first. */
    static final class LostRace extends RuntimeException {
        private static final long serialVersionUID = 1L;

        LostRace() {
            super(null, null, false, false);
        }
    }
}
