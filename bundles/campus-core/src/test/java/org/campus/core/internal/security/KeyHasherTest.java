package org.campus.core.internal.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;

import org.junit.jupiter.api.Test;

class KeyHasherTest {

    private final KeyHasher hasher = new KeyHasher(1_000, new SecureRandom());

    @Test
    void theRightSecretMatchesAndAnotherDoesNot() {
        String stored = hasher.hash("s3cret-key");

        assertTrue(hasher.verify("s3cret-key", stored));
        assertFalse(hasher.verify("s3cret-kez", stored));
        assertFalse(hasher.verify("", stored));
        assertFalse(hasher.verify(null, stored));
    }

    @Test
    void hashesAreSaltedAndNeverHoldTheSecret() {
        String a = hasher.hash("same");
        String b = hasher.hash("same");

        assertNotEquals(a, b, "each hash has its own salt");
        assertFalse(a.contains("same"));
        String[] parts = a.split("\\$");
        assertEquals(4, parts.length);
        assertEquals("pbkdf2-sha256", parts[0]);
        assertEquals("1000", parts[1]);
    }

    @Test
    void theIterationCountTravelsWithTheHash() {
        String stored = new KeyHasher(2_000, new SecureRandom()).hash("k");

        assertTrue(hasher.verify("k", stored), "a hasher with another default still verifies older hashes");
    }

    @Test
    void malformedStoredHashesMatchNothing() {
        assertFalse(hasher.verify("k", "plain"));
        assertFalse(hasher.verify("k", "md5$1$abc$def"));
        assertFalse(hasher.verify("k", "pbkdf2-sha256$x$abc$def"));
        assertFalse(hasher.verify("k", "pbkdf2-sha256$0$YWJj$ZGVm"));
        assertFalse(hasher.verify("k", "pbkdf2-sha256$10$!!$ZGVm"));
        assertFalse(hasher.verify("k", null));
    }

    @Test
    void fingerprintsAreStableAndDistinct() {
        assertEquals(KeyHasher.fingerprint("a"), KeyHasher.fingerprint("a"));
        assertNotEquals(KeyHasher.fingerprint("a"), KeyHasher.fingerprint("b"));
        assertFalse(KeyHasher.fingerprint("secret-value").contains("secret"));
    }
}
