package org.campus.core.internal.security;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.campus.api.FieldError;
import org.campus.api.InvalidInputException;
import org.campus.api.NotFoundException;
import org.campus.api.security.ApiClient;
import org.campus.api.security.ApiKey;
import org.campus.api.security.ApiKeyService;
import org.campus.api.security.IssuedApiKey;
import org.campus.api.security.Scopes;
import org.campus.core.internal.db.CampusSchema;
import org.campus.core.internal.db.Transactions;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * API keys stored as salted PBKDF2 hashes, through EclipseLink (the one path of table
 * {@code api_key}). A generated key reads {@code campus_<id>_<secret>} (a 12-character id and 256
 * random bits, base64url); its id finds the one row to check. Keys registered as given are checked
 * one by one (there are few).
 *
 * <p>Keys verified recently are remembered by their SHA-256 fingerprint for
 * {@link SecurityConfig#apiKeyCacheSeconds()} (60 s by default), so that requests stay fast. That
 * time bounds how long another node on the same database goes on accepting a key after it was
 * revoked or rotated here; this node forgets it at once.
 */
@Component(service = ApiKeyService.class, configurationPid = SecurityConfig.PID)
@Designate(ocd = SecurityConfig.class)
public class ApiKeyServiceImpl implements ApiKeyService {

    private static final Logger LOG = LoggerFactory.getLogger(ApiKeyServiceImpl.class);
    static final String PREFIX = "campus_";
    private static final Pattern GENERATED = Pattern.compile("campus_([a-z0-9]{12})_[A-Za-z0-9_-]{43}");
    private static final Pattern REGISTERED = Pattern.compile("[\\x21-\\x7e]{1,512}");
    private static final char[] ID_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final int MAX_PRESENTED = 1024;
    static final int CACHE_SIZE = 1024;

    private final Transactions tx;
    private final KeyHasher hasher;
    private final VerifiedKeyCache cache;
    private final ConcurrentHashMap<String, CompletableFuture<Optional<ApiClient>>> verifying = new ConcurrentHashMap<>();
    private final AtomicLong verifications = new AtomicLong();
    private final SecureRandom random;
    private final Clock clock;

    @Activate
    public ApiKeyServiceImpl(@Reference(target = "(osgi.unit.name=campus)") JpaTemplate jpa,
            @Reference CampusSchema schema, SecurityConfig config) {
        this(new Transactions(jpa), KeyHasher.DEFAULT_ITERATIONS, Clock.systemUTC(),
                Duration.ofSeconds(Math.max(0, config.apiKeyCacheSeconds())));
    }

    /** For tests outside OSGi (another arity than the DS constructor). */
    ApiKeyServiceImpl(Transactions tx, int iterations, Clock clock, Duration cacheTime) {
        this.tx = tx;
        this.random = new SecureRandom();
        this.hasher = new KeyHasher(iterations, random);
        this.clock = clock;
        this.cache = new VerifiedKeyCache(CACHE_SIZE, cacheTime.toMillis(), clock::millis);
    }

    @Override
    public IssuedApiKey create(String name, Set<String> scopes) {
        String cleanName = checkNameAndScopes(name, scopes);
        String id = newId();
        String secret = newSecret(id);
        String hash = hasher.hash(secret);
        long now = clock.millis();
        ApiKey key = tx.write(em -> {
            ApiKeyEntity e = new ApiKeyEntity();
            e.setId(id);
            e.setName(cleanName);
            e.setPrefix(PREFIX + id);
            e.setHash(hash);
            e.setScopes(joinScopes(scopes));
            e.setTimeCreated(now);
            em.persist(e);
            return toValue(e);
        });
        return new IssuedApiKey(key, secret);
    }

    @Override
    public ApiKey register(String name, Set<String> scopes, String secret) {
        String cleanName = checkNameAndScopes(name, scopes);
        if (secret == null || !REGISTERED.matcher(secret).matches()) {
            throw new InvalidInputException("secret", "must be 1 to 512 printable ASCII characters without blanks");
        }
        String hash = hasher.hash(secret);
        long now = clock.millis();
        String id = newId();
        return tx.write(em -> {
            ApiKeyEntity e = new ApiKeyEntity();
            e.setId(id);
            e.setName(cleanName);
            e.setPrefix(null);
            e.setHash(hash);
            e.setScopes(joinScopes(scopes));
            e.setTimeCreated(now);
            em.persist(e);
            return toValue(e);
        });
    }

    @Override
    public List<ApiKey> list() {
        return tx.read(em -> em.createQuery("SELECT k FROM ApiKeyEntity k ORDER BY k.timeCreated DESC, k.id DESC",
                ApiKeyEntity.class).getResultList().stream().map(ApiKeyServiceImpl::toValue).collect(Collectors.toList()));
    }

    @Override
    public Optional<ApiKey> find(String id) {
        if (!validId(id)) {
            return Optional.empty();
        }
        return tx.read(em -> Optional.ofNullable(em.find(ApiKeyEntity.class, id)).map(ApiKeyServiceImpl::toValue));
    }

    @Override
    public IssuedApiKey rotate(String id) {
        String secret = newSecret(id);
        String hash = hasher.hash(secret);
        long now = clock.millis();
        ApiKey key = tx.write(em -> {
            ApiKeyEntity e = require(em, id);
            if (e.getTimeRevoked() != null) {
                throw new org.campus.api.ConflictException("API key " + id + " is revoked and cannot be rotated");
            }
            e.setHash(hash);
            e.setPrefix(PREFIX + id);
            e.setTimeRotated(now);
            em.flush();
            return toValue(e);
        });
        cache.invalidate(id);
        verifying.clear(); // a request that comes after this change must not take the result of one that began before
        return new IssuedApiKey(key, secret);
    }

    @Override
    public ApiKey revoke(String id) {
        long now = clock.millis();
        ApiKey key = tx.write(em -> {
            ApiKeyEntity e = require(em, id);
            if (e.getTimeRevoked() == null) {
                e.setTimeRevoked(now);
                em.flush();
            }
            return toValue(e);
        });
        cache.invalidate(id);
        verifying.clear(); // a request that comes after this change must not take the result of one that began before
        return key;
    }

    @Override
    public Optional<ApiClient> authenticate(String presented) {
        if (presented == null || presented.isEmpty() || presented.length() > MAX_PRESENTED) {
            return Optional.empty();
        }
        String fingerprint = KeyHasher.fingerprint(presented);
        VerifiedKeyCache.Hit hit = cache.lookup(fingerprint);
        if (hit != null) {
            if (hit.refreshDue()) {
                refresh(presented, fingerprint);
            }
            return Optional.of(hit.client());
        }
        // One verification per key at a time: when a key is not cached, every request thread misses
        // at once, and each would pay for PBKDF2; the others wait for the first one.
        CompletableFuture<Optional<ApiClient>> mine = new CompletableFuture<>();
        CompletableFuture<Optional<ApiClient>> running = verifying.putIfAbsent(fingerprint, mine);
        if (running != null) {
            return awaitVerification(running);
        }
        return verifyAs(mine, presented, fingerprint);
    }

    /**
     * Verifies a cached key again on this request's thread while the other requests go on with the
     * cached verification; a key that no longer verifies is forgotten. This request is let through
     * as the cache still vouches for it: the key was valid less than the time to live ago.
     */
    private void refresh(String presented, String fingerprint) {
        CompletableFuture<Optional<ApiClient>> mine = new CompletableFuture<>();
        if (verifying.putIfAbsent(fingerprint, mine) != null) {
            return;
        }
        try {
            if (verifyAs(mine, presented, fingerprint).isEmpty()) {
                cache.remove(fingerprint);
            }
        } catch (RuntimeException e) {
            // the cached verification holds until it expires; the next request tries again
            LOG.warn("An API key could not be verified again: {}", e.toString());
        }
    }

    private Optional<ApiClient> verifyAs(CompletableFuture<Optional<ApiClient>> mine, String presented,
            String fingerprint) {
        try {
            Optional<ApiClient> result = verify(presented, fingerprint);
            mine.complete(result);
            return result;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            verifying.remove(fingerprint, mine);
        }
    }

    private static Optional<ApiClient> awaitVerification(CompletableFuture<Optional<ApiClient>> running) {
        try {
            return running.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    private Optional<ApiClient> verify(String presented, String fingerprint) {
        verifications.incrementAndGet();
        List<ApiKeyEntity> candidates = candidates(presented);
        for (ApiKeyEntity e : candidates) {
            if (e.getTimeRevoked() == null && hasher.verify(presented, e.getHash())) {
                ApiClient client = new ApiClient(e.getId(), e.getName(), splitScopes(e.getScopes()));
                // a revocation or rotation that committed while we verified must win
                long invalidations = cache.invalidations();
                long checkedAt = clock.millis();
                if (stillValid(e)) {
                    cache.put(fingerprint, client, checkedAt, invalidations);
                    return Optional.of(client);
                }
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private List<ApiKeyEntity> candidates(String presented) {
        Matcher m = GENERATED.matcher(presented);
        return tx.read(em -> {
            List<ApiKeyEntity> list = new ArrayList<>();
            if (m.matches()) {
                ApiKeyEntity e = em.find(ApiKeyEntity.class, m.group(1));
                if (e != null && e.getPrefix() != null) {
                    list.add(e);
                    return list;
                }
            }
            list.addAll(em.createQuery("SELECT k FROM ApiKeyEntity k WHERE k.prefix IS NULL AND k.timeRevoked IS NULL",
                    ApiKeyEntity.class).getResultList());
            return list;
        });
    }

    private boolean stillValid(ApiKeyEntity verified) {
        return tx.read(em -> {
            List<Object[]> rows = em.createQuery("SELECT k.hash, k.timeRevoked FROM ApiKeyEntity k WHERE k.id = :id",
                    Object[].class).setParameter("id", verified.getId()).getResultList();
            return !rows.isEmpty() && verified.getHash().equals(rows.get(0)[0]) && rows.get(0)[1] == null;
        });
    }

    /** How many presented keys were checked against the stored hashes (cache misses), for tests. */
    long verifications() {
        return verifications.get();
    }

    int cachedKeys() {
        return cache.size();
    }

    private static ApiKeyEntity require(EntityManager em, String id) {
        ApiKeyEntity e = validId(id) ? em.find(ApiKeyEntity.class, id) : null;
        if (e == null) {
            throw NotFoundException.of("API key", id);
        }
        return e;
    }

    private static boolean validId(String id) {
        return id != null && id.length() <= 32 && id.chars().allMatch(c -> c < 128 && Character.isLetterOrDigit(c));
    }

    private static String checkNameAndScopes(String name, Set<String> scopes) {
        List<FieldError> errors = new ArrayList<>();
        String clean = name == null ? null : name.strip();
        if (clean == null || clean.isEmpty()) {
            errors.add(new FieldError("name", "is required"));
        } else if (clean.length() > 100) {
            errors.add(new FieldError("name", "is longer than 100 characters"));
        } else if (clean.chars().anyMatch(Character::isISOControl)) {
            errors.add(new FieldError("name", "must not contain control characters"));
        }
        if (scopes == null || scopes.isEmpty()) {
            errors.add(new FieldError("scopes", "must name at least one scope, or * for all"));
        } else if (scopes.size() > 50) {
            errors.add(new FieldError("scopes", "must name at most 50 scopes"));
        } else {
            for (String s : scopes) {
                if (!Scopes.isWellFormed(s)) {
                    errors.add(new FieldError("scopes", "'" + abbreviate(s) + "' is not a scope: use *, or lower-case "
                            + "letters, digits and dashes"));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return clean;
    }

    private static String abbreviate(String s) {
        if (s == null) {
            return "null";
        }
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }

    private String newId() {
        char[] id = new char[12];
        for (int i = 0; i < id.length; i++) {
            id[i] = ID_CHARS[random.nextInt(ID_CHARS.length)];
        }
        return new String(id);
    }

    private String newSecret(String id) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return PREFIX + id + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String joinScopes(Set<String> scopes) {
        return String.join(" ", new TreeSet<>(scopes));
    }

    static Set<String> splitScopes(String scopes) {
        return scopes == null || scopes.isBlank() ? Set.of()
                : new TreeSet<>(Arrays.asList(scopes.trim().split("\\s+")));
    }

    static ApiKey toValue(ApiKeyEntity e) {
        return new ApiKey(e.getId(), e.getName(), e.getPrefix(), splitScopes(e.getScopes()),
                Instant.ofEpochMilli(e.getTimeCreated()), instant(e.getTimeRotated()), instant(e.getTimeRevoked()));
    }

    private static Instant instant(Long millis) {
        return millis == null ? null : Instant.ofEpochMilli(millis);
    }
}
