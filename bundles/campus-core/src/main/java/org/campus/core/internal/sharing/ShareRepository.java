package org.campus.core.internal.sharing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.campus.api.ConflictException;
import org.campus.api.NotFoundException;
import org.campus.api.sharing.NewShare;
import org.campus.api.sharing.ShareProgress;
import org.campus.api.sharing.ShareQuery;
import org.campus.api.sharing.ShareStatus;
import org.campus.api.sharing.ShareStatusChange;
import org.campus.api.sharing.ShareType;
import org.campus.api.workflow.LmsId;
import org.campus.core.internal.db.Cursors;
import org.campus.core.internal.db.IdBlocks;

/**
 * The one repository of share progress ({@code share_progress} and its timeline
 * {@code share_progress_event}), in plain JDBC: every read and write of these tables is here. Each
 * method runs on the connection it is given, in the caller's transaction. A status change is
 * guarded by the row's {@code version}: of two concurrent changes the second finds it moved and
 * loses with a {@link ConflictException}.
 */
final class ShareRepository {

    /** Which LMS ids came as JSON numbers: bits of {@code id_numeric}. */
    static final int COURSE_NUMERIC = 1;
    static final int USER_NUMERIC = 2;
    static final int CM_NUMERIC = 4;

    private static final String COLUMNS = "id, course_id, user_id, share_type, cm_id, id_numeric, status,"
            + " resource_url, error_message, time_created, time_modified, source_deleted, time_source_deleted,"
            + " version";
    private static final String INSERT_SHARE = "INSERT INTO share_progress (id, course_id, user_id, share_type,"
            + " cm_id, id_numeric, status, time_created, time_modified, source_deleted, version)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)";
    private static final String INSERT_EVENT = "INSERT INTO share_progress_event (id, share_id, status, event_time,"
            + " resource_url, message) VALUES (?, ?, ?, ?, ?, ?)";
    private static final String SELECT_SHARE = "SELECT " + COLUMNS + " FROM share_progress WHERE id = ?";
    private static final String UPDATE_SENT = "UPDATE share_progress SET status = ?, time_modified = ?,"
            + " resource_url = ?, version = version + 1 WHERE id = ? AND version = ?";
    private static final String UPDATE_ERROR = "UPDATE share_progress SET status = ?, time_modified = ?,"
            + " error_message = ?, version = version + 1 WHERE id = ? AND version = ?";
    private static final String SELECT_TIMELINE = "SELECT status, event_time, resource_url, message"
            + " FROM share_progress_event WHERE share_id = ? ORDER BY event_time, id";

    private final IdBlocks shareIds = new IdBlocks("share_progress_seq");
    private final IdBlocks eventIds = new IdBlocks("share_progress_event_seq");

    /** Stores a new share, {@code in_progress}, with the first entry of its timeline. */
    ShareProgress insert(Connection c, NewShare share, long now) throws SQLException {
        long id = shareIds.next(c);
        int numeric = flag(share.courseId(), COURSE_NUMERIC) | flag(share.userId(), USER_NUMERIC)
                | flag(share.cmId(), CM_NUMERIC);
        String status = ShareStatus.IN_PROGRESS.code();
        try (PreparedStatement ps = c.prepareStatement(INSERT_SHARE)) {
            ps.setLong(1, id);
            ps.setString(2, share.courseId().value());
            ps.setString(3, share.userId().value());
            ps.setString(4, share.type().code());
            setNullable(ps, 5, share.cmId() == null ? null : share.cmId().value());
            ps.setInt(6, numeric);
            ps.setString(7, status);
            ps.setLong(8, now);
            ps.setLong(9, now);
            ps.setBoolean(10, false);
            ps.executeUpdate();
        }
        insertEvent(c, id, status, now, null, null);
        Instant t = Instant.ofEpochMilli(now);
        return new ShareProgress(id, share.courseId(), share.userId(), share.type(), share.cmId(),
                ShareStatus.IN_PROGRESS, null, null, t, t, false, null, 1L);
    }

