package org.campus.core.internal.db;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.EntityTransaction;

import org.apache.aries.jpa.template.EmConsumer;
import org.apache.aries.jpa.template.EmFunction;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.eclipse.persistence.jpa.PersistenceProvider;

/**
 * A fresh in-memory Derby database with the real migrations and the real persistence unit, and a
 * resource-local {@link JpaTemplate} over it, as Aries JPA gives the services in OSGi.
 */
public final class TestDatabase implements AutoCloseable {

    private static final AtomicInteger COUNT = new AtomicInteger();

    private final EmbeddedDataSource dataSource = new EmbeddedDataSource();
    private final EntityManagerFactory emf;
    private final String name;

    public TestDatabase() {
        name = "campus-test-" + COUNT.incrementAndGet() + "-" + System.nanoTime();
        dataSource.setDatabaseName("memory:" + name);
        dataSource.setCreateDatabase("create");
        SchemaMigrator.migrate(dataSource, getClass().getClassLoader(), null);
        Map<String, Object> props = new HashMap<>();
        props.put("javax.persistence.nonJtaDataSource", dataSource);
        props.put("eclipselink.weaving", "false");
        props.put("eclipselink.logging.level", "WARNING");
        props.put("eclipselink.cache.shared.default", "false");
        emf = new PersistenceProvider().createEntityManagerFactory("campus", props);
    }

    public javax.sql.DataSource dataSource() {
        return dataSource;
    }

    public Transactions transactions() {
        return new Transactions(template());
    }

    public JpaTemplate template() {
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
        emf.close();
        EmbeddedDataSource drop = new EmbeddedDataSource();
        drop.setDatabaseName("memory:" + name);
        drop.setConnectionAttributes("drop=true");
        try {
            drop.getConnection().close();
        } catch (java.sql.SQLException expected) {
            // Derby reports a dropped database with an exception
        }
    }
}
