package org.campus.core.internal.db;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Ids from a database sequence in blocks of {@link #SIZE}, exactly as EclipseLink takes them for
 * entities ({@code allocationSize = 50}, each sequence value the end of a block), so that rows
 * written through plain JDBC and through JPA share one sequence without ever colliding.
 */
public final class IdBlocks {

    public static final int SIZE = 50;

    private final String sequence;
    private long next = 1;
    private long last;
    private String sql;

    public IdBlocks(String sequence) {
        if (!sequence.matches("[a-z_]+")) {
            throw new IllegalArgumentException("not a sequence name: " + sequence);
        }
        this.sequence = sequence;
    }

    /** The next id; takes a new block from the sequence on {@code connection} when this one is used up. */
    public synchronized long next(Connection connection) throws SQLException {
        if (next > last) {
            try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery(sql(connection))) {
                if (!r.next()) {
                    throw new SQLException("sequence " + sequence + " returned no value");
                }
                last = r.getLong(1);
                next = last - SIZE + 1;
            }
        }
        return next++;
    }

    private String sql(Connection connection) throws SQLException {
        if (sql == null) {
            sql = SqlDialect.of(connection).nextValueQuery(sequence);
        }
        return sql;
    }
}
