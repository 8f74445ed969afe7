package org.campus.rest.internal.http;

/**
 * Who may call a route: nobody needs credentials for a {@link #open() open} route; every other
 * route names the API scope it belongs to and whether it changes data.
 */
public record Access(String scope, boolean changesData) {

    private static final Access OPEN = new Access(null, false);

    public static Access open() {
        return OPEN;
    }

    public static Access read(String scope) {
        return new Access(scope, false);
    }

    public static Access write(String scope) {
        return new Access(scope, true);
    }

    public boolean isOpen() {
        return scope == null;
    }
}
