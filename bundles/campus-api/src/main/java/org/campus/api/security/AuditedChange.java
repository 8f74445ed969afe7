package org.campus.api.security;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A change and its audit entry, committed together: see {@link AuditService#begin}. Used by one
 * thread, in try-with-resources; {@link #close()} without {@link #complete} rolls the change back.
 */
@ProviderType
public interface AuditedChange extends AutoCloseable {

    /**
     * Whether writes of the change are pending in this change's transaction, waiting for
     * {@link #complete}: then a failing {@code complete} means the change was not made. When false,
     * the services the change called committed by themselves (or wrote nothing), and
     * {@code complete} records the entry as {@link AuditService#record} does.
     */
    boolean pending();

    /**
     * Appends the audit entry in the change's transaction and commits both; returns once both are
     * durable. Texts longer than their column are cut; never pass secrets. Events of the change are
     * posted after the commit.
     *
     * @throws RuntimeException the commit failed: when {@link #pending()} was true, neither the
     *         change nor its entry is stored; otherwise as {@link AuditService#record} throws
     * @throws IllegalStateException the change was already completed or closed, or one of its
     *         writes failed and was rolled back
     */
    void complete(String target, String detail);

    /** Ends the change: rolls back whatever is pending when {@link #complete} did not commit it. */
    @Override
    void close();
}
