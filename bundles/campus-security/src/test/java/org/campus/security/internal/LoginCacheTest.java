package org.campus.security.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.campus.api.security.Admin;
import org.junit.jupiter.api.Test;

class LoginCacheTest {

    private final AtomicLong now = new AtomicLong();
    private final LoginCache cache = new LoginCache(2, 1_000, now::get);

    @Test
    void keysDependOnUserAndPasswordAndHideThePassword() {
        assertEquals(LoginCache.key("admin", "pw"), LoginCache.key("admin", "pw"));
        assertNotEquals(LoginCache.key("admin", "pw"), LoginCache.key("admin", "pX"));
        assertNotEquals(LoginCache.key("ad", "minpw"), LoginCache.key("admin", "pw"), "the separator counts");
        assertFalse(LoginCache.key("admin", "hunter2").contains("hunter2"));
    }

    @Test
    void entriesExpire() {
        cache.put("k", new Admin("admin", Set.of("admin")));
        now.set(999);
        assertEquals("admin", cache.get("k").name());
        now.set(1_000);
        assertNull(cache.get("k"));
    }

    @Test
    void staysBounded() {
        for (int i = 0; i < 10; i++) {
            cache.put("k" + i, new Admin("u" + i, Set.of()));
            assertTrue(cache.size() <= 2);
        }
        assertEquals("u9", cache.get("k9").name());
    }
}
