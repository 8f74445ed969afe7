package org.campus.core.internal.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.campus.api.ConflictException;
import org.campus.api.InvalidInputException;
import org.campus.api.NotFoundException;
import org.campus.api.security.ApiClient;
import org.campus.api.security.ApiKey;
import org.campus.api.security.IssuedApiKey;
import org.campus.core.internal.db.MutableClock;
import org.campus.core.internal.db.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ApiKeyServiceImplTest {

    private static final Duration CACHE = Duration.ofSeconds(60);
    private static final long TTL = CACHE.toMillis();

    private final TestDatabase db = new TestDatabase();
    private final ApiKeyServiceImpl keys = new ApiKeyServiceImpl(db.transactions(), 1_000, Clock.systemUTC(), CACHE);

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aCreatedKeyAuthenticatesWithItsScopes() {
        IssuedApiKey issued = keys.create("moodle", Set.of("share-progress", "privacy"));

        assertTrue(issued.secret().matches("campus_[a-z0-9]{12}_[A-Za-z0-9_-]{43}"), issued.secret());
        assertEquals("campus_" + issued.key().id(), issued.key().prefix());
        assertFalse(issued.toString().contains(issued.secret()), "toString hides the secret");
        ApiClient client = keys.authenticate(issued.secret()).orElseThrow();
        assertEquals("moodle", client.name());
        assertEquals(issued.key().id(), client.keyId());
        assertTrue(client.holds("privacy"));
        assertFalse(client.holds("audit"));
    }

    @Test
    void theSecretIsNotStored() {
        IssuedApiKey issued = keys.create("moodle", Set.of("*"));
        // the random part follows the public prefix; it may itself contain '_' (base64url)
        String secretPart = issued.secret().substring(issued.key().prefix().length() + 1);
        assertTrue(secretPart.length() >= 40, secretPart);

        String stored = db.transactions().read(em -> em.find(ApiKeyEntity.class, issued.key().id()).getHash());

        assertFalse(stored.contains(secretPart));
        assertTrue(stored.startsWith("pbkdf2-sha256$"));
    }

    @Test
    void wrongOrMalformedKeysAreRefused() {
        IssuedApiKey issued = keys.create("moodle", Set.of("*"));
        String s = issued.secret();

        assertTrue(keys.authenticate(s.substring(0, s.length() - 1) + (s.endsWith("A") ? "B" : "A")).isEmpty());
        assertTrue(keys.authenticate("campus_" + "x".repeat(12) + "_" + "y".repeat(43)).isEmpty());
        assertTrue(keys.authenticate("").isEmpty());
        assertTrue(keys.authenticate(null).isEmpty());
        assertTrue(keys.authenticate("' OR 1=1 --").isEmpty());
        assertTrue(keys.authenticate("k".repeat(5000)).isEmpty());
    }

    @Test
    void aRegisteredKeyIsAcceptedAsGiven() {
        ApiKey key = keys.register("lms", Set.of("*"), "acceptance-suite-key-42");

        assertNull(key.prefix());
        assertEquals("lms", keys.authenticate("acceptance-suite-key-42").orElseThrow().name());
        assertTrue(keys.authenticate("acceptance-suite-key-43").isEmpty());
        assertThrows(InvalidInputException.class, () -> keys.register("lms", Set.of("*"), "has blank"));
    }

    @Test
    void rotationReplacesTheSecretAtOnceEvenWhenCached() {
        IssuedApiKey issued = keys.create("moodle", Set.of("*"));
        assertTrue(keys.authenticate(issued.secret()).isPresent());
        assertEquals(1, keys.cachedKeys());

        IssuedApiKey rotated = keys.rotate(issued.key().id());

        assertEquals(issued.key().id(), rotated.key().id());
        assertNotEquals(issued.secret(), rotated.secret());
        assertNotNull(rotated.key().rotated());
        assertTrue(keys.authenticate(issued.secret()).isEmpty(), "the old secret is dead");
        assertTrue(keys.authenticate(rotated.secret()).isPresent());
    }

    @Test
    void revocationStopsAKeyAtOnceEvenWhenCached() {
        ApiKey registered = keys.register("lms", Set.of("*"), "registered-key-0001");
        IssuedApiKey issued = keys.create("moodle", Set.of("*"));
        keys.authenticate(issued.secret());
        keys.authenticate("registered-key-0001");

        ApiKey revoked = keys.revoke(issued.key().id());
        keys.revoke(registered.id());

        assertFalse(revoked.active());
        assertTrue(keys.authenticate(issued.secret()).isEmpty());
        assertTrue(keys.authenticate("registered-key-0001").isEmpty());
        assertEquals(revoked.revoked(), keys.revoke(issued.key().id()).revoked(), "revoking twice changes nothing");
        assertThrows(ConflictException.class, () -> keys.rotate(issued.key().id()));
    }

    @Test
    void listShowsEveryKeyWithoutSecrets() {
        IssuedApiKey a = keys.create("a", Set.of("audit"));
        IssuedApiKey b = keys.create("b", Set.of("privacy", "share-progress"));
        keys.revoke(a.key().id());

        List<ApiKey> all = keys.list();

        assertEquals(2, all.size());
        assertEquals(Set.of(a.key().id(), b.key().id()), Set.of(all.get(0).id(), all.get(1).id()));
        assertEquals(Set.of("privacy", "share-progress"), keys.find(b.key().id()).orElseThrow().scopes());
        assertFalse(keys.find(a.key().id()).orElseThrow().active());
        assertTrue(keys.find("../etc").isEmpty());
    }

    @Test
    void badInputNamesEveryField() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> keys.create(" ", Set.of("Bad Scope", "ok")));

        assertEquals(Set.of("name", "scopes"), Set.copyOf(e.errors().stream().map(f -> f.field()).toList()));
        assertThrows(InvalidInputException.class, () -> keys.create("x", Set.of()));
        assertThrows(InvalidInputException.class, () -> keys.create("x".repeat(101), Set.of("*")));
        assertThrows(NotFoundException.class, () -> keys.revoke("nosuchkey000"));
        assertThrows(NotFoundException.class, () -> keys.rotate("'; DROP TABLE api_key; --"));
        assertTrue(keys.list().isEmpty(), "nothing was stored");
    }

    @Test
    void concurrentRequestsWithAnUncachedKeyVerifyItOnce() throws Exception {
        IssuedApiKey issued = keys.create("moodle", Set.of("share-progress"));
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Optional<ApiClient>>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return keys.authenticate(issued.secret());
                }));
            }
            start.countDown();
            for (Future<Optional<ApiClient>> r : results) {
                assertEquals(issued.key().id(), r.get(30, TimeUnit.SECONDS).orElseThrow().keyId());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, keys.verifications(), "one PBKDF2 verification, the others waited for it or hit the cache");
        assertTrue(keys.authenticate(issued.secret() + "x").isEmpty());
        assertEquals(2, keys.verifications());
    }

    @Test
    void aBusyKeyIsVerifiedAgainBeforeItExpiresAndForgottenOnceItNoLongerVerifies() {
        MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
        ApiKeyServiceImpl timed = new ApiKeyServiceImpl(db.transactions(), 1_000, clock, CACHE);
        IssuedApiKey issued = timed.create("moodle", Set.of("*"));
        Instant start = clock.now;

        assertTrue(timed.authenticate(issued.secret()).isPresent());
        assertEquals(1, timed.verifications());
        clock.now = start.plusMillis(TTL / 2);
        assertTrue(timed.authenticate(issued.secret()).isPresent());
        assertEquals(1, timed.verifications(), "young enough: from the cache alone");

        clock.now = start.plusMillis(TTL * 3 / 4);
        assertTrue(timed.authenticate(issued.secret()).isPresent());
        assertEquals(2, timed.verifications(), "verified again while still cached");
        clock.now = start.plusMillis(TTL + 1);
        assertTrue(timed.authenticate(issued.secret()).isPresent());
        assertEquals(2, timed.verifications(), "the refresh restarted its time to live");

        // revoked behind the service's back (by hand in the database): gone at the next refresh
        db.transactions().write(em -> {
            em.find(ApiKeyEntity.class, issued.key().id()).setTimeRevoked(clock.millis());
            return null;
        });
        clock.now = start.plusMillis(TTL * 3 / 2); // refresh due, not expired
        assertTrue(timed.authenticate(issued.secret()).isPresent(), "verified less than the time to live ago");
        assertEquals(3, timed.verifications());
        assertTrue(timed.authenticate(issued.secret()).isEmpty(), "forgotten by the refresh, and no longer valid");
        assertEquals(4, timed.verifications());
    }

    @Test
    void aKeyRevokedOnAnotherNodeIsRefusedHereWithinTheCacheTime() {
        MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
        ApiKeyServiceImpl here = new ApiKeyServiceImpl(db.transactions(), 1_000, clock, CACHE);
        ApiKeyServiceImpl there = new ApiKeyServiceImpl(db.otherNode(), 1_000, clock, CACHE);
        IssuedApiKey idle = here.create("idle", Set.of("*"));
        IssuedApiKey busy = here.create("busy", Set.of("*"));
        Instant verified = clock.now;
        assertTrue(here.authenticate(idle.secret()).isPresent());
        assertTrue(here.authenticate(busy.secret()).isPresent());
        assertTrue(there.authenticate(busy.secret()).isPresent());

        clock.now = verified.plusSeconds(1);
        there.revoke(idle.key().id());
        there.revoke(busy.key().id());

        assertTrue(there.authenticate(idle.secret()).isEmpty(), "refused at once on the revoking node");
        assertTrue(there.authenticate(busy.secret()).isEmpty());
        // here, the verification of a second ago still stands (the documented bound) ...
        assertTrue(here.authenticate(idle.secret()).isPresent());
        // ... a key in use is checked again after three quarters of the cache time, and then refused ...
        clock.now = verified.plusMillis(TTL * 3 / 4);
        here.authenticate(busy.secret());
        assertTrue(here.authenticate(busy.secret()).isEmpty(), "refused before the cache time is over");
        // ... and no key is accepted on a verification older than the cache time
        clock.now = verified.plusMillis(TTL);
        assertTrue(here.authenticate(idle.secret()).isEmpty(), "refused once the cache time is over");
    }

    @Test
    void withoutACacheTimeEveryRequestSeesARevocationAtOnce() {
        ApiKeyServiceImpl here = new ApiKeyServiceImpl(db.transactions(), 1_000, Clock.systemUTC(), Duration.ZERO);
        ApiKeyServiceImpl there = new ApiKeyServiceImpl(db.otherNode(), 1_000, Clock.systemUTC(), Duration.ZERO);
        IssuedApiKey issued = here.create("moodle", Set.of("*"));
        assertTrue(here.authenticate(issued.secret()).isPresent());
        assertTrue(here.authenticate(issued.secret()).isPresent());
        assertEquals(2, here.verifications(), "nothing remembered");

        there.revoke(issued.key().id());

        assertTrue(here.authenticate(issued.secret()).isEmpty());
        assertEquals(0, here.cachedKeys());
    }
}
