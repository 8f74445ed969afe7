package org.campus.core.internal.db;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Ids for rows written through plain JDBC, from the table's database sequence in blocks of
 * {@link #SIZE}: one sequence round trip per 50 rows, and inserts that can be batched. Each value the
 * sequence hands out is the last id of its block (the sequences start at 50 and step by 50), so
 * nodes sharing one database never collide. A sequence serves one path only: the JDBC repository of
 * its table here, or EclipseLink's {@code @SequenceGenerator} for an entity, never both.
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
