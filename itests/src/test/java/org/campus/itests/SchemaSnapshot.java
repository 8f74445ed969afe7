package org.campus.itests;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A schema as Derby or PostgreSQL reports it, in one vocabulary for both, so that two can be
 * compared: tables and views, columns (order, type, nullability, default), primary keys, foreign
 * keys (columns, target, rules), unique and check constraints, indexes (columns in order with their
 * direction, uniqueness) and sequences. Each fact is one entry, {@code "table t column c" ->
 * "VARCHAR(255) NOT NULL"}; {@link #differences} lists the entries that are not the same.
 *
 * <p>Types in the common vocabulary: BIGINT, INTEGER, SMALLINT, BOOLEAN, VARCHAR(n), CHAR(n), TEXT
 * (Derby's CLOB, PostgreSQL's text), BINARY (BLOB, bytea), TIMESTAMP, DATE, TIME, DOUBLE, REAL,
 * DECIMAL(p,s). Anything else shows as {@code UNMAPPED(name)}, which never matches the other side.
 * Names are compared in lower case (Derby folds to upper, PostgreSQL to lower); names a database
 * makes up for unnamed constraints are left out. Flyway's history table is not part of the schema.
 */
public final class SchemaSnapshot {

    private static final Pattern DERBY_GENERATED = Pattern.compile("sql\\d+");
    private static final Pattern POSTGRESQL_GENERATED = Pattern.compile(".*_(pkey|fkey|key|check)\\d*");

    private final String vendor;
    private final Map<String, String> facts = new TreeMap<>();

    private SchemaSnapshot(String vendor) {
        this.vendor = vendor;
    }

    public String vendor() {
        return vendor;
    }

    public Map<String, String> facts() {
        return facts;
    }

    /** Reads the schema of {@code c}'s current schema (Derby's APP for Campus, PostgreSQL's public). */
    public static SchemaSnapshot of(Connection c) throws SQLException {
        String product = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        boolean derby = product.contains("derby");
        if (!derby && !product.contains("postgres")) {
            throw new IllegalArgumentException("neither Derby nor PostgreSQL: " + product);
        }
        SchemaSnapshot s = new SchemaSnapshot(derby ? "derby" : "postgresql");
        String schema = derby ? c.getSchema() : "public";
        s.read(c, schema, derby);
        return s;
    }

    /** One line per fact that differs: {@code <fact>: <this vendor>=<value> <other vendor>=<value>}. */
    public List<String> differences(SchemaSnapshot other) {
        Set<String> keys = new TreeSet<>(facts.keySet());
        keys.addAll(other.facts.keySet());
        List<String> out = new ArrayList<>();
        for (String k : keys) {
            String a = facts.get(k);
            String b = other.facts.get(k);
            if (a == null || !a.equals(b)) {
                out.add(k + ": " + vendor + "=" + (a == null ? "(missing)" : a) + "  " + other.vendor + "="
                        + (b == null ? "(missing)" : b));
            }
        }
        return out;
    }

    private void read(Connection c, String schema, boolean derby) throws SQLException {
        DatabaseMetaData md = c.getMetaData();
        List<String> tables = new ArrayList<>();
        try (ResultSet r = md.getTables(null, schema, "%", new String[] {"TABLE", "VIEW"})) {
            while (r.next()) {
                String name = lower(r.getString("TABLE_NAME"));
                if (name.equals(Migrations.HISTORY_TABLE)) {
                    continue;
                }
                facts.put(("VIEW".equals(r.getString("TABLE_TYPE")) ? "view " : "table ") + name, "present");
                tables.add(r.getString("TABLE_NAME"));
            }
        }
        Map<String, String> uniqueByIndex = uniqueConstraintsByIndex(c, schema, derby);
        for (String table : tables) {
            String t = "table " + lower(table);
            readColumns(md, schema, table, t, derby);
            Set<String> pkIndexNames = readPrimaryKey(md, schema, table, t);
            readForeignKeys(md, schema, table, t);
            readIndexes(md, schema, table, t, derby, pkIndexNames, uniqueByIndex);
        }
        readChecksAndSequences(c, schema, derby);
    }

    private void readColumns(DatabaseMetaData md, String schema, String table, String t, boolean derby)
            throws SQLException {
        TreeMap<Integer, String> order = new TreeMap<>();
        try (ResultSet r = md.getColumns(null, schema, table, "%")) {
            while (r.next()) {
                String col = lower(r.getString("COLUMN_NAME"));
                order.put(r.getInt("ORDINAL_POSITION"), col);
                String type = type(r.getString("TYPE_NAME"), r.getInt("COLUMN_SIZE"), r.getInt("DECIMAL_DIGITS"), derby);
                String nullable = "NO".equals(r.getString("IS_NULLABLE")) ? " NOT NULL" : "";
                String def = defaultValue(r.getString("COLUMN_DEF"));
                facts.put(t + " column " + col, type + nullable + (def == null ? "" : " DEFAULT " + def));
            }
        }
        facts.put(t + " columns in order", String.join(", ", order.values()));
    }

    private Set<String> readPrimaryKey(DatabaseMetaData md, String schema, String table, String t) throws SQLException {
        TreeMap<Integer, String> cols = new TreeMap<>();
        Set<String> names = new HashSet<>();
        try (ResultSet r = md.getPrimaryKeys(null, schema, table)) {
            while (r.next()) {
                cols.put(r.getInt("KEY_SEQ"), lower(r.getString("COLUMN_NAME")));
                if (r.getString("PK_NAME") != null) {
                    names.add(lower(r.getString("PK_NAME")));
                }
            }
        }
        facts.put(t + " primary key", cols.isEmpty() ? "(none)" : "(" + String.join(", ", cols.values()) + ")");
        return names;
    }

    private void readForeignKeys(DatabaseMetaData md, String schema, String table, String t) throws SQLException {
        record Part(int seq, String column, String refColumn) {
        }
        Map<String, List<Part>> parts = new HashMap<>();
        Map<String, String> targets = new HashMap<>();
        try (ResultSet r = md.getImportedKeys(null, schema, table)) {
            while (r.next()) {
                String fk = r.getString("FK_NAME");
                parts.computeIfAbsent(fk, k -> new ArrayList<>()).add(new Part(r.getInt("KEY_SEQ"),
                        lower(r.getString("FKCOLUMN_NAME")), lower(r.getString("PKCOLUMN_NAME"))));
                targets.put(fk, lower(r.getString("PKTABLE_NAME")) + " ON DELETE " + rule(r.getShort("DELETE_RULE"))
                        + " ON UPDATE " + rule(r.getShort("UPDATE_RULE")) + named(fk));
            }
        }
        for (Map.Entry<String, List<Part>> fk : parts.entrySet()) {
            List<Part> ps = new ArrayList<>(fk.getValue());
            ps.sort((a, b) -> Integer.compare(a.seq(), b.seq()));
            String cols = String.join(", ", ps.stream().map(Part::column).toList());
            String refs = String.join(", ", ps.stream().map(Part::refColumn).toList());
            String target = targets.get(fk.getKey());
            int on = target.indexOf(" ON DELETE");
            facts.put(t + " foreign key (" + cols + ")",
                    "REFERENCES " + target.substring(0, on) + " (" + refs + ")" + target.substring(on));
        }
    }

    private void readIndexes(DatabaseMetaData md, String schema, String table, String t, boolean derby,
            Set<String> pkIndexNames, Map<String, String> uniqueByIndex) throws SQLException {
        Map<String, TreeMap<Integer, String>> cols = new HashMap<>();
        Map<String, Boolean> unique = new HashMap<>();
        try (ResultSet r = md.getIndexInfo(null, schema, table, false, false)) {
            while (r.next()) {
                if (r.getShort("TYPE") == DatabaseMetaData.tableIndexStatistic || r.getString("INDEX_NAME") == null) {
                    continue;
                }
                String name = lower(r.getString("INDEX_NAME"));
                String dir = "D".equals(r.getString("ASC_OR_DESC")) ? " DESC" : " ASC";
                cols.computeIfAbsent(name, k -> new TreeMap<>())
                        .put(r.getInt("ORDINAL_POSITION"), lower(r.getString("COLUMN_NAME")) + dir);
                unique.put(name, !r.getBoolean("NON_UNIQUE"));
            }
        }
        for (Map.Entry<String, TreeMap<Integer, String>> ix : cols.entrySet()) {
            String name = ix.getKey();
            String columns = "(" + String.join(", ", ix.getValue().values()) + ")";
            String constraint = uniqueByIndex.get(name);
            if (constraint != null) {
                facts.put(t + " unique " + columns.replace(" ASC", ""), constraint);
            } else if (derby ? DERBY_GENERATED.matcher(name).matches() : pkIndexNames.contains(name)) {
                // the index behind a primary or foreign key: those are compared as constraints
                continue;
            } else {
                facts.put(t + " index " + name, (unique.get(name) ? "UNIQUE " : "") + columns);
            }
        }
    }

    /** Index name to the name of the unique constraint it enforces ("unnamed" when the database named it). */
    private Map<String, String> uniqueConstraintsByIndex(Connection c, String schema, boolean derby) throws SQLException {
        String sql = derby
                ? "SELECT c.CONSTRAINTNAME, g.CONGLOMERATENAME FROM SYS.SYSCONSTRAINTS c"
                        + " JOIN SYS.SYSSCHEMAS s ON s.SCHEMAID = c.SCHEMAID"
                        + " JOIN SYS.SYSKEYS k ON k.CONSTRAINTID = c.CONSTRAINTID"
                        + " JOIN SYS.SYSCONGLOMERATES g ON g.CONGLOMERATEID = k.CONGLOMERATEID"
                        + " WHERE c.TYPE = 'U' AND s.SCHEMANAME = ?"
                : "SELECT con.conname, idx.relname FROM pg_constraint con"
                        + " JOIN pg_class idx ON idx.oid = con.conindid"
                        + " JOIN pg_namespace n ON n.oid = con.connamespace"
                        + " WHERE con.contype = 'u' AND n.nspname = ?";
        Map<String, String> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, schema);
            try (ResultSet r = ps.executeQuery()) {
                while (r.next()) {
                    String name = lower(r.getString(1));
                    out.put(lower(r.getString(2)), generated(name) ? "unnamed" : name);
                }
            }
        }
        return out;
    }

    private void readChecksAndSequences(Connection c, String schema, boolean derby) throws SQLException {
        String checks = derby
                ? "SELECT t.TABLENAME, c.CONSTRAINTNAME FROM SYS.SYSCONSTRAINTS c"
                        + " JOIN SYS.SYSTABLES t ON t.TABLEID = c.TABLEID JOIN SYS.SYSSCHEMAS s ON s.SCHEMAID = c.SCHEMAID"
                        + " WHERE c.TYPE = 'C' AND s.SCHEMANAME = ?"
                : "SELECT rel.relname, con.conname FROM pg_constraint con JOIN pg_class rel ON rel.oid = con.conrelid"
                        + " JOIN pg_namespace n ON n.oid = con.connamespace WHERE con.contype = 'c' AND n.nspname = ?";
        Map<String, Integer> unnamedChecks = new TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement(checks)) {
            ps.setString(1, schema);
            try (ResultSet r = ps.executeQuery()) {
                while (r.next()) {
                    String t = "table " + lower(r.getString(1));
                    String name = lower(r.getString(2));
                    if (generated(name)) {
                        unnamedChecks.merge(t, 1, Integer::sum);
                    } else {
                        facts.put(t + " check " + name, "present");
                    }
                }
            }
        }
        unnamedChecks.forEach((t, n) -> facts.put(t + " unnamed checks", String.valueOf(n)));

        String sequences = derby
                ? "SELECT q.SEQUENCENAME, CAST(q.SEQUENCEDATATYPE AS VARCHAR(64)), q.STARTVALUE, q.INCREMENT"
                        + " FROM SYS.SYSSEQUENCES q JOIN SYS.SYSSCHEMAS s ON s.SCHEMAID = q.SCHEMAID WHERE s.SCHEMANAME = ?"
                : "SELECT sequence_name, data_type, start_value, increment FROM information_schema.sequences"
                        + " WHERE sequence_schema = ?";
        try (PreparedStatement ps = c.prepareStatement(sequences)) {
            ps.setString(1, schema);
            try (ResultSet r = ps.executeQuery()) {
                while (r.next()) {
                    String type = r.getString(2).trim().toUpperCase(Locale.ROOT).replace(" NOT NULL", "");
                    facts.put("sequence " + lower(r.getString(1)), type + " START WITH " + r.getString(3).trim()
                            + " INCREMENT BY " + r.getString(4).trim());
                }
            }
        }
    }

    static String type(String typeName, int size, int digits, boolean derby) {
        String n = typeName.toLowerCase(Locale.ROOT);
        String common = switch (n) {
            case "bigint", "int8" -> "BIGINT";
            case "integer", "int", "int4" -> "INTEGER";
            case "smallint", "int2" -> "SMALLINT";
            case "boolean", "bool" -> "BOOLEAN";
            case "varchar" -> "VARCHAR(" + size + ")";
            case "char", "bpchar" -> "CHAR(" + size + ")";
            case "text" -> derby ? null : "TEXT";
            case "clob" -> derby ? "TEXT" : null;
            case "blob" -> derby ? "BINARY" : null;
            case "bytea" -> derby ? null : "BINARY";
            case "timestamp" -> "TIMESTAMP";
            case "date" -> "DATE";
            case "time" -> "TIME";
            case "double", "float8" -> "DOUBLE";
            case "real", "float4" -> "REAL";
            case "decimal", "numeric" -> "DECIMAL(" + size + "," + digits + ")";
            default -> null;
        };
        return common != null ? common : "UNMAPPED(" + typeName + ")";
    }

    /** A default as both databases would have written it: no casts, no brackets, booleans in lower case. */
    static String defaultValue(String def) {
        if (def == null) {
            return null;
        }
        String d = def.trim();
        if (d.equalsIgnoreCase("null")) {
            return null;
        }
        d = d.replaceAll("::[a-z ]+(\\(\\d+\\))?$", "");
        while (d.startsWith("(") && d.endsWith(")")) {
            d = d.substring(1, d.length() - 1).trim();
        }
        if (d.equalsIgnoreCase("true") || d.equalsIgnoreCase("false")) {
            d = d.toLowerCase(Locale.ROOT);
        }
        return d;
    }

    private static String rule(short rule) {
        return switch (rule) {
            case DatabaseMetaData.importedKeyCascade -> "CASCADE";
            case DatabaseMetaData.importedKeySetNull -> "SET NULL";
            case DatabaseMetaData.importedKeySetDefault -> "SET DEFAULT";
            case DatabaseMetaData.importedKeyRestrict -> "RESTRICT";
            default -> "NO ACTION";
        };
    }

    private static String named(String constraint) {
        return constraint == null || generated(lower(constraint)) ? "" : " CONSTRAINT " + lower(constraint);
    }

    private static boolean generated(String name) {
        return DERBY_GENERATED.matcher(name).matches() || POSTGRESQL_GENERATED.matcher(name).matches();
    }

    private static String lower(String name) {
        return name == null ? null : name.toLowerCase(Locale.ROOT);
    }
}
