package org.campus.core.internal.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.campus.core.internal.security.ApiKeyEntity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * JDBC work on {@link Transactions#connection} is part of the EclipseLink transaction: it commits and
 * rolls back with the entities, as a binding and the records that follow it must.
 */
class TransactionsTest {

    private final TestDatabase db = new TestDatabase();
    private final Transactions tx = db.transactions();

    @AfterEach
    void close() {
        db.close();
    }

    private void writeBoth(String id, boolean fail) {
        tx.write(em -> {
            try (PreparedStatement ps = Transactions.connection(em).prepareStatement(
                    "INSERT INTO audit_entry (id, event_time, actor, actor_kind, action) VALUES (?, 1, 'a', 'admin', ?)")) {
                ps.setLong(1, id.hashCode() & 0xffff);
                ps.setString(2, id);
                ps.executeUpdate();
            } catch (SQLException e) {
                throw new DatabaseException("insert failed", e);
            }
            ApiKeyEntity key = new ApiKeyEntity();
            key.setId(id);
            key.setName(id);
            key.setHash("pbkdf2-sha256$1$AA$AA");
            key.setScopes("*");
            key.setTimeCreated(1);
            em.persist(key);
            em.flush();
            if (fail) {
                throw new IllegalStateException("the operation fails after both writes");
            }
            return null;
        });
    }

    private int count(String table, String column, String value) throws SQLException {
        try (Connection c = db.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM " + table + " WHERE " + column + " = ?")) {
            ps.setString(1, value);
            try (ResultSet r = ps.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        }
    }

    @Test
    void jdbcWorkOnTheEntityManagersConnectionCommitsWithIt() throws SQLException {
        writeBoth("kept", false);

        assertEquals(1, count("audit_entry", "action", "kept"));
        assertEquals(1, count("api_key", "id", "kept"));
    }

    @Test
    void jdbcWorkOnTheEntityManagersConnectionRollsBackWithIt() throws SQLException {
        assertThrows(IllegalStateException.class, () -> writeBoth("gone", true));

        assertEquals(0, count("audit_entry", "action", "gone"));
        assertEquals(0, count("api_key", "id", "gone"));
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT COUNT(*) FROM api_key")) {
            r.next();
            assertEquals(0, r.getInt(1));
        }
    }
}
