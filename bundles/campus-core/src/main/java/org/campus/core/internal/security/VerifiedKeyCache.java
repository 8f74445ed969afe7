package org.campus.core.internal.security;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import org.campus.api.security.ApiClient;

/**
 * Keys verified recently, by the SHA-256 fingerprint of the presented key (never the key itself), so
 * that a request does not pay for PBKDF2 each time. Bounded in size and time: an entry is never used
 * past its time to live after the database check that made it, which bounds how long a revocation
 * made on another node goes unseen here; entries of a key rotated or revoked here are dropped at once.
 * Past three quarters of its time to live an entry asks to be verified again while it is still used,
 * so that a busy key never expires and makes every request wait for PBKDF2.
 */
final class VerifiedKeyCache {

    private record Entry(ApiClient client, long refreshAt, long expiresAt) {
    }

    /** A remembered verification; {@code refreshDue} when it is old enough to be verified again. */
    record Hit(ApiClient client, boolean refreshDue) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong invalidations = new AtomicLong();
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
        put(fingerprint, client, clock.getAsLong(), invalidations());
    }

    /**
     * How many invalidations there were so far: taken before the database check of a verification,
     * and given to {@link #put}, so that a key revoked here while it was being checked is not
     * remembered as valid.
     */
    long invalidations() {
        return invalidations.get();
    }

    /**
     * Remembers a verification that found the key valid in the database at {@code checkedAt}, unless a
     * key was invalidated since {@code invalidationsBefore}.
     */
    void put(String fingerprint, ApiClient client, long checkedAt, long invalidationsBefore) {
        if (ttlMillis <= 0) {
            return; // caching is off: every request verifies its key
        }
        if (entries.size() >= maxEntries) {
            long now = clock.getAsLong();
            entries.values().removeIf(e -> e.expiresAt() <= now);
            if (entries.size() >= maxEntries) {
                entries.clear();
            }
        }
        Entry entry = new Entry(client, checkedAt + ttlMillis * 3 / 4, checkedAt + ttlMillis);
        entries.put(fingerprint, entry);
        if (invalidations.get() != invalidationsBefore) {
            entries.remove(fingerprint, entry); // an invalidation raced with the check: verify again next time
        }
    }

    void invalidate(String keyId) {
        invalidations.incrementAndGet(); // before the removal: see put
        entries.values().removeIf(e -> e.client().keyId().equals(keyId));
    }

    int size() {
        return entries.size();
    }
}
