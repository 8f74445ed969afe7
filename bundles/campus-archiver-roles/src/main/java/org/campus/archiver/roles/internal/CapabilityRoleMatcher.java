package org.campus.archiver.roles.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

import org.campus.api.FieldError;
import org.campus.api.InvalidInputException;
import org.campus.api.archive.roles.RoleDefinition;
import org.campus.api.archive.roles.RoleMatch;
import org.campus.api.archive.roles.RoleMatchReport;
import org.campus.api.archive.roles.RoleMatcher;
import org.osgi.service.component.annotations.Component;

/**
 * Matches archived roles against a target site's: by short name (case-insensitive) first; a role
 * no target role shares a short name with is matched by its capability set (the capabilities set
 * to allow, prevent or prohibit, with their permissions), when exactly one target role has the same
 * set. A short-name match whose capabilities differ is a collision, with the differing
 * capabilities listed; a role without capabilities is never matched by them.
 */
@Component(service = RoleMatcher.class)
public class CapabilityRoleMatcher implements RoleMatcher {

    @Override
    public List<RoleDefinition> readArchivedRoles(InputStream rolesEntry) throws IOException {
        return RolesFormat.readRoles(rolesEntry);
    }

    @Override
    public RoleMatchReport match(List<RoleDefinition> archived, List<RoleDefinition> target) {
        List<FieldError> errors = new ArrayList<>();
        Map<String, RoleDefinition> byShortName = new HashMap<>();
        for (int i = 0; i < target.size(); i++) {
            RoleDefinition t = target.get(i);
            if (t == null || t.shortName().isBlank()) {
                errors.add(new FieldError("target[" + i + "].shortName", "is required"));
            } else if (byShortName.putIfAbsent(key(t.shortName()), t) != null) {
                errors.add(new FieldError("target[" + i + "].shortName", "is the short name of an earlier target role"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        List<RoleMatch> matches = new ArrayList<>();
        for (RoleDefinition a : archived) {
            matches.add(match(a, target, byShortName));
        }
        return new RoleMatchReport(matches);
    }

    private static RoleMatch match(RoleDefinition a, List<RoleDefinition> target, Map<String, RoleDefinition> byShortName) {
        if (a.virtual()) {
            return new RoleMatch(a.shortName(), RoleMatch.Outcome.VIRTUAL, null, null, null);
        }
        RoleDefinition same = byShortName.get(key(a.shortName()));
        if (same != null) {
            List<String> differences = differences(a.capabilities(), same.capabilities());
            return new RoleMatch(a.shortName(), differences.isEmpty() ? RoleMatch.Outcome.MATCHED_BY_SHORT_NAME
                    : RoleMatch.Outcome.COLLISION, same.shortName(), null, differences);
        }
        if (a.capabilities().isEmpty()) {
            return new RoleMatch(a.shortName(), RoleMatch.Outcome.UNMATCHED, null, null, null);
        }
        List<String> candidates = new ArrayList<>();
        for (RoleDefinition t : target) {
            if (!t.virtual() && t.capabilities().equals(a.capabilities())) {
                candidates.add(t.shortName());
            }
        }
        if (candidates.size() == 1) {
            return new RoleMatch(a.shortName(), RoleMatch.Outcome.MATCHED_BY_CAPABILITIES, candidates.get(0), null, null);
        }
        if (candidates.size() > 1) {
            return new RoleMatch(a.shortName(), RoleMatch.Outcome.AMBIGUOUS, null, candidates, null);
        }
        return new RoleMatch(a.shortName(), RoleMatch.Outcome.UNMATCHED, null, null, null);
    }

    /** The capabilities set on one side only, or set differently, in name order. */
    private static List<String> differences(Map<String, String> a, Map<String, String> b) {
        TreeSet<String> names = new TreeSet<>(a.keySet());
        names.addAll(b.keySet());
        List<String> differ = new ArrayList<>();
        for (String name : names) {
            if (!java.util.Objects.equals(a.get(name), b.get(name))) {
                differ.add(name);
            }
        }
        return differ;
    }

    private static String key(String shortName) {
        return shortName.trim().toLowerCase(Locale.ROOT);
    }
}
