package org.campus.core.internal.sharing;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;

import javax.sql.DataSource;

import org.campus.api.sharing.NewShare;
import org.campus.api.sharing.ShareProgress;
import org.campus.api.sharing.ShareStatus;
import org.campus.core.internal.db.IdBlocks;
import org.campus.core.internal.db.JdbcTransactions;

/**
 * Writes a new share and the first entry of its timeline in one JDBC transaction. Creation is the
 * hottest write of the service and appends only, so it skips the JPA unit of work; every later read
 * and change goes through JPA, with its optimistic locking.
 */
final class ShareInserter {

    private static final String INSERT_SHARE = "INSERT INTO share_progress (id, course_id, user_id, share_type, cm_id,"
            + " status, time_created, time_modified, source_deleted, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, 1)";
    private static final String INSERT_EVENT = "INSERT INTO share_progress_event (id, share_id, status, event_time)"
            + " VALUES (?, ?, ?, ?)";

    private final JdbcTransactions jdbc;
    private final IdBlocks shareIds = new IdBlocks("share_progress_seq");
    private final IdBlocks eventIds = new IdBlocks("share_progress_event_seq");

    ShareInserter(DataSource dataSource) {
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
}
