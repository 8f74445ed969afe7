package org.campus.itests;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The database the integration tests run Campus on: {@code campus.itest.database} is {@code derby}
 * (the default) or {@code postgresql}; failsafe runs the suite once for each (see itests/pom.xml).
 * On PostgreSQL the throw-away cluster of scripts/postgres-cluster.sh hands in its address and
 * credentials as {@code campus.pg.*} system properties; the suite's container uses its database
 * {@code campus}, and tests that need a database of their own make one with {@link #freshPostgresql}.
 */
public final class ItestDatabase {

    /** The driver name of the PostgreSQL data source, as README.md gives it. */
    public static final String POSTGRESQL_DRIVER_NAME = "PostgreSQL JDBC Driver";
    /** Where the data source is configured in the distribution. */
    public static final String DATASOURCE_CFG = "etc/org.ops4j.datasource-campus.cfg";

    private ItestDatabase() {
    }

    /** {@code derby} or {@code postgresql}. */
    public static String name() {
        String db = System.getProperty("campus.itest.database", "derby").trim().toLowerCase(Locale.ROOT);
        if (!db.equals("derby") && !db.equals("postgresql")) {
            throw new IllegalStateException("campus.itest.database must be derby or postgresql, not " + db);
        }
        return db;
    }

    public static boolean isPostgresql() {
        return name().equals("postgresql");
    }

    /** The JDBC URL of a database of the test cluster. */
    public static String postgresqlUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + required("campus.pg.port") + "/" + database;
    }

    public static String postgresqlUser() {
        return required("campus.pg.user");
    }

    public static String postgresqlPassword() {
        return required("campus.pg.password");
    }

    /**
     * The lines of {@value #DATASOURCE_CFG} that move Campus to a PostgreSQL database: exactly the
     * ones README.md gives (they replace {@code osgi.jdbc.driver.name} and {@code url}; the pool
     * lines stay).
     */
    public static Map<String, String> postgresqlDatasource(String database) {
        Map<String, String> lines = new LinkedHashMap<>();
        lines.put("osgi.jdbc.driver.name", POSTGRESQL_DRIVER_NAME);
        lines.put("url", postgresqlUrl(database));
        lines.put("user", postgresqlUser());
        lines.put("password", postgresqlPassword());
        return lines;
    }

    /** A connection to a database of the test cluster, as its owner {@code campus}. */
    public static Connection connectPostgresql(String database) throws SQLException {
        return DriverManager.getConnection(postgresqlUrl(database), postgresqlUser(), postgresqlPassword());
    }

    /**
     * A new, empty database of the test cluster owned by the test user, replacing one of that name
     * left by an earlier run of the same test.
     */
    public static String freshPostgresql(String database) {
        if (!database.matches("[a-z][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("not a database name: " + database);
        }
        try (Connection c = connectPostgresql("campus"); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the database " + database + " in the test cluster", e);
        }
        return database;
    }

    /** The JDBC URL of Campus's embedded Derby database in an unpacked distribution ({@code db/campus}). */
    public static String derbyUrlIn(Path distributionHome) {
        return "jdbc:derby:" + distributionHome.resolve("db").resolve("campus").toAbsolutePath();
    }

    /** Shuts down the embedded Derby database at {@code url} in this JVM, so that Karaf can open it. */
    public static void shutdownDerby(String url) {
        try {
            DriverManager.getConnection(url + ";shutdown=true").close();
            throw new IllegalStateException("Derby did not shut down " + url);
        } catch (SQLException e) {
            if (!"08006".equals(e.getSQLState())) {
                throw new IllegalStateException("cannot shut down " + url, e);
            }
        }
    }

    private static String required(String property) {
        String v = System.getProperty(property);
        if (v == null || v.isBlank()) {
            throw new IllegalStateException("no " + property + ": the PostgreSQL tests run in the 'postgresql' failsafe"
                    + " execution, which starts the cluster (scripts/postgres-cluster.sh) and passes its settings");
        }
        return v;
    }
}
