package org.campus.rest.internal.http;

import org.campus.api.ForbiddenException;
import org.campus.api.security.Roles;
import org.campus.api.security.Scopes;

/**
 * Whether an authenticated caller may call a route. LMS clients need the route's scope (or
 * {@code *}) and a route open to LMS clients; admins need role {@code admin} for changes and
 * {@code viewer} (or {@code admin}) for reading.
 */
public final class AccessPolicy {

    private AccessPolicy() {
    }

    public static boolean allows(Caller caller, Access access) {
        if (access.isOpen()) {
            return true;
        }
        switch (caller.kind()) {
            case LMS:
                return access.lmsAllowed()
                        && (caller.grants().contains(Scopes.ALL) || caller.grants().contains(access.scope()));
            case ADMIN:
                return caller.grants().contains(Roles.ADMIN)
                        || (!access.changesData() && caller.grants().contains(Roles.VIEWER));
            default:
                return false;
        }
    }

    public static void check(Caller caller, Access access) {
        if (!allows(caller, access)) {
            throw new ForbiddenException(caller.kind() == Caller.Kind.LMS
                    ? "This API key does not hold the scope '" + access.scope() + "'"
                            + (access.lmsAllowed() ? "" : "; only administrators may call this route")
                    : "This needs the role '" + (access.changesData() ? Roles.ADMIN : Roles.VIEWER + "' or '"
                            + Roles.ADMIN) + "'");
        }
    }
}
