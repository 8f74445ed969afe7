package org.campus.itests;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** A file of SQL statements, each ended by {@code ;}, with {@code --} comments; quoted text may hold both. */
public final class SqlScript {

    private SqlScript() {
    }

    /** The statements of a class path resource. */
    public static List<String> statements(String resource) throws IOException {
        try (InputStream in = SqlScript.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("no resource " + resource);
            }
            return split(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    static List<String> split(String sql) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < sql.length(); i++) {
            char ch = sql.charAt(i);
            if (quoted) {
                current.append(ch);
                if (ch == '\'') {
                    quoted = false; // a doubled quote reopens at the next character
                }
            } else if (ch == '\'') {
                quoted = true;
                current.append(ch);
            } else if (ch == '-' && i + 1 < sql.length() && sql.charAt(i + 1) == '-') {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? sql.length() : end;
                current.append('\n');
            } else if (ch == ';') {
                if (!current.toString().isBlank()) {
                    out.add(current.toString().trim());
                }
                current.setLength(0);
            } else {
                current.append(ch);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("unterminated quoted text in the script");
        }
        if (!current.toString().isBlank()) {
            out.add(current.toString().trim());
        }
        return out;
    }

    /** Runs the statements of a resource on {@code c} in one transaction. */
    public static int run(Connection c, String resource) throws IOException, SQLException {
        List<String> statements = statements(resource);
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            for (String sql : statements) {
                try {
                    s.execute(sql);
                } catch (SQLException e) {
                    throw new SQLException("failed: " + sql.substring(0, Math.min(200, sql.length())), e.getSQLState(), e);
                }
            }
            c.commit();
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(auto);
        }
        return statements.size();
    }
}
