package org.campus.core.internal.security;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import org.campus.api.security.ApiClient;

/**
 * Keys verified recently, by the SHA-256 fingerprint of the presented key (never the key itself), so
 * that a request does not pay for PBKDF2 each time. Bounded in size and time; dropped per key id
 * when a key is rotated or revoked.
 */
final class VerifiedKeyCache {

    private record Entry(ApiClient client, long expiresAt) {
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
        Entry e = entries.get(fingerprint);
        if (e == null) {
            return null;
        }
        if (e.expiresAt() <= clock.getAsLong()) {
            entries.remove(fingerprint, e);
            return null;
        }
        return e.client();
    }

    void put(String fingerprint, ApiClient client) {
        if (entries.size() >= maxEntries) {
            long now = clock.getAsLong();
            entries.values().removeIf(e -> e.expiresAt() <= now);
            if (entries.size() >= maxEntries) {
                entries.clear();
            }
        }
        entries.put(fingerprint, new Entry(client, clock.getAsLong() + ttlMillis));
    }

    void invalidate(String keyId) {
        entries.values().removeIf(e -> e.client().keyId().equals(keyId));
    }

    int size() {
        return entries.size();
    }
}
