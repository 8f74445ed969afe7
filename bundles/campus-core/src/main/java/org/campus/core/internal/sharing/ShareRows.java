package org.campus.core.internal.sharing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.Optional;

import javax.sql.DataSource;

import org.campus.api.sharing.NewShare;
import org.campus.api.sharing.ShareProgress;
import org.campus.api.sharing.ShareStatus;
import org.campus.api.sharing.ShareType;
import org.campus.core.internal.db.IdBlocks;
import org.campus.core.internal.db.JdbcTransactions;

/**
 * The two hottest paths of the service in plain JDBC: creating a share with the first entry of its
 * timeline (append-only, so no unit of work is needed) and reading one share by id. Every change
 * goes through JPA, with its optimistic locking; lists and privacy queries too.
 */
final class ShareRows {

    private static final String INSERT_SHARE = "INSERT INTO share_progress (id, course_id, user_id, share_type, cm_id,"
            + " status, time_created, time_modified, source_deleted, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, 1)";
    private static final String INSERT_EVENT = "INSERT INTO share_progress_event (id, share_id, status, event_time)"
            + " VALUES (?, ?, ?, ?)";

    private static final String SELECT_SHARE = "SELECT course_id, user_id, share_type, cm_id, status, resource_url,"
            + " error_message, time_created, time_modified, source_deleted, time_source_deleted, version"
            + " FROM share_progress WHERE id = ?";

    private final DataSource dataSource;
    private final JdbcTransactions jdbc;
    private final IdBlocks shareIds = new IdBlocks("share_progress_seq");
    private final IdBlocks eventIds = new IdBlocks("share_progress_event_seq");

    ShareRows(DataSource dataSource) {
        this.dataSource = dataSource;
        this.jdbc = new JdbcTransactions(dataSource);
    }

    ShareProgress insert(NewShare share, long now) throws SQLException {
        String status = ShareStatus.IN_PROGRESS.code();
        long id = jdbc.write(c -> {
            long shareId = shareIds.next(c);
            try (PreparedStatement ps = c.prepareStatement(INSERT_SHARE)) {
                ps.setLong(1, shareId);
                ps.setLong(2, share.courseId());
                ps.setLong(3, share.userId());
                ps.setString(4, share.type().code());
                if (share.cmId() == null) {
                    ps.setNull(5, Types.BIGINT);
                } else {
                    ps.setLong(5, share.cmId());
                }
                ps.setString(6, status);
                ps.setLong(7, now);
                ps.setLong(8, now);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(INSERT_EVENT)) {
                ps.setLong(1, eventIds.next(c));
                ps.setLong(2, shareId);
                ps.setString(3, status);
                ps.setLong(4, now);
                ps.executeUpdate();
            }
            return shareId;
        });
        Instant t = Instant.ofEpochMilli(now);
        return new ShareProgress(id, share.courseId(), share.userId(), share.type(), share.cmId(),
                ShareStatus.IN_PROGRESS, null, null, t, t, false, null, 1L);
    }

    Optional<ShareProgress> find(long id) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(SELECT_SHARE)) {
            ps.setLong(1, id);
            try (ResultSet r = ps.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                long cmId = r.getLong(4);
                Long cm = r.wasNull() ? null : cmId;
                long sourceDeletedAt = r.getLong(11);
                Instant timeSourceDeleted = r.wasNull() ? null : Instant.ofEpochMilli(sourceDeletedAt);
                return Optional.of(new ShareProgress(id, r.getLong(1), r.getLong(2),
                        ShareType.fromCode(r.getString(3)).orElseThrow(), cm,
                        ShareStatus.fromCode(r.getString(5)).orElseThrow(), r.getString(6), r.getString(7),
                        Instant.ofEpochMilli(r.getLong(8)), Instant.ofEpochMilli(r.getLong(9)), r.getInt(10) != 0,
                        timeSourceDeleted, r.getLong(12)));
            }
        }
    }
}
