package org.campus.core.internal.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

import javax.sql.DataSource;

/**
 * The databases Campus runs on. Code stays portable SQL; this names only what cannot be: the
 * migration folder of each vendor, how a sequence hands out its next value, and Derby's optimizer
 * hints.
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

    /**
     * A hint that makes the optimizer use {@code index} for the table it follows in a {@code FROM}
     * clause, or nothing. Derby's optimizer, without index statistics, may prefer a narrower index
     * and read every row it holds; PostgreSQL's planner takes no hints and needs none.
     */
    public String indexHint(String index) {
        if (!index.matches("[A-Za-z_]+")) {
            throw new IllegalArgumentException("not an index name: " + index);
        }
        return this == DERBY ? " --DERBY-PROPERTIES index=" + index + "\n" : " ";
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
