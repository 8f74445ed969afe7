package org.campus.rest.internal.http;

/** The body has a content type the route does not read: 415. */
final class UnsupportedMediaTypeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UnsupportedMediaTypeException(String given, String accepted) {
        super("content type " + (given == null ? "(none)" : "'" + given + "'") + " is not accepted here; send "
                + accepted);
    }
}
