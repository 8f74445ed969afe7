package org.campus.core.internal.db;

import java.util.function.Function;

import javax.persistence.EntityManager;
import javax.persistence.OptimisticLockException;
import javax.persistence.PersistenceException;

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

    /** True when the exception is a persistence failure rather than one of ours. */
    public static boolean isPersistenceFailure(Throwable e) {
        return e instanceof PersistenceException;
    }
}
