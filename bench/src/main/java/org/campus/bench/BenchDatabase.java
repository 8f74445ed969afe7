package org.campus.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The database both targets of a run use, from {@code bench.database}: {@code derby} (the default:
 * each target its own embedded database) or {@code postgresql} (one PostgreSQL cluster, a database
 * each: {@code bench.pg.campusDatabase} for Campus, {@code bench.pg.baselineDatabase} for the
 * baseline, at 127.0.0.1:{@code bench.pg.port} as {@code bench.pg.user} / {@code bench.pg.password};
 * the bench scripts start a throw-away cluster with scripts/postgres-cluster.sh and pass these).
 */
final class BenchDatabase {

    final boolean postgresql;
    private final String port;
    private final String user;
    private final String password;
    private final String campusDatabase;
    private final String baselineDatabase;

    private BenchDatabase(boolean postgresql, String port, String user, String password, String campusDatabase,
            String baselineDatabase) {
        this.postgresql = postgresql;
        this.port = port;
        this.user = user;
        this.password = password;
        this.campusDatabase = campusDatabase;
        this.baselineDatabase = baselineDatabase;
    }

    static BenchDatabase fromSystemProperties() {
        String db = System.getProperty("bench.database", "derby").trim().toLowerCase(Locale.ROOT);
        switch (db) {
            case "derby":
                return new BenchDatabase(false, null, null, null, null, null);
            case "postgresql":
                return new BenchDatabase(true, required("bench.pg.port"), required("bench.pg.user"),
                        required("bench.pg.password"), System.getProperty("bench.pg.campusDatabase", "campus"),
                        System.getProperty("bench.pg.baselineDatabase", "baseline"));
            default:
                throw new IllegalArgumentException("bench.database must be derby or postgresql: " + db);
        }
    }

    /** {@code derby} or {@code postgresql}: also the folder of its migrations under campus-ddl/. */
    String vendor() {
        return postgresql ? "postgresql" : "derby";
    }

    /** The settings as system property flags, for the baseline JVM. */
    List<String> jvmArgs() {
        List<String> args = new ArrayList<>();
        args.add("-Dbench.database=" + vendor());
        if (postgresql) {
            args.add("-Dbench.pg.port=" + port);
            args.add("-Dbench.pg.user=" + user);
            args.add("-Dbench.pg.password=" + password);
            args.add("-Dbench.pg.campusDatabase=" + campusDatabase);
            args.add("-Dbench.pg.baselineDatabase=" + baselineDatabase);
        }
        return args;
    }

    /** The baseline's database: embedded Derby {@code baseline} under {@code derby.system.home}, or its PostgreSQL database. */
    String baselineUrl() {
        return postgresql ? url(baselineDatabase) : "jdbc:derby:baseline;create=true";
    }

    /** The baseline's database as the loader reaches it from another JVM, with the baseline stopped. */
    String baselineUrl(Path workDir) {
        return postgresql ? url(baselineDatabase) : "jdbc:derby:" + workDir.resolve("baseline-db").resolve("baseline");
    }

    /** Campus's database: {@code db/campus} in the distribution, or its PostgreSQL database. */
    String campusUrl(Path campusHome) {
        return postgresql ? url(campusDatabase) : "jdbc:derby:" + campusHome.resolve("db").resolve("campus");
    }

    String driverClass() {
        return postgresql ? "org.postgresql.Driver" : "org.apache.derby.jdbc.EmbeddedDriver";
    }

    String user() {
        return user;
    }

    String password() {
        return password;
    }

    Connection connect(String url) throws SQLException {
        return postgresql ? DriverManager.getConnection(url, user, password) : DriverManager.getConnection(url);
    }

    /** The schema the tables are in, as the database's metadata names it. */
    String schema() {
        return postgresql ? "public" : "APP";
    }

    /** A table name as the database's metadata names it (Derby folds to upper case, PostgreSQL to lower). */
    String metadataName(String table) {
        return postgresql ? table.toLowerCase(Locale.ROOT) : table.toUpperCase(Locale.ROOT);
    }

    private String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    private static String required(String name) {
        String v = System.getProperty(name);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException(name + " is needed with bench.database=postgresql (the bench scripts set it)");
        }
        return v.trim();
    }
}
