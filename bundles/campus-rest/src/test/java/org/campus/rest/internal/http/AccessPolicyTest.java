package org.campus.rest.internal.http;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;

import org.campus.api.ForbiddenException;
import org.junit.jupiter.api.Test;

class AccessPolicyTest {

    private static final Caller ALL = Caller.lms("moodle", Set.of("*"), "k1");
    private static final Caller SHARES = Caller.lms("moodle", Set.of("share-progress"), "k2");
    private static final Caller ADMIN = Caller.admin("admin", Set.of("admin", "viewer"));
    private static final Caller ADMIN_ONLY_ROLE = Caller.admin("root", Set.of("admin"));
    private static final Caller VIEWER = Caller.admin("ann", Set.of("viewer"));
    private static final Caller NO_ROLE = Caller.admin("bob", Set.of("manager"));

    @Test
    void lmsClientsNeedTheScopeOrStar() {
        assertTrue(AccessPolicy.allows(SHARES, Access.read("share-progress")));
        assertTrue(AccessPolicy.allows(SHARES, Access.write("share-progress")));
        assertFalse(AccessPolicy.allows(SHARES, Access.read("privacy")));
        assertTrue(AccessPolicy.allows(ALL, Access.write("privacy")));
    }

    @Test
    void adminOnlyRoutesRefuseEveryKey() {
        assertFalse(AccessPolicy.allows(ALL, Access.adminRead("api-keys")));
        assertFalse(AccessPolicy.allows(Caller.lms("x", Set.of("api-keys"), "k3"), Access.adminWrite("api-keys")));
        assertTrue(AccessPolicy.allows(ADMIN, Access.adminWrite("api-keys")));
    }

    @Test
    void viewersReadAndAdminsChange() {
        assertTrue(AccessPolicy.allows(VIEWER, Access.read("share-progress")));
        assertTrue(AccessPolicy.allows(VIEWER, Access.adminRead("api-keys")));
        assertFalse(AccessPolicy.allows(VIEWER, Access.write("share-progress")));
        assertTrue(AccessPolicy.allows(ADMIN_ONLY_ROLE, Access.read("share-progress")));
        assertTrue(AccessPolicy.allows(ADMIN_ONLY_ROLE, Access.write("share-progress")));
        assertFalse(AccessPolicy.allows(NO_ROLE, Access.read("share-progress")));
    }

    @Test
    void anonymousCallersOnlyReachOpenRoutes() {
        assertTrue(AccessPolicy.allows(Caller.ANONYMOUS, Access.open()));
        assertFalse(AccessPolicy.allows(Caller.ANONYMOUS, Access.read("api")));
        assertThrows(ForbiddenException.class, () -> AccessPolicy.check(VIEWER, Access.write("privacy")));
    }
}
