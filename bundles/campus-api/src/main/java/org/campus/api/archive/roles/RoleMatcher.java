package org.campus.api.archive.roles;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import org.campus.api.InvalidInputException;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Matches the roles of an archive against the roles of a target site, before a restore: first by
 * short name (case-insensitive), then, for the roles no target role shares a short name with, by
 * capability set (the capabilities set to something other than {@code inherit}, with their
 * permissions). Reports collisions (same short name, other capabilities), ambiguous and unmatched
 * roles.
 */
@ProviderType
public interface RoleMatcher {

    /** The entry, in the roles archiver's folder of an archive, that holds the role definitions. */
    String ROLES_ENTRY = "roles.json";

    /**
     * Reads the role definitions of a {@link #ROLES_ENTRY} entry (the virtual role included).
     *
     * @throws IOException when the stream is not such an entry
     */
    List<RoleDefinition> readArchivedRoles(InputStream rolesEntry) throws IOException;

    /**
     * @throws InvalidInputException fields {@code target[i].shortName} for a missing or repeated
     *         short name of a target role
     */
    RoleMatchReport match(List<RoleDefinition> archived, List<RoleDefinition> target);
}
