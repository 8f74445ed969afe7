package org.campus.itests;

import org.flywaydb.core.Flyway;

/**
 * Campus's Flyway migrations from the campus-core jar, applied the way Campus applies them at start
 * (the same folders, the same history table), outside Karaf: to build a schema to inspect, or a
 * database at an earlier version.
 */
public final class Migrations {

    /** Campus's migrations in campus-core: {@code common/} and one folder per database. */
    public static final String CAMPUS = "db/migration";
    /** Flyway's history table in a Campus database (see SchemaMigrator in campus-core). */
    public static final String HISTORY_TABLE = "campus_schema_history";

    private Migrations() {
    }

    /**
     * Flyway for the migrations under {@code base} ({@code common/} and the vendor folder of
     * {@code url}) on the database at {@code url}; {@code target} null for the newest version.
     */
    public static Flyway flyway(String base, String url, String user, String password, String target) {
        String vendor = url.startsWith("jdbc:postgresql:") ? "postgresql" : "derby";
        var config = Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(url, user, password)
                .locations("classpath:" + base + "/common", "classpath:" + base + "/" + vendor)
                .table(HISTORY_TABLE)
                .baselineOnMigrate(false);
        if (target != null) {
            config = config.target(target);
        }
        return config.load();
    }
}
