package org.campus.api.archive.roles;

import java.util.List;
import java.util.stream.Collectors;

/** One {@link RoleMatch} per archived role, in the archive's order. */
public record RoleMatchReport(List<RoleMatch> matches) {

    public RoleMatchReport {
        matches = List.copyOf(matches);
    }

    /** The archived roles that need a decision: collisions, ambiguous and unmatched ones. */
    public List<RoleMatch> problems() {
        return matches.stream().filter(m -> m.outcome() == RoleMatch.Outcome.COLLISION
                || m.outcome() == RoleMatch.Outcome.AMBIGUOUS || m.outcome() == RoleMatch.Outcome.UNMATCHED)
                .collect(Collectors.toList());
    }

    /** Whether every real archived role maps onto exactly one target role. */
    public boolean complete() {
        return problems().isEmpty();
    }
}
