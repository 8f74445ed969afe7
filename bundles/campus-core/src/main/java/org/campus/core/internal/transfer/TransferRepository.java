package org.campus.core.internal.transfer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.campus.api.Page;
import org.campus.api.PageRequest;
import org.campus.api.transfer.Codes;
import org.campus.api.transfer.ItemCounts;
import org.campus.api.transfer.ItemResult;
import org.campus.api.transfer.Transfer;
import org.campus.api.transfer.TransferItemResult;
import org.campus.api.transfer.TransferQuery;
import org.campus.api.transfer.TransferState;
import org.campus.api.transfer.UndoOutcome;
import org.campus.api.workflow.LmsId;
import org.campus.core.internal.db.Cursors;
import org.campus.core.internal.db.IdBlocks;
import org.campus.spi.transfer.Resolution;
import org.campus.spi.transfer.SourceAccount;
import org.campus.spi.transfer.TransferUser;
import org.campus.spi.transfer.UndoRefusal;

/**
 * The one writer of {@code transfer}, {@code transfer_item} and {@code transfer_lock} (plain JDBC,
 * docs/PERSISTENCE.md). Every method works in the caller's transaction.
 */
final class TransferRepository {

    /** One selected item of a transfer as stored. */
    record ItemRow(int seqNo, String provider, String itemId, String type, String title, String itemJson,
            Resolution resolution, ItemResult outcome, String message, boolean prepared, String recordJson,
            UndoOutcome undoOutcome, UndoRefusal undoRefusal, String undoDetail, Long timeOutcome) {

        String qualifiedId() {
            return provider + ":" + itemId;
        }

        StoredItem item() {
            return TransferJson.item(itemId, type, itemJson);
        }
    }

    /** An item to insert. */
    record NewItem(String provider, StoredItem item, Resolution resolution) {
    }

    private static final int BATCH = 500;
    private static final String COLUMNS = "id, from_user_id, from_name, to_user_id, to_name, id_numeric, state,"
            + " source_account, requested_by, job_id, item_count, time_created, time_started, time_ended, reason,"
            + " flagged, verification, undo_state, undo_by, time_undone, undo_reason, callback_job_id";
    private static final String ITEM_COLUMNS = "seq_no, provider, item_id, item_type, title, item, resolution,"
            + " outcome, message, prepared, undo_record, undo_outcome, undo_refusal, undo_detail, time_outcome";

    private final IdBlocks ids = new IdBlocks("transfer_seq");

    long nextId(Connection c) throws SQLException {
        return ids.next(c);
    }

    void insert(Connection c, long id, TransferUser from, TransferUser to, SourceAccount sourceAccount,
            String requestedBy, long jobId, int itemCount, long now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO transfer (id, from_user_id, from_name,"
                + " to_user_id, to_name, id_numeric, state, source_account, requested_by, job_id, item_count,"
                + " time_created) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, id);
            ps.setString(2, from.id().value());
            ps.setString(3, from.displayName());
            ps.setString(4, to.id().value());
            ps.setString(5, to.displayName());
            ps.setShort(6, (short) ((from.id().numeric() ? 1 : 0) | (to.id().numeric() ? 2 : 0)));
            ps.setString(7, TransferState.QUEUED.code());
            ps.setString(8, Codes.code(sourceAccount));
            ps.setString(9, requestedBy);
            ps.setLong(10, jobId);
            ps.setInt(11, itemCount);
            ps.setLong(12, now);
            ps.executeUpdate();
        }
    }

    void insertItems(Connection c, long transferId, Iterable<NewItem> items) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO transfer_item (transfer_id, seq_no, provider,"
                + " item_id, item_type, title, item, resolution, outcome, prepared) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int seq = 0;
            int pending = 0;
            for (NewItem i : items) {
                ps.setLong(1, transferId);
                ps.setInt(2, ++seq);
                ps.setString(3, i.provider());
                ps.setString(4, i.item().id());
                ps.setString(5, i.item().type());
                String title = i.item().title();
                ps.setString(6, title.length() > 1000 ? title.substring(0, 999) + "\u2026" : title);
                ps.setString(7, TransferJson.item(i.item()));
                ps.setString(8, i.resolution() == null ? null : Codes.code(i.resolution()));
                ps.setString(9, ItemResult.PENDING.code());
                ps.setBoolean(10, false);
                ps.addBatch();
                if (++pending == BATCH) {
                    ps.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                ps.executeBatch();
            }
        }
    }

    // ------------------------------------------------------------------------------ transfers

