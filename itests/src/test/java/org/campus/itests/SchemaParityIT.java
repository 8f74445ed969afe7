package org.campus.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.flywaydb.core.Flyway;
import org.junit.Test;

/**
 * Campus's migrations build the same schema on Derby and on PostgreSQL: each database gets the real
 * migrations (common/ and its vendor folder, through Flyway, as Campus runs them at start), and the
 * two schemas are compared fact by fact ({@link SchemaSnapshot}). Runs in the PostgreSQL execution of
 * failsafe, which has both databases.
 */
public class SchemaParityIT {

    private static final AtomicInteger DERBY_DATABASES = new AtomicInteger();

    @Test
    public void campusMigrationsBuildTheSameSchemaOnDerbyAndPostgresql() throws Exception {
        SchemaSnapshot derby = onDerby(Migrations.CAMPUS);
        SchemaSnapshot postgresql = onPostgresql(Migrations.CAMPUS, "campus_parity");

        assertTrue("Campus has tables: " + derby.facts().keySet(), derby.facts().containsKey("table share_progress"));
        assertTrue("Campus has sequences: " + derby.facts().keySet(),
                derby.facts().containsKey("sequence share_progress_seq"));
        List<String> differences = derby.differences(postgresql);
        System.out.println("Campus schema, " + derby.facts().size() + " facts compared:");
        derby.facts().forEach((fact, value) -> System.out.println("  " + fact + ": " + value));
        if (!differences.isEmpty()) {
            fail("the migrations under derby/ and postgresql/ build different schemas (" + differences.size()
                    + " differences):\n  " + String.join("\n  ", differences));
        }
    }

    /** The comparison itself: migrations that drift on purpose (src/test/resources/drift) are caught, each drift. */
    @Test
    public void aMigrationThatDriftsIsReported() throws Exception {
        SchemaSnapshot derby = onDerby("drift");
        SchemaSnapshot postgresql = onPostgresql("drift", "campus_drift");
        List<String> differences = derby.differences(postgresql);

        Map<String, String> expected = Map.of(
                "table drift_child column note:", "derby=TEXT  postgresql=VARCHAR(4000)",
                "table drift_child column flag:", "derby=BOOLEAN NOT NULL  postgresql=BOOLEAN",
                "table drift_child column a:", "DEFAULT 1  postgresql=INTEGER NOT NULL DEFAULT 2",
                "table drift_child column only_derby:", "postgresql=(missing)",
                "table drift_child foreign key (parent_id):", "ON DELETE CASCADE",
                "table drift_child unique (parent_id, a):", "derby=uq_drift_child  postgresql=(missing)",
                "table drift_child index ix_drift_ab:", "derby=(a ASC, b ASC)  postgresql=(b ASC, a ASC)",
                "table drift_child index ix_drift_unique:", "derby=UNIQUE (b ASC)  postgresql=(b ASC)",
                "sequence drift_seq:", "INCREMENT BY 50  postgresql=BIGINT START WITH 50 INCREMENT BY 1");
        for (Map.Entry<String, String> e : expected.entrySet()) {
            assertTrue("not reported: " + e.getKey() + " " + e.getValue() + "\nreported:\n  " + String.join("\n  ", differences),
                    differences.stream().anyMatch(d -> d.startsWith(e.getKey()) && d.contains(e.getValue())));
        }
        for (String same : List.of("column body", "column id:", "column parent_id", "ix_drift_same", "table drift_parent",
                "primary key")) {
            assertTrue("reported although the same on both: " + same + "\n  " + String.join("\n  ", differences),
                    differences.stream().noneMatch(d -> d.contains(same)));
        }
        // column order, the unique constraint PostgreSQL has and Derby lacks: 11 in all
        assertEquals(String.join("\n", differences), 11, differences.size());
    }

    /** The schema the migrations under {@code base} build on a new in-memory Derby database. */
    private static SchemaSnapshot onDerby(String base) throws SQLException {
        String url = "jdbc:derby:memory:schema-parity-" + DERBY_DATABASES.incrementAndGet();
        Flyway flyway = Migrations.flyway(base, url + ";create=true", null, null, null);
        flyway.migrate();
        try (Connection c = DriverManager.getConnection(url)) {
            return SchemaSnapshot.of(c);
        } finally {
            try {
                DriverManager.getConnection(url + ";drop=true").close();
            } catch (SQLException dropped) {
                // Derby reports a dropped database with an exception
            }
        }
    }

    /** The schema the migrations under {@code base} build in a new database of the test cluster. */
    private static SchemaSnapshot onPostgresql(String base, String database) throws SQLException {
        ItestDatabase.freshPostgresql(database);
        Migrations.flyway(base, ItestDatabase.postgresqlUrl(database), ItestDatabase.postgresqlUser(),
                ItestDatabase.postgresqlPassword(), null).migrate();
        try (Connection c = ItestDatabase.connectPostgresql(database)) {
            return SchemaSnapshot.of(c);
        }
    }
}
