package org.campus.core.internal.transfer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.campus.api.Page;
import org.campus.api.PageRequest;
import org.campus.api.transfer.Codes;
import org.campus.api.transfer.TransferBatch;
import org.campus.api.transfer.TransferBatchRow;
import org.campus.api.transfer.TransferBatchRowStatus;
import org.campus.api.transfer.TransferBatchState;
import org.campus.api.workflow.LmsId;
import org.campus.core.internal.db.Cursors;
import org.campus.core.internal.db.IdBlocks;
import org.campus.spi.transfer.Resolution;
import org.campus.spi.transfer.SourceAccount;
import org.campus.spi.transfer.TransferUser;

/**
 * The one writer of {@code transfer_batch} and {@code transfer_batch_row} (plain JDBC,
 * docs/PERSISTENCE.md). Every method works in the caller's transaction.
 */
final class TransferBatchRepository {

    private static final int MAX_MESSAGE = 4000;
    private static final String COLUMNS = "id, state, resolution, source_account, requested_by, job_id, row_count,"
            + " time_created, time_started, time_ended, reason";
    private static final String ROW_COLUMNS = "line_no, from_user_id, from_name, to_user_id, to_name, id_numeric,"
            + " status, transfer_id, message, time_modified";

    private final IdBlocks ids = new IdBlocks("transfer_seq");

    long nextId(Connection c) throws SQLException {
        return ids.next(c);
    }

