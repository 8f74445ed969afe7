package org.campus.rest.internal.http;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.campus.api.NotFoundException;
import org.campus.api.Page;
import org.campus.api.PageRequest;
import org.campus.api.security.ActorKind;
import org.campus.api.security.Admin;
import org.campus.api.security.AdminRealm;
import org.campus.api.security.ApiClient;
import org.campus.api.security.ApiKey;
import org.campus.api.security.ApiKeyService;
import org.campus.api.security.AuditEntry;
import org.campus.api.security.AuditQuery;
import org.campus.api.security.AuditService;
import org.campus.api.security.AuditedChange;
import org.campus.api.security.IssuedApiKey;

/** In-memory security services for REST tests. */
public final class Fakes {

    private Fakes() {
    }

    public static final class Keys implements ApiKeyService {
        public final Map<String, ApiClient> bySecret = new LinkedHashMap<>();
        public final Map<String, ApiKey> byId = new LinkedHashMap<>();
        public int changes;
        private int next;

        public Keys client(String secret, String name, String... scopes) {
            String id = "k" + (++next);
            bySecret.put(secret, new ApiClient(id, name, Set.of(scopes)));
            byId.put(id, new ApiKey(id, name, null, Set.of(scopes), Instant.EPOCH, null, null));
            return this;
        }

        @Override
        public IssuedApiKey create(String name, Set<String> scopes) {
            changes++;
            String id = "k" + (++next);
            ApiKey key = new ApiKey(id, name, "campus_" + id, scopes, Instant.EPOCH, null, null);
            byId.put(id, key);
            String secret = "campus_" + id + "_secret";
            bySecret.put(secret, new ApiClient(id, name, scopes));
            return new IssuedApiKey(key, secret);
        }

        @Override
        public ApiKey register(String name, Set<String> scopes, String secret) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<ApiKey> list() {
            return new ArrayList<>(byId.values());
        }

        @Override
        public Optional<ApiKey> find(String id) {
            return Optional.ofNullable(byId.get(id));
        }

        @Override
        public IssuedApiKey rotate(String id) {
            ApiKey k = find(id).orElseThrow(() -> NotFoundException.of("API key", id));
            changes++;
            bySecret.values().removeIf(c -> c.keyId().equals(id));
            String secret = "campus_" + id + "_rotated" + changes;
            bySecret.put(secret, new ApiClient(id, k.name(), k.scopes()));
            return new IssuedApiKey(k, secret);
        }

        @Override
        public ApiKey revoke(String id) {
            ApiKey k = find(id).orElseThrow(() -> NotFoundException.of("API key", id));
            changes++;
            bySecret.values().removeIf(c -> c.keyId().equals(id));
            ApiKey revoked = new ApiKey(k.id(), k.name(), k.prefix(), k.scopes(), k.created(), k.rotated(), Instant.EPOCH);
            byId.put(id, revoked);
            return revoked;
        }

        @Override
        public Optional<ApiClient> authenticate(String presentedKey) {
            return Optional.ofNullable(bySecret.get(presentedKey));
        }
    }

    public static final class Realm implements AdminRealm {
        public final Map<String, String> passwords = new LinkedHashMap<>();
        public final Map<String, Set<String>> roles = new LinkedHashMap<>();

        public Realm user(String name, String password, String... roleNames) {
            passwords.put(name, password);
            roles.put(name, Set.of(roleNames));
            return this;
        }

        @Override
        public Optional<Admin> authenticate(String name, String password) {
            return password.equals(passwords.get(name)) ? Optional.of(new Admin(name, roles.get(name)))
                    : Optional.empty();
        }
    }

    public static final class Audit implements AuditService {
        public final List<AuditEntry> entries = new ArrayList<>();
        public AuditQuery lastQuery;
        /** When set, recording fails with it, as the real service does when the database fails. */
        public volatile RuntimeException failure;

        @Override
        public synchronized void record(String actor, ActorKind actorKind, String action, String target,
                String remoteAddress, String detail) {
            if (failure != null) {
                throw failure;
            }
            entries.add(new AuditEntry(entries.size() + 1, Instant.EPOCH, actor, actorKind, action, target,
                    remoteAddress, detail));
        }

        /** When true, changes say their writes are pending, to be committed with the entry. */
        public volatile boolean pendingWrites;
        /** Changes begun and not closed yet. */
        public int open;
        /** The actions of changes closed without being completed (rolled back). */
        public final List<String> rolledBack = new ArrayList<>();

        @Override
        public synchronized AuditedChange begin(String actor, ActorKind actorKind, String action,
                String remoteAddress) {
            open++;
            return new AuditedChange() {
                private boolean completed;
                private boolean closed;

                @Override
                public boolean pending() {
                    return pendingWrites;
                }

                @Override
                public void complete(String target, String detail) {
                    record(actor, actorKind, action, target, remoteAddress, detail);
                    completed = true;
                }

                @Override
                public void close() {
                    synchronized (Audit.this) {
                        if (closed) {
                            return;
                        }
                        closed = true;
                        open--;
                        if (!completed) {
                            rolledBack.add(action);
                        }
                    }
                }
            };
        }

        @Override
        public Page<AuditEntry> query(AuditQuery query, PageRequest page) {
            lastQuery = query;
            return new Page<>(entries, null);
        }
    }
}