    Optional<Transfer> find(Connection c, long id, int progress) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM transfer WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(transfer(rs, counts(c, id), progress));
            }
        }
    }

    Page<Transfer> list(Connection c, TransferQuery q, PageRequest page) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM transfer WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (q.userId() != null) {
            sql.append(" AND (from_user_id = ? OR to_user_id = ?)");
            args.add(q.userId().value());
            args.add(q.userId().value());
        }
        if (q.state() != null) {
            sql.append(" AND state = ?");
            args.add(q.state().code());
        }
        if (q.requestedBy() != null) {
            sql.append(" AND requested_by = ?");
            args.add(q.requestedBy());
        }
        if (q.createdFrom() != null) {
            sql.append(" AND time_created >= ?");
            args.add(q.createdFrom().toEpochMilli());
        }
        if (q.createdTo() != null) {
            sql.append(" AND time_created < ?");
            args.add(q.createdTo().toEpochMilli());
        }
        Cursors.Position after = Cursors.decode(page.cursor());
        if (after != null) {
            sql.append(" AND ").append(Cursors.keysetDesc("time_created", "id"));
        }
        sql.append(" ORDER BY time_created DESC, id DESC FETCH FIRST ? ROWS ONLY");
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            int i = 1;
            for (Object a : args) {
                ps.setObject(i++, a);
            }
            if (after != null) {
                i = Cursors.bind(ps, i, after);
            }
            ps.setInt(i, page.limit() + 1);
            List<Transfer> found = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    // a list reads no job: an ended transfer is at 100 %, one that has not ended shows 0
                    found.add(transfer(rs, null, 0));
                }
            }
            String next = null;
            if (found.size() > page.limit()) {
                found = found.subList(0, page.limit());
                Transfer last = found.get(found.size() - 1);
                next = Cursors.after(last.timeCreated().toEpochMilli(), last.id());
            }
            return new Page<>(found, next);
        }
    }

    private static Transfer transfer(ResultSet rs, ItemCounts counts, int progress) throws SQLException {
        int numeric = rs.getShort("id_numeric");
        TransferUser from = new TransferUser(lmsId(rs.getString("from_user_id"), (numeric & 1) != 0),
                rs.getString("from_name"));
        TransferUser to = new TransferUser(lmsId(rs.getString("to_user_id"), (numeric & 2) != 0), rs.getString("to_name"));
        long callback = rs.getLong("callback_job_id");
        Long callbackJob = rs.wasNull() ? null : callback;
        TransferState state = TransferState.fromCode(rs.getString("state")).orElseThrow();
        return new Transfer(rs.getLong("id"), from, to, state,
                Codes.sourceAccount(rs.getString("source_account")).orElse(SourceAccount.LEFT_AS_IS),
                rs.getString("requested_by"), instant(rs, "time_created"), instant(rs, "time_started"),
                instant(rs, "time_ended"), rs.getLong("job_id"), state.isEnded() ? 100 : progress, rs.getString("reason"),
                counts == null ? new ItemCounts(rs.getInt("item_count"), 0, 0, 0, 0, 0, 0, 0) : counts,
                TransferJson.verification(rs.getString("verification")), rs.getString("undo_state"),
                rs.getString("undo_by"), instant(rs, "time_undone"), rs.getString("undo_reason"), callbackJob);
    }

    private static LmsId lmsId(String value, boolean numeric) {
        return numeric ? LmsId.of(Long.parseLong(value)) : LmsId.of(value);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(v);
    }

    ItemCounts counts(Connection c, long id) throws SQLException {
        int[] n = new int[ItemResult.values().length];
        int notUndone = 0;
        try (PreparedStatement ps = c.prepareStatement("SELECT outcome, undo_outcome, COUNT(*) FROM transfer_item"
                + " WHERE transfer_id = ? GROUP BY outcome, undo_outcome")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ItemResult r = ItemResult.fromCode(rs.getString(1)).orElseThrow();
                    n[r.ordinal()] += rs.getInt(3);
                    String undo = rs.getString(2);
                    if (undo != null && !UndoOutcome.UNDONE.code().equals(undo)) {
                        notUndone += rs.getInt(3);
                    }
                }
            }
        }
        int selected = 0;
        for (int v : n) {
            selected += v;
        }
        return new ItemCounts(selected, n[ItemResult.PENDING.ordinal()], n[ItemResult.TRANSFERRED.ordinal()],
                n[ItemResult.SKIPPED.ordinal()], n[ItemResult.FAILED.ordinal()], n[ItemResult.NOT_RUN.ordinal()],
                n[ItemResult.UNDONE.ordinal()], notUndone);
    }

    void started(Connection c, long id, long now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE transfer SET state = ?,"
                + " time_started = COALESCE(time_started, ?) WHERE id = ? AND state IN (?, ?)")) {
            ps.setString(1, TransferState.RUNNING.code());
            ps.setLong(2, now);
            ps.setLong(3, id);
            ps.setString(4, TransferState.QUEUED.code());
            ps.setString(5, TransferState.RUNNING.code());
            ps.executeUpdate();
        }
    }

    /** Ends a transfer that has not ended; false if it had. */
    boolean ended(Connection c, long id, TransferState state, String reason, String verificationJson, boolean flagged,
            Long callbackJobId, long now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE transfer SET state = ?, reason = ?, verification = ?,"
                + " flagged = ?, callback_job_id = ?, time_ended = ? WHERE id = ? AND state IN (?, ?)")) {
            ps.setString(1, state.code());
            ps.setString(2, clip(reason));
            ps.setString(3, verificationJson);
            ps.setBoolean(4, flagged);
            if (callbackJobId == null) {
                ps.setNull(5, Types.BIGINT);
            } else {
                ps.setLong(5, callbackJobId);
            }
            ps.setLong(6, now);
            ps.setLong(7, id);
            ps.setString(8, TransferState.QUEUED.code());
            ps.setString(9, TransferState.RUNNING.code());
            return ps.executeUpdate() == 1;
        }
    }

    void callback(Connection c, long id, Long callbackJobId) throws SQLException {
        if (callbackJobId == null) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE transfer SET callback_job_id = ? WHERE id = ?")) {
            ps.setLong(1, callbackJobId);
            ps.setLong(2, id);
            ps.executeUpdate();
        }
    }

    void undone(Connection c, long id, String undoState, String by, String reason, Long callbackJobId, long now)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE transfer SET undo_state = ?, undo_by = ?,"
                + " time_undone = ?, undo_reason = ?, callback_job_id = COALESCE(?, callback_job_id) WHERE id = ?")) {
            ps.setString(1, undoState);
            ps.setString(2, by);
            ps.setLong(3, now);
            ps.setString(4, clip(reason));
            if (callbackJobId == null) {
                ps.setNull(5, Types.BIGINT);
            } else {
                ps.setLong(5, callbackJobId);
            }
            ps.setLong(6, id);
            ps.executeUpdate();
        }
    }

    /** Transfers involving a user (as either account), for the privacy export. */
    List<Long> transfersOf(Connection c, String userId) throws SQLException {
        List<Long> found = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM transfer WHERE from_user_id = ?"
                + " UNION SELECT id FROM transfer WHERE to_user_id = ?")) {
            ps.setString(1, userId);
            ps.setString(2, userId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(rs.getLong(1));
                }
            }
        }
        return found;
    }

    /** Deletes the ended transfers involving a user, with their items; returns the rows deleted. */
    int deleteOf(Connection c, String userId) throws SQLException {
        int items = 0;
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM transfer_item WHERE transfer_id IN"
                + " (SELECT id FROM transfer WHERE (from_user_id = ? OR to_user_id = ?) AND state NOT IN (?, ?))")) {
            ps.setString(1, userId);
            ps.setString(2, userId);
            ps.setString(3, TransferState.QUEUED.code());
            ps.setString(4, TransferState.RUNNING.code());
            items = ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM transfer WHERE (from_user_id = ? OR to_user_id = ?)"
                + " AND state NOT IN (?, ?)")) {
            ps.setString(1, userId);
            ps.setString(2, userId);
            ps.setString(3, TransferState.QUEUED.code());
            ps.setString(4, TransferState.RUNNING.code());
            return items + ps.executeUpdate();
        }
    }

    // ---------------------------------------------------------------------------------- items

    /** Providers of a transfer's items, in the order of their first item. */
    List<String> providers(Connection c, long id) throws SQLException {
        List<String> found = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT provider, MIN(seq_no) AS first_seq FROM transfer_item"
                + " WHERE transfer_id = ? GROUP BY provider ORDER BY first_seq")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(rs.getString(1));
                }
            }
        }
        return found;
    }

    /**
     * A page of one provider's items after {@code afterSeq} (before it, when {@code descending}),
     * of the given outcomes (all when empty).
     */
    List<ItemRow> items(Connection c, long id, String provider, int afterSeq, boolean descending, int limit,
            boolean withRecordOnly, ItemResult... outcomes) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT " + ITEM_COLUMNS + " FROM transfer_item WHERE transfer_id = ?");
        sql.append(descending ? " AND seq_no < ?" : " AND seq_no > ?");
        sql.append(filter(provider, withRecordOnly, outcomes));
        sql.append(" ORDER BY seq_no").append(descending ? " DESC" : "").append(" FETCH FIRST ? ROWS ONLY");
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            int i = 1;
            ps.setLong(i++, id);
            ps.setInt(i++, afterSeq);
            i = bindFilter(ps, i, provider, outcomes);
            ps.setInt(i, limit);
            List<ItemRow> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(itemRow(rs));
                }
            }
            return rows;
        }
    }

    private static ItemRow itemRow(ResultSet rs) throws SQLException {
        long time = rs.getLong("time_outcome");
        Long timeOutcome = rs.wasNull() ? null : time;
        return new ItemRow(rs.getInt("seq_no"), rs.getString("provider"), rs.getString("item_id"),
                rs.getString("item_type"), rs.getString("title"), rs.getString("item"),
                Codes.resolution(rs.getString("resolution")).orElse(null),
                ItemResult.fromCode(rs.getString("outcome")).orElseThrow(), rs.getString("message"),
                rs.getBoolean("prepared"), rs.getString("undo_record"),
                Codes.parse(UndoOutcome.class, rs.getString("undo_outcome")).orElse(null),
                Codes.undoRefusal(rs.getString("undo_refusal")).orElse(null), rs.getString("undo_detail"), timeOutcome);
    }

    static TransferItemResult result(ItemRow r) {
        return new TransferItemResult(r.qualifiedId(), r.provider(), r.type(), r.title(), r.resolution(), r.outcome(),
                r.message(), r.undoOutcome(), r.undoRefusal(), r.undoDetail(),
                r.timeOutcome() == null ? null : Instant.ofEpochMilli(r.timeOutcome()));
    }

    /** How many items {@link #items} would list in all. */
    int count(Connection c, long id, String provider, boolean withRecordOnly, ItemResult... outcomes)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM transfer_item WHERE transfer_id = ?"
                + filter(provider, withRecordOnly, outcomes))) {
            ps.setLong(1, id);
            bindFilter(ps, 2, provider, outcomes);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static String filter(String provider, boolean withRecordOnly, ItemResult... outcomes) {
        StringBuilder sql = new StringBuilder();
        if (provider != null) {
            sql.append(" AND provider = ?");
        }
        if (withRecordOnly) {
            // what an undo looks at: transferred items, and others only where something was recorded
            sql.append(" AND (undo_record IS NOT NULL OR outcome = '").append(ItemResult.TRANSFERRED.code()).append("')");
        }
        if (outcomes.length > 0) {
            sql.append(" AND outcome IN (").append("?, ".repeat(outcomes.length - 1)).append("?)");
        }
        return sql.toString();
    }

    private static int bindFilter(PreparedStatement ps, int index, String provider, ItemResult... outcomes)
            throws SQLException {
        int i = index;
        if (provider != null) {
            ps.setString(i++, provider);
        }
        for (ItemResult o : outcomes) {
            ps.setString(i++, o.code());
        }
        return i;
    }

    /** Writes an item's record ahead; false if the item is not a pending item of the transfer. */
    boolean prepare(Connection c, long id, String provider, String itemId, String recordJson) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE transfer_item SET undo_record = ?, prepared = ?"
                + " WHERE transfer_id = ? AND provider = ? AND item_id = ? AND outcome = ?")) {
            ps.setString(1, recordJson);
            ps.setBoolean(2, true);
            ps.setLong(3, id);
            ps.setString(4, provider);
            ps.setString(5, itemId);
            ps.setString(6, ItemResult.PENDING.code());
            return ps.executeUpdate() == 1;
        }
    }

    /**
     * Records a pending item's outcome; false if the item is not a pending item of the transfer (not
     * selected, or reported before). A null record keeps the prepared one for a failed item.
     */
    boolean outcome(Connection c, long id, String provider, String itemId, ItemResult outcome, String message,
            String recordJson, boolean keepPrepared, long now) throws SQLException {
        String record = keepPrepared ? "undo_record = COALESCE(?, undo_record)" : "undo_record = ?";
        try (PreparedStatement ps = c.prepareStatement("UPDATE transfer_item SET outcome = ?, message = ?, " + record
                + ", prepared = ?, time_outcome = ? WHERE transfer_id = ? AND provider = ? AND item_id = ? AND outcome = ?")) {
            ps.setString(1, outcome.code());
            ps.setString(2, clip(message));
            ps.setString(3, recordJson);
            ps.setBoolean(4, false);
            ps.setLong(5, now);
            ps.setLong(6, id);
            ps.setString(7, provider);
            ps.setString(8, itemId);
            ps.setString(9, ItemResult.PENDING.code());
            return ps.executeUpdate() == 1;
        }
    }

    /** Items that never got an outcome: those with a record written ahead count as failed, the rest as not run. */
    void closePending(Connection c, long id, String message, long now) throws SQLException {
        for (boolean prepared : new boolean[] {true, false}) {
            try (PreparedStatement ps = c.prepareStatement("UPDATE transfer_item SET outcome = ?, message = ?,"
                    + " time_outcome = ? WHERE transfer_id = ? AND outcome = ? AND prepared = ?")) {
                ps.setString(1, (prepared ? ItemResult.FAILED : ItemResult.NOT_RUN).code());
                ps.setString(2, clip(message));
                ps.setLong(3, now);
                ps.setLong(4, id);
                ps.setString(5, ItemResult.PENDING.code());
                ps.setBoolean(6, prepared);
                ps.executeUpdate();
            }
        }
    }

    /** Records what an undo did to an item; an undone item's outcome becomes {@code undone}. */
    /** An item's undo outcome to record. */
    record UndoWrite(String provider, String itemId, UndoOutcome outcome, UndoRefusal refusal, String detail) {
    }

    /** Records the undo outcomes of many items with one batch per statement shape. */
    void undoOutcomes(Connection c, long id, List<UndoWrite> writes) throws SQLException {
        try (PreparedStatement undone = c.prepareStatement("UPDATE transfer_item SET undo_outcome = ?, undo_refusal = ?,"
                + " undo_detail = ?, outcome = ? WHERE transfer_id = ? AND provider = ? AND item_id = ?");
                PreparedStatement other = c.prepareStatement("UPDATE transfer_item SET undo_outcome = ?,"
                        + " undo_refusal = ?, undo_detail = ? WHERE transfer_id = ? AND provider = ? AND item_id = ?")) {
            int undoneCount = 0;
            int otherCount = 0;
            for (UndoWrite w : writes) {
                boolean isUndone = w.outcome() == UndoOutcome.UNDONE;
                PreparedStatement ps = isUndone ? undone : other;
                int i = 1;
                ps.setString(i++, w.outcome().code());
                ps.setString(i++, w.refusal() == null ? null : Codes.code(w.refusal()));
                ps.setString(i++, clip(w.detail()));
                if (isUndone) {
                    ps.setString(i++, ItemResult.UNDONE.code());
                    undoneCount++;
                } else {
                    otherCount++;
                }
                ps.setLong(i++, id);
                ps.setString(i++, w.provider());
                ps.setString(i, w.itemId());
                ps.addBatch();
            }
            if (undoneCount > 0) {
                undone.executeBatch();
            }
            if (otherCount > 0) {
                other.executeBatch();
            }
        }
    }

    void undoOutcome(Connection c, long id, String provider, String itemId, UndoOutcome outcome, UndoRefusal refusal,
            String detail) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE transfer_item SET undo_outcome = ?, undo_refusal = ?,"
                + " undo_detail = ?" + (outcome == UndoOutcome.UNDONE ? ", outcome = ?" : "")
                + " WHERE transfer_id = ? AND provider = ? AND item_id = ?")) {
            int i = 1;
            ps.setString(i++, outcome.code());
            ps.setString(i++, refusal == null ? null : Codes.code(refusal));
            ps.setString(i++, clip(detail));
            if (outcome == UndoOutcome.UNDONE) {
                ps.setString(i++, ItemResult.UNDONE.code());
            }
            ps.setLong(i++, id);
            ps.setString(i++, provider);
            ps.setString(i, itemId);
            ps.executeUpdate();
        }
    }

    // ---------------------------------------------------------------------------------- locks

    /** Who holds a user now: the transfer id, or empty. */
    Optional<Long> holder(Connection c, String userId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT transfer_id FROM transfer_lock WHERE user_id = ?")) {
            ps.setString(1, userId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }

    /** Takes a user for a transfer; throws (a unique-key violation) when another holds it. */
    void lock(Connection c, String userId, long transferId, long now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO transfer_lock (user_id, transfer_id, time_locked)"
                + " VALUES (?, ?, ?)")) {
            ps.setString(1, userId);
            ps.setLong(2, transferId);
            ps.setLong(3, now);
            ps.executeUpdate();
        }
    }

    void unlock(Connection c, long transferId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM transfer_lock WHERE transfer_id = ?")) {
            ps.setLong(1, transferId);
            ps.executeUpdate();
        }
    }

    void unlockUser(Connection c, String userId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM transfer_lock WHERE user_id = ?")) {
            ps.setString(1, userId);
            ps.executeUpdate();
        }
    }

    private static String clip(String s) {
        return s == null || s.length() <= 4000 ? s : s.substring(0, 3999) + "\u2026";
    }
}
