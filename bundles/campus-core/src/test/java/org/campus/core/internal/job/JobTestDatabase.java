package org.campus.core.internal.job;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.apache.commons.dbcp2.BasicDataSource;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.campus.core.internal.db.SchemaMigrator;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A fresh, migrated database for one test: in-memory Derby, or, when the system property
 * {@value #URL_PROPERTY} names a PostgreSQL server ({@code jdbc:postgresql://host:port/db?user=...}),
 * a new database created there and dropped afterwards. Every data source it hands out reaches the
 * same database, as the nodes of a cluster do.
 */
public final class JobTestDatabase implements AutoCloseable {

    public static final String URL_PROPERTY = "campus.test.jdbcUrl";

    private static final AtomicInteger COUNT = new AtomicInteger();

    private final String name = "campus_jobs_" + COUNT.incrementAndGet() + "_" + System.nanoTime();
    private final String adminUrl = System.getProperty(URL_PROPERTY, "").strip();
    private final java.util.List<BasicDataSource> pools = new java.util.concurrent.CopyOnWriteArrayList<>();

    public JobTestDatabase() {
        if (isPostgreSql()) {
            execute(admin(), "CREATE DATABASE " + name);
        }
        SchemaMigrator.migrate(dataSource(), getClass().getClassLoader(), null);
    }

    public boolean isPostgreSql() {
        return adminUrl.startsWith("jdbc:postgresql:");
    }

    /** A new data source on the test database (each node of a test gets its own, pooled as in the distribution). */
    public DataSource dataSource() {
        if (isPostgreSql()) {
            BasicDataSource pool = new BasicDataSource();
            pool.setDriverClassName("org.postgresql.Driver");
            pool.setUrl(databaseUrl());
            pool.setMaxTotal(16);
            pools.add(pool);
            return pool;
        }
        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName("memory:" + name);
        ds.setCreateDatabase("create");
        return ds;
    }

    /** The admin URL with the test database instead of the one it names. */
    private String databaseUrl() {
        int slash = adminUrl.indexOf('/', "jdbc:postgresql://".length());
        int query = adminUrl.indexOf('?');
        return adminUrl.substring(0, slash + 1) + name + (query < 0 ? "" : adminUrl.substring(query));
    }

    private DataSource admin() {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(adminUrl);
        return ds;
    }

    /** Deletes every job, its log and db-scheduler's executions, for the next test on this database. */
    public void clearJobs() {
        try (Connection c = dataSource().getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM scheduled_tasks");
            s.executeUpdate("DELETE FROM privacy_erasure_outcome");
            s.executeUpdate("DELETE FROM privacy_provider");
            s.executeUpdate("DELETE FROM job_log");
            s.executeUpdate("DELETE FROM job");
        } catch (SQLException e) {
            throw new IllegalStateException("the job tables could not be cleared: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        for (BasicDataSource pool : pools) {
            try {
                pool.close();
            } catch (SQLException e) {
                // dropped with the database below
            }
        }
        if (isPostgreSql()) {
            execute(admin(), "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
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

    private static void execute(DataSource ds, String sql) {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
