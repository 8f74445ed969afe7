package org.campus.bench;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Campus's schema as campus-core's migrations build it (common/ and the folder of the database in use,
 * copied in by the pom), for the baseline: its tables, columns and indexes are the ones Campus writes to,
 * so that the baseline does the same database work and nothing less.
 */
final class CampusSchema {

    private static final String DDL_DIR = "/campus-ddl";

    private CampusSchema() {
    }

    /** Every migration for {@code db}, in version order. */
    static List<String> migrations(BenchDatabase db) {
        try {
            List<Path> files = new ArrayList<>();
            for (String folder : List.of("common", db.vendor())) {
                URL dir = CampusSchema.class.getResource(DDL_DIR + "/" + folder);
                if (dir == null) {
                    throw new IllegalStateException("missing " + DDL_DIR + "/" + folder + " (copied from campus-core by the pom)");
                }
                try (Stream<Path> list = Files.list(Paths.get(dir.toURI()))) {
                    list.filter(p -> p.getFileName().toString().matches("V\\d+__.*\\.sql")).forEach(files::add);
                }
            }
            files.sort(Comparator.comparingInt(CampusSchema::version));
            List<String> out = new ArrayList<>();
            for (Path f : files) {
                out.add(Files.readString(f));
            }
            return out;
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException("cannot read the migrations in " + DDL_DIR, e);
        }
    }

    /** Runs every migration on {@code c}, an empty database: the schema Campus has after its own migrations. */
    static void create(Connection c, BenchDatabase db) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String migration : migrations(db)) {
                for (String statement : statements(migration)) {
                    s.execute(statement);
                }
            }
        }
    }

    /** Splits a migration script on the semicolons that end its statements, dropping -- comments. */
    static List<String> statements(String script) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\n")) {
            int comment = line.indexOf("--");
            String code = (comment >= 0 ? line.substring(0, comment) : line).strip();
            if (code.isEmpty()) {
                continue;
            }
            current.append(code).append('\n');
            if (code.endsWith(";")) {
                String statement = current.toString().strip();
                out.add(statement.substring(0, statement.length() - 1));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            out.add(current.toString().strip());
        }
        return out;
    }

    private static int version(Path migration) {
        String name = migration.getFileName().toString();
        return Integer.parseInt(name.substring(1, name.indexOf("__")));
    }
}
