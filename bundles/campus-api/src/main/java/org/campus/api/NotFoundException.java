package org.campus.api;

/** The named resource does not exist (or the caller may not know that it does). */
public class NotFoundException extends CampusException {
    private static final long serialVersionUID = 1L;

    public NotFoundException(String message) {
        super(message);
    }

    public static NotFoundException of(String kind, Object id) {
        return new NotFoundException(kind + " " + id + " does not exist");
    }
}
