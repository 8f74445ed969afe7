package org.campus.shell.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.campus.api.InvalidInputException;
import org.campus.api.NotFoundException;
import org.campus.api.Page;
import org.campus.api.PageRequest;
import org.campus.api.security.ActorKind;
import org.campus.api.security.ApiClient;
import org.campus.api.security.ApiKey;
import org.campus.api.security.ApiKeyService;
import org.campus.api.security.AuditEntry;
import org.campus.api.security.AuditQuery;
import org.campus.api.security.AuditService;
import org.campus.api.security.AuditedChange;
import org.campus.api.security.IssuedApiKey;
import org.campus.api.security.Scopes;

/** In-memory key and audit services for the console tests. */
final class FakeSecurity {

    static final class Keys implements ApiKeyService {
        final Map<String, ApiKey> keys = new LinkedHashMap<>();
        int next;

        @Override
        public IssuedApiKey create(String name, Set<String> scopes) {
            if (scopes.stream().anyMatch(s -> !Scopes.isWellFormed(s))) {
                throw new InvalidInputException("scopes", "bad scope");
            }
            String id = "id" + (++next);
            ApiKey k = new ApiKey(id, name, "campus_" + id, scopes, Instant.parse("2024-05-01T10:00:00Z"), null, null);
            keys.put(id, k);
            return new IssuedApiKey(k, "campus_" + id + "_SECRET" + next);
        }

        @Override
        public ApiKey register(String name, Set<String> scopes, String secret) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<ApiKey> list() {
            return new ArrayList<>(keys.values());
        }

        @Override
        public Optional<ApiKey> find(String id) {
            return Optional.ofNullable(keys.get(id));
        }

        @Override
        public IssuedApiKey rotate(String id) {
            ApiKey k = find(id).orElseThrow(() -> NotFoundException.of("API key", id));
            return new IssuedApiKey(k, "campus_" + id + "_ROTATED");
        }

        @Override
        public ApiKey revoke(String id) {
            ApiKey k = find(id).orElseThrow(() -> NotFoundException.of("API key", id));
            ApiKey r = new ApiKey(k.id(), k.name(), k.prefix(), k.scopes(), k.created(), null, Instant.EPOCH);
            keys.put(id, r);
            return r;
        }

        @Override
        public Optional<ApiClient> authenticate(String presentedKey) {
            return Optional.empty();
        }
    }

    static final class Audit implements AuditService {
        final List<AuditEntry> entries = new ArrayList<>();
        AuditQuery lastQuery;
        PageRequest lastPage;
        String next;

        @Override
        public void record(String actor, ActorKind actorKind, String action, String target, String remoteAddress,
                String detail) {
            entries.add(new AuditEntry(entries.size() + 1, Instant.parse("2024-05-01T10:15:30Z"), actor, actorKind,
                    action, target, remoteAddress, detail));
        }

        @Override
        public AuditedChange begin(String actor, ActorKind actorKind, String action, String remoteAddress) {
            throw new UnsupportedOperationException("the shell opens no audited change");
        }

        @Override
        public Page<AuditEntry> query(AuditQuery query, PageRequest page) {
            lastQuery = query;
            lastPage = page;
            return new Page<>(entries, next);
        }
    }
}
