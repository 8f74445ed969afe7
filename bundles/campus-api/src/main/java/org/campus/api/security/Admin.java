package org.campus.api.security;

import java.util.Objects;
import java.util.Set;

/** An authenticated administrator of the container's realm, with the realm roles it holds. */
public record Admin(String name, Set<String> roles) {

    public Admin {
        Objects.requireNonNull(name, "name");
        roles = Set.copyOf(roles);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }
}
