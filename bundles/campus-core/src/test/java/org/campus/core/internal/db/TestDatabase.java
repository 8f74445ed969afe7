package org.campus.core.internal.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.EntityTransaction;
import javax.sql.DataSource;

import org.apache.aries.jpa.template.EmConsumer;
import org.apache.aries.jpa.template.EmFunction;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.eclipse.persistence.jpa.PersistenceProvider;
import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A fresh database with the real migrations and the real persistence unit, as production runs it
 * (nothing of {@code persistence.xml} overridden; only the data source is handed in), and a
 * resource-local {@link JpaTemplate} over it, as Aries JPA gives the services in OSGi.
 *
 * <p>By default an in-memory Derby database. With the system property {@value #JDBC_URL} naming a
 * PostgreSQL database (e.g. {@code jdbc:postgresql://127.0.0.1:5432/campus?user=campus}), a new schema
 * in it instead, dropped again by {@link #close()}: the same tests then run on PostgreSQL.
 */
public final class TestDatabase implements AutoCloseable {

    /** The system property naming a PostgreSQL database to run on instead of Derby. */
    public static final String JDBC_URL = "campus.test.jdbcUrl";

    private static final AtomicInteger COUNT = new AtomicInteger();

    private final DataSource dataSource;
    private EntityManagerFactory emf;
    private final List<EntityManagerFactory> otherNodes = new ArrayList<>();
    private final String name;
    private final String postgresUrl;

    public TestDatabase() {
        this(null);
    }

    /**
     * A database migrated up to {@code version} only ({@code null}: every migration), to fill as an
     * earlier release left it before {@link #migrate()} brings it up to date.
     */
    public TestDatabase(String version) {
        name = "campus_test_" + COUNT.incrementAndGet() + "_" + System.nanoTime();
        String url = System.getProperty(JDBC_URL);
        postgresUrl = url == null || url.isBlank() ? null : url;
        if (postgresUrl == null) {
            EmbeddedDataSource derby = new EmbeddedDataSource();
            derby.setDatabaseName("memory:" + name);
            derby.setCreateDatabase("create");
            dataSource = derby;
        } else {
            execute("CREATE SCHEMA " + name);
            PGSimpleDataSource postgres = new PGSimpleDataSource();
            postgres.setURL(postgresUrl);
            postgres.setCurrentSchema(name);
            dataSource = postgres;
        }
        if (version == null) {
            migrate();
        } else {
            Flyway.configure(getClass().getClassLoader()).dataSource(dataSource)
                    .locations(SchemaMigrator.locations(dataSource).stream().map(l -> "classpath:" + l)
                            .toArray(String[]::new))
                    .table("campus_schema_history").target(version).load().migrate();
        }
    }

    /** Applies every pending migration, as Campus does at start; the persistence unit is usable after it. */
    public void migrate() {
        SchemaMigrator.migrate(dataSource, getClass().getClassLoader(), null);
        if (emf == null) {
            emf = newEntityManagerFactory();
        }
    }

    /** Whether the tests run on PostgreSQL (else on Derby). */
    public static boolean onPostgres() {
        String url = System.getProperty(JDBC_URL);
        return url != null && !url.isBlank();
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public Transactions transactions() {
        return new Transactions(template(emf));
    }

    /**
     * The persistence unit as a second Campus node on the same database has it: an entity manager
     * factory of its own, closed with this database.
     */
    public Transactions otherNode() {
        // a session of its own, as another JVM has: EclipseLink shares one session (and its id
        // blocks) between the factories of one persistence unit and data source otherwise
        EntityManagerFactory other = newEntityManagerFactory(
                Map.of("eclipselink.session-name", name + "-node-" + (otherNodes.size() + 2)));
        otherNodes.add(other);
        return new Transactions(template(other));
    }

    private EntityManagerFactory newEntityManagerFactory() {
        return newEntityManagerFactory(Map.of());
    }

    private EntityManagerFactory newEntityManagerFactory(Map<String, Object> more) {
        Map<String, Object> properties = new HashMap<>(more);
        properties.put("javax.persistence.nonJtaDataSource", dataSource);
        return new PersistenceProvider().createEntityManagerFactory("campus", properties);
    }

    private static JpaTemplate template(EntityManagerFactory emf) {
        return new JpaTemplate() {
            @Override
            public <R> R txExpr(TransactionType type, EmFunction<R> code) {
                EntityManager em = emf.createEntityManager();
                EntityTransaction t = em.getTransaction();
                try {
                    t.begin();
                    R r = code.apply(em);
                    t.commit();
                    return r;
                } catch (RuntimeException e) {
                    if (t.isActive()) {
                        t.rollback();
                    }
                    throw e;
                } finally {
                    em.close();
                }
            }

            @Override
            public void tx(TransactionType type, EmConsumer code) {
                txExpr(type, em -> {
                    code.accept(em);
                    return null;
                });
            }

            @Override
            public <R> R txExpr(EmFunction<R> code) {
                return txExpr(TransactionType.Required, code);
            }

            @Override
            public void tx(EmConsumer code) {
                tx(TransactionType.Required, code);
            }
        };
    }

    @Override
    public void close() {
        otherNodes.forEach(EntityManagerFactory::close);
        if (emf != null) {
            emf.close();
        }
        if (postgresUrl != null) {
            execute("DROP SCHEMA " + name + " CASCADE");
            return;
        }
        EmbeddedDataSource drop = new EmbeddedDataSource();
        drop.setDatabaseName("memory:" + name);
        drop.setConnectionAttributes("drop=true");
        try {
            drop.getConnection().close();
        } catch (SQLException expected) {
            // Derby reports a dropped database with an exception
        }
    }

    private void execute(String sql) {
        PGSimpleDataSource admin = new PGSimpleDataSource();
        admin.setURL(postgresUrl);
        try (Connection c = admin.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed on " + postgresUrl, e);
        }
    }
}
