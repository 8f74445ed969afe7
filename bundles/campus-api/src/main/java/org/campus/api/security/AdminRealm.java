package org.campus.api.security;

import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The administrators' realm (the container's JAAS realm). Implementations may remember a
 * successful check for a short time so that each request does not pay for a slow password hash.
 */
@ProviderType
public interface AdminRealm {

    /** The administrator with this name and password, or empty when either is wrong. */
    Optional<Admin> authenticate(String name, String password);
}
