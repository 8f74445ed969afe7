package org.campus.rest.internal.http;

import java.util.Set;

import org.campus.api.security.ActorKind;

/**
 * Who is calling, once authenticated: an admin (by user name, with its realm roles) or an LMS
 * client (by key name, with its key's scopes and id).
 */
public record Caller(String name, Kind kind, Set<String> grants, String keyId) {

    public enum Kind { ANONYMOUS, ADMIN, LMS }

    public static final Caller ANONYMOUS = new Caller("anonymous", Kind.ANONYMOUS, Set.of(), null);

    public Caller {
        grants = Set.copyOf(grants);
    }

    public static Caller admin(String name, Set<String> roles) {
        return new Caller(name, Kind.ADMIN, roles, null);
    }

    public static Caller lms(String name, Set<String> scopes, String keyId) {
        return new Caller(name, Kind.LMS, scopes, keyId);
    }

    public ActorKind actorKind() {
        return kind == Kind.LMS ? ActorKind.LMS : ActorKind.ADMIN;
    }

    /** The name recorded in the audit trail: an LMS client's key name with its key id. */
    public String actor() {
        return kind == Kind.LMS ? name + " (key " + keyId + ")" : name;
    }
}
