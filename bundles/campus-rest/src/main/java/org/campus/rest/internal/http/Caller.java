package org.campus.rest.internal.http;

/** Who is calling, once authenticated: an admin (by user name) or an LMS client (by key name). */
public record Caller(String name, Kind kind) {

    public enum Kind { ANONYMOUS, ADMIN, LMS }

    public static final Caller ANONYMOUS = new Caller("anonymous", Kind.ANONYMOUS);
}
