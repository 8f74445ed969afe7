package org.campus.core.internal.security;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.campus.api.security.ActorKind;
import org.campus.api.security.AuditEntry;
import org.campus.api.security.AuditQuery;
import org.campus.core.internal.db.Cursors;
import org.campus.core.internal.db.IdBlocks;

/** The one repository of the audit trail ({@code audit_entry}), in plain JDBC: append-only, read newest first. */
final class AuditRepository {

    /** An entry to append: its id comes from the sequence when it is written. */
    record NewEntry(long time, String actor, String actorKind, String action, String target, String remoteAddress,
            String detail) {
    }

    private static final String INSERT = "INSERT INTO audit_entry (id, event_time, actor, actor_kind, action, target,"
            + " remote_address, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String COLUMNS = "id, event_time, actor, actor_kind, action, target, remote_address, detail";

    private final IdBlocks ids = new IdBlocks("audit_entry_seq");

    /** Appends the entries in order: one insert for the usual single entry of a change, a JDBC batch for more. */
    void insert(Connection c, List<NewEntry> entries) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            if (entries.size() == 1) {
                bind(c, ps, entries.get(0));
                ps.executeUpdate();
                return;
            }
            for (NewEntry e : entries) {
                bind(c, ps, e);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private void bind(Connection c, PreparedStatement ps, NewEntry e) throws SQLException {
        ps.setLong(1, ids.next(c));
        ps.setLong(2, e.time());
        ps.setString(3, e.actor());
        ps.setString(4, e.actorKind());
        ps.setString(5, e.action());
        ps.setString(6, e.target());
        ps.setString(7, e.remoteAddress());
        ps.setString(8, e.detail());
    }

    /** At most {@code limit} entries matching {@code query} after {@code after}, newest first (time, then id). */
    List<AuditEntry> page(Connection c, AuditQuery query, Cursors.Position after, int limit) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT ").append(COLUMNS).append(" FROM audit_entry WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (query.actor() != null) {
            sql.append(" AND actor = ?");
            params.add(query.actor());
        }
        if (query.actorKind() != null) {
            sql.append(" AND actor_kind = ?");
            params.add(query.actorKind().code());
        }
        if (query.action() != null) {
            sql.append(" AND action = ?");
            params.add(query.action());
        }
        if (query.from() != null) {
            sql.append(" AND event_time >= ?");
            params.add(query.from().toEpochMilli());
        }
        if (query.to() != null) {
            sql.append(" AND event_time < ?");
            params.add(query.to().toEpochMilli());
        }
        if (after != null) {
            sql.append(" AND ").append(Cursors.keysetDesc("event_time", "id"));
        }
        sql.append(" ORDER BY event_time DESC, id DESC FETCH FIRST ? ROWS ONLY");
        List<AuditEntry> entries = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            int i = 1;
            for (Object p : params) {
                ps.setObject(i++, p);
            }
            if (after != null) {
                i = Cursors.bind(ps, i, after);
            }
            ps.setInt(i, limit);
            try (ResultSet r = ps.executeQuery()) {
                while (r.next()) {
                    entries.add(new AuditEntry(r.getLong(1), Instant.ofEpochMilli(r.getLong(2)), r.getString(3),
                            ActorKind.fromCode(r.getString(4)).orElse(ActorKind.SYSTEM), r.getString(5),
                            r.getString(6), r.getString(7), r.getString(8)));
                }
            }
        }
        return entries;
    }
}
