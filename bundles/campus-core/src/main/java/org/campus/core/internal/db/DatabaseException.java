package org.campus.core.internal.db;

import java.sql.SQLException;

/** A database failure of plain JDBC work: a 500 to the caller, with the SQL exception as its cause. */
public final class DatabaseException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DatabaseException(String message, SQLException cause) {
        super(message, cause);
    }

    /** Whether a unique constraint or foreign key refused the write (SQL state class 23). */
    public boolean isConstraintViolation() {
        return isConstraintViolation(this);
    }

    /** Whether a unique constraint or foreign key refused a write somewhere in the cause chain of {@code e}. */
    public static boolean isConstraintViolation(Throwable e) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                for (SQLException s = sql; s != null; s = s.getNextException()) {
                    if (s.getSQLState() != null && s.getSQLState().startsWith("23")) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
