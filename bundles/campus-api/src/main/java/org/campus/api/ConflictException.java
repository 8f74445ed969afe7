package org.campus.api;

/** The request is valid but clashes with the current state of the resource, or lost a race. */
public class ConflictException extends CampusException {
    private static final long serialVersionUID = 1L;

    public ConflictException(String message) {
        super(message);
    }
}
