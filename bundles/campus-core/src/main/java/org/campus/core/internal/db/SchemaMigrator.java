package org.campus.core.internal.db;

import java.util.List;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the Campus schema up to date with the versioned migrations under {@code db/migration}:
 * the portable ones in {@code common/} and those of the database in use in its vendor folder.
 */
public final class SchemaMigrator {

    public static final String LOCATION = "db/migration";

    private static final Logger LOG = LoggerFactory.getLogger(SchemaMigrator.class);

    private SchemaMigrator() {
    }

    /** The migration folders for the database behind {@code dataSource}: common first, then its vendor's. */
    public static List<String> locations(DataSource dataSource) {
        return List.of(LOCATION + "/common", LOCATION + "/" + SqlDialect.of(dataSource).folder());
    }

    /**
     * Applies every pending migration. {@code resources} lists them; {@code null} lets Flyway
     * scan the class path instead (outside OSGi).
     */
    public static String migrate(DataSource dataSource, ClassLoader classLoader, ResourceProvider resources) {
        String[] locations = locations(dataSource).stream().map(l -> "classpath:" + l).toArray(String[]::new);
        var config = Flyway.configure(classLoader)
                .dataSource(dataSource)
                .locations(locations)
                .table("campus_schema_history")
                .baselineOnMigrate(false)
                .validateMigrationNaming(true);
        if (resources != null) {
            config = config.resourceProvider(resources);
        }
        MigrateResult result = config.load().migrate();
        String version = result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion;
        LOG.info("Campus schema at version {} ({} migration(s) applied)", version, result.migrationsExecuted);
        return version;
    }

}
