package org.campus.core.internal.db;

import java.sql.Connection;
import java.util.function.Function;

import javax.persistence.EntityManager;
import javax.persistence.OptimisticLockException;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.campus.api.CampusException;
import org.campus.api.ConflictException;

/**
 * Runs units of work on the Campus persistence unit, and turns a lost optimistic-locking race into
 * the {@link ConflictException} that the API promises.
 */
public final class Transactions {

    private final JpaTemplate jpa;

    public Transactions(JpaTemplate jpa) {
        this.jpa = jpa;
    }

    public <R> R write(Function<EntityManager, R> work) {
        return run(TransactionType.Required, work);
    }

    /** Aries JPA's resource-local template supports only REQUIRED; reads run in a short transaction too. */
    public <R> R read(Function<EntityManager, R> work) {
        return run(TransactionType.Required, work);
    }

    private <R> R run(TransactionType type, Function<EntityManager, R> work) {
        try {
            return jpa.txExpr(type, work::apply);
        } catch (CampusException e) {
            throw e;
        } catch (RuntimeException e) {
            if (causedByLostRace(e)) {
                throw new ConflictException("the resource was changed by another request meanwhile; read it again and retry");
            }
            throw e;
        }
    }

    private static boolean causedByLostRace(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof OptimisticLockException) {
                return true;
            }
            if (t instanceof CampusException) {
                return false;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /**
     * The JDBC connection of {@code em}'s transaction, for a JDBC repository that must change its
     * aggregate atomically with a JPA one: both then commit or roll back together. Only inside
     * {@link #write} or {@link #read}.
     */
    public static Connection connection(EntityManager em) {
        Connection c = em.unwrap(Connection.class);
        if (c == null) {
            throw new IllegalStateException("the entity manager has no transaction with a connection");
        }
        return c;
    }

}
