package org.campus.api.security;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The API keys of LMS clients. Keys are stored as salted slow hashes; a secret is returned once,
 * when the key is created or rotated. Throws {@link org.campus.api.InvalidInputException} for bad
 * input and {@link org.campus.api.NotFoundException} for unknown ids.
 */
@ProviderType
public interface ApiKeyService {

    /** Creates a key with a generated secret. {@code scopes}: see {@link Scopes}. */
    IssuedApiKey create(String name, Set<String> scopes);

    /**
     * Registers a secret chosen elsewhere (e.g. handed to the first start in the environment),
     * accepted as given: 16 to 512 printable ASCII characters without blanks.
     */
    ApiKey register(String name, Set<String> scopes, String secret);

    /** Every key, revoked ones included, newest first. */
    List<ApiKey> list();

    Optional<ApiKey> find(String id);

    /** A new secret for the key; the old one stops working at once. */
    IssuedApiKey rotate(String id);

    /** The key stops working at once; it stays listed as revoked. Revoking twice is harmless. */
    ApiKey revoke(String id);

    /** The client that holds the presented key, if it is a known, unrevoked key. */
    Optional<ApiClient> authenticate(String presentedKey);
}
