package org.campus.core.internal.db;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

/**
 * Runs plain JDBC work on a pooled connection, and hands the connection back as it was. A write runs
 * in one transaction, committed when the work returns and rolled back when it throws; an
 * {@link SQLException} comes out as a {@link DatabaseException}, anything else as it was thrown.
 */
public final class JdbcTransactions {

    /** Work on a connection. */
    @FunctionalInterface
    public interface Work<R> {
        R run(Connection connection) throws SQLException;
    }

    private final DataSource dataSource;

    public JdbcTransactions(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Runs {@code work} in one transaction; {@code what} names it in the message of a failure. */
    public <R> R write(String what, Work<R> work) {
        try {
            return write(work);
        } catch (SQLException e) {
            throw new DatabaseException(what + " failed", e);
        }
    }

    /**
     * Runs {@code work} in one transaction, as {@link #write(String, Work)} does, for callers that
     * handle the {@link SQLException} themselves (the job engine tells a lost fence from a failure).
     */
    public <R> R write(Work<R> work) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                R result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                rollback(c, e);
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        }
    }

    /** Runs reads on one connection, without a transaction of their own. */
    public <R> R read(String what, Work<R> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new DatabaseException(what + " failed", e);
        }
    }

    private static void rollback(Connection c, Throwable cause) {
        try {
            c.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }
}
