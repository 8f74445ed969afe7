package org.campus.api.security;

/**
 * The realm roles Campus checks (Karaf's own: the default {@code admingroup} holds both).
 * {@link #VIEWER} reads, {@link #ADMIN} reads and changes.
 */
public final class Roles {

    public static final String VIEWER = "viewer";
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
