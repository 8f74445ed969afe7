package org.campus.core.internal.db;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

/**
 * Runs plain JDBC work on a pooled connection, and hands the connection back as it was. A write runs
 * in one transaction, committed when the work returns and rolled back when it throws; an
 * {@link SQLException} comes out as a {@link DatabaseException}, anything else as it was thrown.
 *
 * <p>Made with {@link ChangeScopes}, a write on a thread with an open change scope is not committed
 * when its work returns: its connection stays pending in the scope, later writes and reads on the
 * thread run on it (reads see the uncommitted write), and the scope's owner commits or rolls back
 * the lot (the audit entry of the change is appended first). A write that throws there rolls back
 * everything pending in the scope.
 */
public final class JdbcTransactions {

    /** Work on a connection. */
    @FunctionalInterface
    public interface Work<R> {
        R run(Connection connection) throws SQLException;
    }

    private final DataSource dataSource;
    private final ChangeScopes scopes;

    /** Every write commits by itself. */
    public JdbcTransactions(DataSource dataSource) {
        this(dataSource, null);
    }

    /** Writes inside a change scope of {@code scopes} commit with the scope. */
    public JdbcTransactions(DataSource dataSource, ChangeScopes scopes) {
        this.dataSource = dataSource;
        this.scopes = scopes;
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
        ChangeScopes.Scope scope = scopes == null ? null : scopes.current();
        if (scope != null) {
            return writeIn(scope, work);
        }
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

    private <R> R writeIn(ChangeScopes.Scope scope, Work<R> work) throws SQLException {
        if (scope.failed()) {
            throw new IllegalStateException("an earlier write of this change failed and was rolled back");
        }
        Connection c = scope.pending();
        if (c == null) {
            c = dataSource.getConnection();
            try {
                boolean autoCommit = c.getAutoCommit();
                c.setAutoCommit(false);
                scope.hold(c, autoCommit);
            } catch (SQLException | RuntimeException | Error e) {
                close(c, e);
                throw e;
            }
        }
        try {
            return work.run(c);
        } catch (SQLException | RuntimeException | Error e) {
            scope.fail(e);
            throw e;
        }
    }

    /** Runs reads on one connection, without a transaction of their own (on a change's pending one, if any). */
    public <R> R read(String what, Work<R> work) {
        ChangeScopes.Scope scope = scopes == null ? null : scopes.current();
        Connection pending = scope == null ? null : scope.pending();
        if (pending != null) {
            try {
                return work.run(pending);
            } catch (SQLException e) {
                scope.fail(e); // PostgreSQL aborts the transaction: the change cannot commit any more
                throw new DatabaseException(what + " failed", e);
            }
        }
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new DatabaseException(what + " failed", e);
        }
    }

    private static void close(Connection c, Throwable cause) {
        try {
            c.close();
        } catch (SQLException e) {
            cause.addSuppressed(e);
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
