package org.campus.core.internal.db;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

/** Runs plain JDBC work in one transaction on a pooled connection, and hands the connection back as it was. */
public final class JdbcTransactions {

    /** Work on a connection whose transaction this class commits or rolls back. */
    @FunctionalInterface
    public interface Work<R> {
        R run(Connection connection) throws SQLException;
    }

    private final DataSource dataSource;

    public JdbcTransactions(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public <R> R write(Work<R> work) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                R result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        }
    }
}