    Optional<ShareProgress> find(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT_SHARE)) {
            ps.setLong(1, id);
            try (ResultSet r = ps.executeQuery()) {
                return r.next() ? Optional.of(share(r)) : Optional.empty();
            }
        }
    }

    /**
     * Moves a share from {@code in_progress} to {@code next}, with its resource URL (sent) or message
     * (error), and appends the change to its timeline.
     *
     * @throws NotFoundException no such share
     * @throws ConflictException the share is not in progress, or another change committed since it was read
     */
    ShareProgress changeStatus(Connection c, long id, ShareStatus next, String resourceUrl, String message, long now)
            throws SQLException {
        ShareProgress before = find(c, id).orElseThrow(() -> NotFoundException.of("share", id));
        if (!before.status().canMoveTo(next)) {
            throw new ConflictException("share " + id + " is " + before.status().code() + " and cannot become "
                    + next.code() + "; only an in_progress share changes status");
        }
        boolean sent = next == ShareStatus.SENT;
        try (PreparedStatement ps = c.prepareStatement(sent ? UPDATE_SENT : UPDATE_ERROR)) {
            ps.setString(1, next.code());
            ps.setLong(2, now);
            ps.setString(3, sent ? resourceUrl : message);
            ps.setLong(4, id);
            ps.setLong(5, before.version());
            if (ps.executeUpdate() != 1) {
                throw new ConflictException("share " + id
                        + " was changed by another request meanwhile; read it again and retry");
            }
        }
        insertEvent(c, id, next.code(), now, sent ? resourceUrl : null, sent ? null : message);
        return new ShareProgress(id, before.courseId(), before.userId(), before.type(), before.cmId(), next,
                sent ? resourceUrl : before.resourceUrl(), sent ? before.errorMessage() : message,
                before.timeCreated(), Instant.ofEpochMilli(now), before.sourceDeleted(), before.timeSourceDeleted(),
                before.version() + 1);
    }

    /** Every status the share was in, oldest first; empty when there is no such share (each has one). */
    List<ShareStatusChange> timeline(Connection c, long id) throws SQLException {
        List<ShareStatusChange> changes = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(SELECT_TIMELINE)) {
            ps.setLong(1, id);
            try (ResultSet r = ps.executeQuery()) {
                while (r.next()) {
                    changes.add(change(r, 1));
                }
            }
        }
        return changes;
    }

    /** At most {@code limit} shares matching {@code query} after {@code after}, newest first (time, then id). */
    List<ShareProgress> page(Connection c, ShareQuery query, Cursors.Position after, int limit) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT ").append(COLUMNS).append(" FROM share_progress WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (query.userId() != null) {
            sql.append(" AND user_id = ?");
            params.add(query.userId().value());
        }
        if (query.courseId() != null) {
            sql.append(" AND course_id = ?");
            params.add(query.courseId().value());
        }
        if (query.status() != null) {
            sql.append(" AND status = ?");
            params.add(query.status().code());
        }
        if (query.type() != null) {
            sql.append(" AND share_type = ?");
            params.add(query.type().code());
        }
        if (query.createdFrom() != null) {
            sql.append(" AND time_created >= ?");
            params.add(query.createdFrom().toEpochMilli());
        }
        if (query.createdTo() != null) {
            sql.append(" AND time_created < ?");
            params.add(query.createdTo().toEpochMilli());
        }
        if (after != null) {
            sql.append(" AND ").append(Cursors.keysetDesc("time_created", "id"));
        }
        sql.append(" ORDER BY time_created DESC, id DESC FETCH FIRST ? ROWS ONLY");
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            int i = 1;
            for (Object p : params) {
                ps.setObject(i++, p);
            }
            if (after != null) {
                i = Cursors.bind(ps, i, after);
            }
            ps.setInt(i, limit);
            return shares(ps);
        }
    }

    /** Flags the course's shares (or those of one of its activities) as deleted in the LMS; returns how many. */
    int markSourceDeleted(Connection c, LmsId courseId, LmsId cmId, long now) throws SQLException {
        String sql = "UPDATE share_progress SET source_deleted = ?, time_source_deleted = ?, version = version + 1"
                + " WHERE course_id = ? AND source_deleted = ?" + (cmId != null ? " AND cm_id = ?" : "");
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setBoolean(1, true);
            ps.setLong(2, now);
            ps.setString(3, courseId.value());
            ps.setBoolean(4, false);
            if (cmId != null) {
                ps.setString(5, cmId.value());
            }
            return ps.executeUpdate();
        }
    }

    /** A user's shares, oldest first. */
    List<ShareProgress> byUser(Connection c, String userId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                + " FROM share_progress WHERE user_id = ? ORDER BY time_created, id")) {
            ps.setString(1, userId);
            return shares(ps);
        }
    }

    /** The timelines of a user's shares in one query, by share id, each oldest first. */
    Map<Long, List<ShareStatusChange>> timelinesOfUser(Connection c, String userId) throws SQLException {
        Map<Long, List<ShareStatusChange>> byShare = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT e.share_id, e.status, e.event_time, e.resource_url,"
                + " e.message FROM share_progress_event e JOIN share_progress s ON s.id = e.share_id"
                + " WHERE s.user_id = ? ORDER BY e.share_id, e.event_time, e.id")) {
            ps.setString(1, userId);
            try (ResultSet r = ps.executeQuery()) {
                while (r.next()) {
                    byShare.computeIfAbsent(r.getLong(1), k -> new ArrayList<>()).add(change(r, 2));
                }
            }
        }
        return byShare;
    }

    /** A user's shares in id order after {@code afterId}, at most {@code limit}. */
    List<ShareProgress> byUserAfter(Connection c, String userId, long afterId, int limit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                + " FROM share_progress WHERE user_id = ? AND id > ? ORDER BY id FETCH FIRST ? ROWS ONLY")) {
            ps.setString(1, userId);
            ps.setLong(2, afterId);
            ps.setInt(3, limit);
            return shares(ps);
        }
    }

    /**
     * Gives a share that belongs to {@code from} to {@code to}; false when it does not (any more). The
     * user's bit of {@code id_numeric} follows the new owner's id.
     */
    boolean reassign(Connection c, long id, LmsId from, LmsId to, long now) throws SQLException {
        int numeric;
        try (PreparedStatement ps = c.prepareStatement("SELECT id_numeric FROM share_progress WHERE id = ? AND user_id = ?")) {
            ps.setLong(1, id);
            ps.setString(2, from.value());
            try (ResultSet r = ps.executeQuery()) {
                if (!r.next()) {
                    return false;
                }
                numeric = r.getInt(1);
            }
        }
        int bits = (numeric & ~USER_NUMERIC) | flag(to, USER_NUMERIC);
        try (PreparedStatement ps = c.prepareStatement("UPDATE share_progress SET user_id = ?, id_numeric = ?,"
                + " time_modified = ?, version = version + 1 WHERE id = ? AND user_id = ?")) {
            ps.setString(1, to.value());
            ps.setInt(2, bits);
            ps.setLong(3, now);
            ps.setLong(4, id);
            ps.setString(5, from.value());
            return ps.executeUpdate() == 1;
        }
    }

    /** The owners of the shares that exist among {@code ids} (at most a few hundred at a time). */
    Map<Long, LmsId> owners(Connection c, List<Long> ids) throws SQLException {
        Map<Long, LmsId> owners = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return owners;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT id, user_id, id_numeric FROM share_progress WHERE id IN ("
                + "?, ".repeat(ids.size() - 1) + "?)")) {
            for (int i = 0; i < ids.size(); i++) {
                ps.setLong(i + 1, ids.get(i));
            }
            try (ResultSet r = ps.executeQuery()) {
                while (r.next()) {
                    owners.put(r.getLong(1), new LmsId(r.getString(2), (r.getInt(3) & USER_NUMERIC) != 0));
                }
            }
        }
        return owners;
    }

    /** Deletes a user's shares with their timelines (the foreign key cascades); returns how many shares. */
    int deleteByUser(Connection c, String userId) throws SQLException {
        return delete(c, "user_id", userId);
    }

    /** Deletes a course's shares with their timelines; returns how many shares. */
    int deleteByCourse(Connection c, String courseId) throws SQLException {
        return delete(c, "course_id", courseId);
    }

    private static int delete(Connection c, String column, String value) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM share_progress WHERE " + column + " = ?")) {
            ps.setString(1, value);
            return ps.executeUpdate();
        }
    }

    private void insertEvent(Connection c, long shareId, String status, long now, String resourceUrl, String message)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INSERT_EVENT)) {
            ps.setLong(1, eventIds.next(c));
            ps.setLong(2, shareId);
            ps.setString(3, status);
            ps.setLong(4, now);
            setNullable(ps, 5, resourceUrl);
            setNullable(ps, 6, message);
            ps.executeUpdate();
        }
    }

    private static List<ShareProgress> shares(PreparedStatement ps) throws SQLException {
        List<ShareProgress> shares = new ArrayList<>();
        try (ResultSet r = ps.executeQuery()) {
            while (r.next()) {
                shares.add(share(r));
            }
        }
        return shares;
    }

    /** A row of {@link #COLUMNS}. */
    private static ShareProgress share(ResultSet r) throws SQLException {
        int numeric = r.getInt(6);
        String cm = r.getString(5);
        long sourceDeletedAt = r.getLong(13);
        Instant timeSourceDeleted = r.wasNull() ? null : Instant.ofEpochMilli(sourceDeletedAt);
        return new ShareProgress(r.getLong(1), new LmsId(r.getString(2), (numeric & COURSE_NUMERIC) != 0),
                new LmsId(r.getString(3), (numeric & USER_NUMERIC) != 0),
                ShareType.fromCode(r.getString(4)).orElseThrow(),
                cm == null ? null : new LmsId(cm, (numeric & CM_NUMERIC) != 0),
                ShareStatus.fromCode(r.getString(7)).orElseThrow(), r.getString(8), r.getString(9),
                Instant.ofEpochMilli(r.getLong(10)), Instant.ofEpochMilli(r.getLong(11)), r.getBoolean(12),
                timeSourceDeleted, r.getLong(14));
    }

    /** A timeline entry from status, time, resource URL and message, starting at column {@code first}. */
    private static ShareStatusChange change(ResultSet r, int first) throws SQLException {
        return new ShareStatusChange(ShareStatus.fromCode(r.getString(first)).orElseThrow(),
                Instant.ofEpochMilli(r.getLong(first + 1)), r.getString(first + 2), r.getString(first + 3));
    }

    private static int flag(LmsId id, int bit) {
        return id != null && id.numeric() ? bit : 0;
    }

    private static void setNullable(PreparedStatement ps, int index, String value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.VARCHAR);
        } else {
            ps.setString(index, value);
        }
    }
}
