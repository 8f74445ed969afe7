package org.campus.core.internal.db;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

import javax.sql.DataSource;

/**
 * A data source whose connections fail their next {@code n} commits (rolling back instead), as a
 * database that is briefly unreachable would, and, when asked, every statement prepared with a given
 * SQL prefix: for tests of what a failed commit or write must not lose.
 */
public final class FailingCommits implements DataSource {

    private final DataSource delegate;
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private volatile String failingPrefix;

    public FailingCommits(DataSource delegate) {
        this.delegate = delegate;
    }

    /** The next {@code n} commits, on any connection, fail. */
    public void failNext(int n) {
        failuresLeft.set(n);
    }

    /** From now on, preparing a statement whose SQL starts with {@code sqlPrefix} fails; {@code null}: none. */
    public void failPreparing(String sqlPrefix) {
        failingPrefix = sqlPrefix;
    }

    /** How many commits failed so far. */
    public int failed() {
        return failed.get();
    }

    @Override
    public Connection getConnection() throws SQLException {
        return wrap(delegate.getConnection());
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
        return wrap(delegate.getConnection(user, password));
    }

    private Connection wrap(Connection c) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] { Connection.class },
                (proxy, method, args) -> {
                    String prefix = failingPrefix;
                    if (prefix != null && method.getName().equals("prepareStatement") && args != null
                            && args[0] instanceof String sql && sql.startsWith(prefix)) {
                        throw new SQLException("preparing " + prefix + "... fails (as the test asked)", "08006");
                    }
                    if (method.getName().equals("commit") && failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                        c.rollback();
                        failed.incrementAndGet();
                        throw new SQLException("commit failed (as the test asked)", "08006");
                    }
                    try {
                        return method.invoke(c, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return delegate.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        delegate.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        delegate.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return delegate.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return delegate.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return delegate.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return delegate.isWrapperFor(iface);
    }
}
