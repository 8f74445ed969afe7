package org.campus.api;

/** Base of the exceptions that Campus services throw on purpose; each maps to one HTTP status. */
public abstract class CampusException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    protected CampusException(String message) {
        super(message);
    }

    protected CampusException(String message, Throwable cause) {
        super(message, cause);
    }
}
