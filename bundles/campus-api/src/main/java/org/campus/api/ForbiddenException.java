package org.campus.api;

/** The caller is known but may not do what it asked. */
public class ForbiddenException extends CampusException {
    private static final long serialVersionUID = 1L;

    public ForbiddenException(String message) {
        super(message);
    }
}
