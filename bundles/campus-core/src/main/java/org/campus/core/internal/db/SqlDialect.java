package org.campus.core.internal.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

import javax.sql.DataSource;

/**
 * The databases Campus runs on. Code stays portable SQL; this names only what cannot be: the
 * migration folder of each vendor and how a sequence hands out its next value.
 */
public enum SqlDialect {
    DERBY("derby"),
    POSTGRESQL("postgresql");

    private final String folder;

    SqlDialect(String folder) {
        this.folder = folder;
    }

    /** The vendor folder of the migrations under {@code db/migration}. */
    public String folder() {
        return folder;
    }

    /** A query returning the next value of {@code sequence} as its one row and column. */
    public String nextValueQuery(String sequence) {
        return this == POSTGRESQL ? "SELECT nextval('" + sequence + "')" : "VALUES NEXT VALUE FOR " + sequence;
    }

    public static SqlDialect of(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            return of(c);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the Campus database", e);
        }
    }

    public static SqlDialect of(Connection connection) throws SQLException {
        return ofProduct(connection.getMetaData().getDatabaseProductName());
    }

    static SqlDialect ofProduct(String productName) {
        String product = productName == null ? "" : productName.toLowerCase(Locale.ROOT);
        if (product.contains("derby")) {
            return DERBY;
        }
        if (product.contains("postgres")) {
            return POSTGRESQL;
        }
        throw new IllegalStateException("Campus runs on Apache Derby or PostgreSQL, not on " + productName);
    }
}