    void insert(Connection c, long id, Resolution resolution, SourceAccount sourceAccount, String requestedBy,
            long jobId, List<BatchCsv.Row> rows, long now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO transfer_batch (id, state, resolution,"
                + " source_account, requested_by, job_id, row_count, time_created) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, id);
            ps.setString(2, TransferBatchState.QUEUED.code());
            ps.setString(3, Codes.code(resolution));
            ps.setString(4, Codes.code(sourceAccount));
            ps.setString(5, requestedBy);
            ps.setLong(6, jobId);
            ps.setInt(7, rows.size());
            ps.setLong(8, now);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO transfer_batch_row (batch_id, line_no,"
                + " from_user_id, from_name, to_user_id, to_name, id_numeric, status, time_modified)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (BatchCsv.Row r : rows) {
                ps.setLong(1, id);
                ps.setInt(2, r.line());
                ps.setString(3, r.from().id().value());
                ps.setString(4, r.from().displayName());
                ps.setString(5, r.to().id().value());
                ps.setString(6, r.to().displayName());
                ps.setShort(7, (short) ((r.from().id().numeric() ? 1 : 0) | (r.to().id().numeric() ? 2 : 0)));
                ps.setString(8, TransferBatchRowStatus.PENDING.code());
                ps.setLong(9, now);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    Optional<TransferBatch> find(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM transfer_batch WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(batch(rs, counts(c, id))) : Optional.empty();
            }
        }
    }

    Page<TransferBatch> list(Connection c, PageRequest page) throws SQLException {
        Cursors.Position after = Cursors.decode(page.cursor());
        String sql = "SELECT " + COLUMNS + " FROM transfer_batch"
                + (after == null ? "" : " WHERE " + Cursors.keysetDesc("time_created", "id"))
                + " ORDER BY time_created DESC, id DESC FETCH FIRST ? ROWS ONLY";
        List<TransferBatch> found = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            if (after != null) {
                i = Cursors.bind(ps, i, after);
            }
            ps.setInt(i, page.limit() + 1);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(batch(rs, Map.of()));
                }
            }
        }
        String next = null;
        if (found.size() > page.limit()) {
            found = new ArrayList<>(found.subList(0, page.limit()));
            TransferBatch last = found.get(found.size() - 1);
            next = Cursors.after(last.timeCreated().toEpochMilli(), last.id());
        }
        List<TransferBatch> withCounts = new ArrayList<>();
        for (TransferBatch b : found) {
            withCounts.add(withCounts(b, counts(c, b.id())));
        }
        return new Page<>(withCounts, next);
    }

    private static TransferBatch withCounts(TransferBatch b, Map<TransferBatchRowStatus, Integer> counts) {
        return new TransferBatch(b.id(), b.state(), b.resolution(), b.sourceAccount(), b.requestedBy(),
                b.timeCreated(), b.timeStarted(), b.timeEnded(), b.jobId(), b.rowCount(), counts, b.reason());
    }

    /** Rows per status, every status included. */
    Map<TransferBatchRowStatus, Integer> counts(Connection c, long id) throws SQLException {
        Map<TransferBatchRowStatus, Integer> counts = new EnumMap<>(TransferBatchRowStatus.class);
        for (TransferBatchRowStatus s : TransferBatchRowStatus.values()) {
            counts.put(s, 0);
        }
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT status, COUNT(*) FROM transfer_batch_row WHERE batch_id = ? GROUP BY status")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    TransferBatchRowStatus.fromCode(rs.getString(1)).ifPresent(s -> {
                        try {
                            counts.put(s, rs.getInt(2));
                        } catch (SQLException e) {
                            throw new IllegalStateException(e);
                        }
                    });
                }
            }
        }
        return counts;
    }

    private static TransferBatch batch(ResultSet rs, Map<TransferBatchRowStatus, Integer> counts) throws SQLException {
        return new TransferBatch(rs.getLong("id"), TransferBatchState.fromCode(rs.getString("state")).orElseThrow(),
                Codes.resolution(rs.getString("resolution")).orElse(null),
                Codes.sourceAccount(rs.getString("source_account")).orElse(SourceAccount.LEFT_AS_IS),
                rs.getString("requested_by"), instant(rs, "time_created"), instant(rs, "time_started"),
                instant(rs, "time_ended"), rs.getLong("job_id"), rs.getInt("row_count"), counts, rs.getString("reason"));
    }

    /** Rows after line {@code afterLine}, in order; only those with one of {@code statuses} when given. */
    List<TransferBatchRow> rows(Connection c, long id, int afterLine, int limit, TransferBatchRowStatus... statuses)
            throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT " + ROW_COLUMNS + " FROM transfer_batch_row WHERE batch_id = ?"
                + " AND line_no > ?");
        if (statuses.length > 0) {
            sql.append(" AND status IN (").append("?, ".repeat(statuses.length - 1)).append("?)");
        }
        sql.append(" ORDER BY line_no FETCH FIRST ? ROWS ONLY");
        List<TransferBatchRow> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            int i = 1;
            ps.setLong(i++, id);
            ps.setInt(i++, afterLine);
            for (TransferBatchRowStatus s : statuses) {
                ps.setString(i++, s.code());
            }
            ps.setInt(i, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(row(rs));
                }
            }
        }
        return rows;
    }

    private static TransferBatchRow row(ResultSet rs) throws SQLException {
        int numeric = rs.getShort("id_numeric");
        long transfer = rs.getLong("transfer_id");
        Long transferId = rs.wasNull() ? null : transfer;
        return new TransferBatchRow(rs.getInt("line_no"),
                new TransferUser(lmsId(rs.getString("from_user_id"), (numeric & 1) != 0), rs.getString("from_name")),
                new TransferUser(lmsId(rs.getString("to_user_id"), (numeric & 2) != 0), rs.getString("to_name")),
                TransferBatchRowStatus.fromCode(rs.getString("status")).orElseThrow(), transferId,
                rs.getString("message"), instant(rs, "time_modified"));
    }

    /** Sets a row's status (and its transfer and message); false if the row does not exist. */
    boolean status(Connection c, long id, int line, TransferBatchRowStatus status, Long transferId, String message,
            long now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE transfer_batch_row SET status = ?, transfer_id = ?,"
                + " message = ?, time_modified = ? WHERE batch_id = ? AND line_no = ?")) {
            ps.setString(1, status.code());
            if (transferId == null) {
                ps.setNull(2, Types.BIGINT);
            } else {
                ps.setLong(2, transferId);
            }
            ps.setString(3, message == null || message.length() <= MAX_MESSAGE ? message
                    : message.substring(0, MAX_MESSAGE - 1) + "\u2026");
            ps.setLong(4, now);
            ps.setLong(5, id);
            ps.setInt(6, line);
            return ps.executeUpdate() == 1;
        }
    }

    /** Every row not yet reached (or interrupted before its transfer started) gets {@code status}. */
    int endOpenRows(Connection c, long id, TransferBatchRowStatus status, String message, long now)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE transfer_batch_row SET status = ?, message = ?,"
                + " time_modified = ? WHERE batch_id = ? AND status IN (?, ?)")) {
            ps.setString(1, status.code());
            ps.setString(2, message);
            ps.setLong(3, now);
            ps.setLong(4, id);
            ps.setString(5, TransferBatchRowStatus.PENDING.code());
            ps.setString(6, TransferBatchRowStatus.PREVIEWING.code());
            return ps.executeUpdate();
        }
    }

    void started(Connection c, long id, long now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE transfer_batch SET state = ?,"
                + " time_started = COALESCE(time_started, ?) WHERE id = ? AND state IN (?, ?)")) {
            ps.setString(1, TransferBatchState.RUNNING.code());
            ps.setLong(2, now);
            ps.setLong(3, id);
            ps.setString(4, TransferBatchState.QUEUED.code());
            ps.setString(5, TransferBatchState.RUNNING.code());
            ps.executeUpdate();
        }
    }

    /** Ends a batch that has not ended; false if it had. */
    boolean end(Connection c, long id, TransferBatchState state, String reason, long now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE transfer_batch SET state = ?, reason = ?,"
                + " time_ended = ? WHERE id = ? AND state IN (?, ?)")) {
            ps.setString(1, state.code());
            ps.setString(2, reason == null || reason.length() <= MAX_MESSAGE ? reason
                    : reason.substring(0, MAX_MESSAGE - 1) + "\u2026");
            ps.setLong(3, now);
            ps.setLong(4, id);
            ps.setString(5, TransferBatchState.QUEUED.code());
            ps.setString(6, TransferBatchState.RUNNING.code());
            return ps.executeUpdate() == 1;
        }
    }

    // ------------------------------------------------------------------------------ privacy

    /** A user's rows (as either account), with their batch id, for the privacy export. */
    List<Map.Entry<Long, TransferBatchRow>> rowsOf(Connection c, String userId) throws SQLException {
        List<Map.Entry<Long, TransferBatchRow>> found = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT batch_id, " + ROW_COLUMNS + " FROM transfer_batch_row"
                + " WHERE from_user_id = ? UNION SELECT batch_id, " + ROW_COLUMNS + " FROM transfer_batch_row"
                + " WHERE to_user_id = ?")) {
            ps.setString(1, userId);
            ps.setString(2, userId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(Map.entry(rs.getLong("batch_id"), row(rs)));
                }
            }
        }
        return found;
    }

    /** Deletes a user's rows (as either account) of batches that have ended; returns the rows deleted. */
    int deleteOf(Connection c, String userId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM transfer_batch_row"
                + " WHERE (from_user_id = ? OR to_user_id = ?)"
                + " AND batch_id IN (SELECT id FROM transfer_batch WHERE state NOT IN (?, ?))")) {
            ps.setString(1, userId);
            ps.setString(2, userId);
            ps.setString(3, TransferBatchState.QUEUED.code());
            ps.setString(4, TransferBatchState.RUNNING.code());
            return ps.executeUpdate();
        }
    }

    private static LmsId lmsId(String value, boolean numeric) {
        return numeric ? LmsId.of(Long.parseLong(value)) : LmsId.of(value);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(v);
    }
}
