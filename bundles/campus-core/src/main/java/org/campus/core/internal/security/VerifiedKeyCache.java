package org.campus.core.internal.security;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import org.campus.api.security.ApiClient;

/**
 * Keys verified recently, by the SHA-256 fingerprint of the presented key (never the key itself), so
 * that a request does not pay for PBKDF2 each time. Bounded in size and time; dropped per key id
 * when a key is rotated or revoked. Past three quarters of its time to live an entry asks to be
 * verified again while it is still used, so that a busy key never expires and makes every request
 * wait for PBKDF2.
 */
final class VerifiedKeyCache {

    private record Entry(ApiClient client, long refreshAt, long expiresAt) {
    }

    /** A remembered verification; {@code refreshDue} when it is old enough to be verified again. */
    record Hit(ApiClient client, boolean refreshDue) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final int maxEntries;
    private final long ttlMillis;
    private final LongSupplier clock;

    VerifiedKeyCache(int maxEntries, long ttlMillis, LongSupplier clock) {
        this.maxEntries = maxEntries;
        this.ttlMillis = ttlMillis;
        this.clock = clock;
    }

    ApiClient get(String fingerprint) {
        Hit hit = lookup(fingerprint);
        return hit == null ? null : hit.client();
    }

    Hit lookup(String fingerprint) {
        Entry e = entries.get(fingerprint);
        if (e == null) {
            return null;
        }
        long now = clock.getAsLong();
        if (e.expiresAt() <= now) {
            entries.remove(fingerprint, e);
            return null;
        }
        return new Hit(e.client(), e.refreshAt() <= now);
    }

    /** Forgets one presented key, which no longer verifies. */
    void remove(String fingerprint) {
        entries.remove(fingerprint);
    }

    void put(String fingerprint, ApiClient client) {
        if (entries.size() >= maxEntries) {
            long now = clock.getAsLong();
            entries.values().removeIf(e -> e.expiresAt() <= now);
            if (entries.size() >= maxEntries) {
                entries.clear();
            }
        }
        long now = clock.getAsLong();
        entries.put(fingerprint, new Entry(client, now + ttlMillis * 3 / 4, now + ttlMillis));
    }

    void invalidate(String keyId) {
        entries.values().removeIf(e -> e.client().keyId().equals(keyId));
    }

    int size() {
        return entries.size();
    }
}
