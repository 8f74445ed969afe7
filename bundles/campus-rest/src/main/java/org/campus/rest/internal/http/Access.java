package org.campus.rest.internal.http;

/**
 * Who may call a route: nobody needs credentials for an {@link #open() open} route; every other
 * route names the API scope it belongs to, whether it changes data (admins then need role
 * {@code admin}, else {@code viewer} suffices) and whether LMS clients may call it at all.
 */
public record Access(String scope, boolean changesData, boolean lmsAllowed) {

    private static final Access OPEN = new Access(null, false, true);

    public static Access open() {
        return OPEN;
    }

    public static Access read(String scope) {
        return new Access(scope, false, true);
    }

    public static Access write(String scope) {
        return new Access(scope, true, true);
    }

    /** A route for administrators only, whatever scopes an API key holds. */
    public static Access adminRead(String scope) {
        return new Access(scope, false, false);
    }

    /** A change for administrators only, whatever scopes an API key holds. */
    public static Access adminWrite(String scope) {
        return new Access(scope, true, false);
    }

    public boolean isOpen() {
        return scope == null;
    }
}
