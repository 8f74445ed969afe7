package org.campus.api.archive.roles;

import java.util.List;
import java.util.Objects;

/**
 * What became of one archived role.
 *
 * @param archived the archived role's short name
 * @param outcome how it matched
 * @param target the target role's short name it maps to (for the two matches and a collision), or {@code null}
 * @param candidates for {@link Outcome#AMBIGUOUS}, the target roles with the same capability set
 * @param differences for {@link Outcome#COLLISION}, the capabilities whose permission differs
 *        (set on one side only, or set differently), in name order
 */
public record RoleMatch(String archived, Outcome outcome, String target, List<String> candidates,
        List<String> differences) {

    /** How an archived role matched the target site's roles. */
    public enum Outcome {
        /** A target role has the same short name and the same capability set. */
        MATCHED_BY_SHORT_NAME,
        /** No target role has its short name; exactly one has the same capability set. */
        MATCHED_BY_CAPABILITIES,
        /** A target role has the same short name but a different capability set. */
        COLLISION,
        /** No target role has its short name; several have the same capability set. */
        AMBIGUOUS,
        /** No target role has its short name or its capability set. */
        UNMATCHED,
        /** The archive's stand-in for users without a role; it is never matched. */
        VIRTUAL
    }

    public RoleMatch {
        Objects.requireNonNull(archived, "archived");
        Objects.requireNonNull(outcome, "outcome");
        candidates = candidates == null ? List.of() : List.copyOf(candidates);
        differences = differences == null ? List.of() : List.copyOf(differences);
    }
}
