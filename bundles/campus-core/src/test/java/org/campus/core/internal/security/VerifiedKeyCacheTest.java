package org.campus.core.internal.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.campus.api.security.ApiClient;
import org.junit.jupiter.api.Test;

class VerifiedKeyCacheTest {

    private final AtomicLong now = new AtomicLong(1_000);
    private final VerifiedKeyCache cache = new VerifiedKeyCache(3, 100, now::get);

    private static ApiClient client(String id) {
        return new ApiClient(id, "lms", Set.of("*"));
    }

    @Test
    void remembersUntilTheTimeToLiveEnds() {
        cache.put("f1", client("k1"));

        now.addAndGet(99);
        assertEquals("k1", cache.get("f1").keyId());
        now.addAndGet(1);
        assertNull(cache.get("f1"));
    }

    @Test
    void invalidationDropsEveryEntryOfTheKey() {
        cache.put("f1", client("k1"));
        cache.put("f2", client("k1"));
        cache.put("f3", client("k2"));

        cache.invalidate("k1");

        assertNull(cache.get("f1"));
        assertNull(cache.get("f2"));
        assertEquals("k2", cache.get("f3").keyId());
    }

    @Test
    void neverGrowsPastItsBound() {
        for (int i = 0; i < 50; i++) {
            cache.put("f" + i, client("k" + i));
            assertTrue(cache.size() <= 3, "size " + cache.size());
        }
        assertEquals("k49", cache.get("f49").keyId());
    }

    @Test
    void unknownFingerprintsAreMisses() {
        assertNull(cache.get("nope"));
    }

    @Test
    void aRevocationRacingWithAVerificationIsNotForgotten() {
        VerifiedKeyCache cache = new VerifiedKeyCache(10, 60_000, () -> 0L);
        ApiClient client = new ApiClient("k1", "moodle", Set.of("*"));
        long before = cache.invalidations();
        cache.invalidate("k1"); // committed and invalidated while the key was being checked
        cache.put("fingerprint", client, 0L, before);
        assertNull(cache.get("fingerprint"), "a check that began before the revocation is not remembered");
        cache.put("fingerprint", client, 0L, cache.invalidations());
        assertEquals(client, cache.get("fingerprint"));
    }
}
