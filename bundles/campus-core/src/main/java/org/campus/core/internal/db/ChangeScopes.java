package org.campus.core.internal.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The change open on each thread, if any: a change whose writes commit together with its audit entry
 * (see {@code AuditService.begin} and docs/PERSISTENCE.md). While a {@link Scope} is open on a thread,
 * {@link JdbcTransactions} made with these scopes keep the first write's connection pending instead of
 * committing it; later writes and reads on the thread use that connection; {@link Events} posts wait
 * for the commit. The scope is closed by whoever opened it, on the same thread.
 */
@Component(service = ChangeScopes.class)
public final class ChangeScopes {

    private static final Logger LOG = LoggerFactory.getLogger(ChangeScopes.class);

    private final ThreadLocal<Scope> current = new ThreadLocal<>();

    /**
     * Opens a scope on the current thread.
     *
     * @throws IllegalStateException one is open already
     */
    public Scope open() {
        if (current.get() != null) {
            throw new IllegalStateException("a change is already open on this thread");
        }
        Scope scope = new Scope();
        current.set(scope);
        return scope;
    }

    /** The scope open on the current thread, or {@code null}. */
    public Scope current() {
        return current.get();
    }

    /**
     * Runs {@code action} after the current scope's commit when a write is pending in it (never, if
     * the scope rolls back), and returns true; returns false when there is nothing to wait for.
     */
    public boolean afterCommit(Runnable action) {
        Scope scope = current.get();
        if (scope == null || scope.pending == null) {
            return false;
        }
        scope.afterCommit.add(action);
        return true;
    }

    /** One open change: the connection its writes wait on, and what runs once they are committed. */
    public final class Scope implements AutoCloseable {

        private Connection pending;
        private boolean autoCommit;
        private final List<Runnable> afterCommit = new ArrayList<>();
        private SQLException failed;
        private boolean closed;

        private Scope() {
        }

        /** The connection whose writes are pending, or {@code null}. */
        public Connection pending() {
            return pending;
        }

        /** Whether a write of the change failed (and everything pending was rolled back). */
        public boolean failed() {
            return failed != null;
        }

        /** Makes {@code c} the pending connection; it was set to manual commit, from {@code autoCommit}. */
        void hold(Connection c, boolean autoCommit) {
            checkOpen();
            this.pending = c;
            this.autoCommit = autoCommit;
        }

        /** A write failed: rolls back everything pending; the change can no longer complete. */
        void fail(Throwable cause) {
            failed = new SQLException("an earlier write of the change failed and was rolled back", cause);
            release(false, cause);
        }

        /**
         * Commits what is pending, then runs the after-commit actions.
         *
         * @throws SQLException the commit failed: everything pending was rolled back
         */
        public void commit() throws SQLException {
            checkOpen();
            if (failed != null) {
                throw failed;
            }
            if (pending != null) {
                try {
                    pending.commit();
                } catch (SQLException e) {
                    release(false, e);
                    throw e;
                }
                release(true, null);
            }
            List<Runnable> actions = List.copyOf(afterCommit);
            afterCommit.clear();
            for (Runnable action : actions) {
                try {
                    action.run();
                } catch (RuntimeException e) {
                    LOG.warn("An action after a change's commit failed: {}", e.toString(), e);
                }
            }
        }

        /** Rolls back whatever is still pending and ends the scope on this thread. */
        @Override
        public void close() {
            if (closed) {
                return;
            }
            closed = true;
            try {
                if (pending != null) {
                    release(false, null);
                }
                afterCommit.clear();
            } finally {
                if (current.get() == this) {
                    current.remove();
                }
            }
        }

        private void checkOpen() {
            if (closed) {
                throw new IllegalStateException("the change is closed");
            }
        }

        /** Ends the pending transaction (commit done, or rollback) and gives the connection back. */
        private void release(boolean committed, Throwable cause) {
            Connection c = pending;
            pending = null;
            if (c == null) {
                return;
            }
            if (!committed) {
                afterCommit.clear();
            }
            try {
                if (!committed) {
                    c.rollback();
                }
                c.setAutoCommit(autoCommit);
            } catch (SQLException e) {
                if (cause != null) {
                    cause.addSuppressed(e);
                } else {
                    LOG.warn("Ending a change's transaction failed: {}", e.toString());
                }
            } finally {
                try {
                    c.close();
                } catch (SQLException e) {
                    LOG.warn("Giving a change's connection back failed: {}", e.toString());
                }
            }
        }
    }
}
