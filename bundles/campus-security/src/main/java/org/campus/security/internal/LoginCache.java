package org.campus.security.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import org.campus.api.security.Admin;

/**
 * Successful logins of the last minute, keyed by a SHA-256 of user and password (never the
 * password itself), so that HTTP Basic does not pay for the realm's slow hash on every request.
 * Bounded; a changed password or role takes effect when the entry expires.
 */
final class LoginCache {

    private record Entry(Admin admin, long expiresAt) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final int maxEntries;
    private final long ttlMillis;
    private final LongSupplier clock;

    LoginCache(int maxEntries, long ttlMillis, LongSupplier clock) {
        this.maxEntries = maxEntries;
        this.ttlMillis = ttlMillis;
        this.clock = clock;
    }

    static String key(String user, String password) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update(user.getBytes(StandardCharsets.UTF_8));
            d.update((byte) 0);
            d.update(password.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().withoutPadding().encodeToString(d.digest());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    Admin get(String key) {
        Entry e = entries.get(key);
        if (e == null) {
            return null;
        }
        if (e.expiresAt() <= clock.getAsLong()) {
            entries.remove(key, e);
            return null;
        }
        return e.admin();
    }

    void put(String key, Admin admin) {
        if (entries.size() >= maxEntries) {
            long now = clock.getAsLong();
            entries.values().removeIf(e -> e.expiresAt() <= now);
            if (entries.size() >= maxEntries) {
                entries.clear();
            }
        }
        entries.put(key, new Entry(admin, clock.getAsLong() + ttlMillis));
    }

    int size() {
        return entries.size();
    }
}
