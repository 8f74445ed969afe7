package org.campus.archiver.roles.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.campus.api.InvalidInputException;
import org.campus.api.archive.roles.RoleDefinition;
import org.campus.api.archive.roles.RoleMatch;
import org.campus.api.archive.roles.RoleMatchReport;
import org.campus.api.archive.roles.RoleMatcher;
import org.campus.testkit.archiver.RecordingArchiveContext;
import org.junit.jupiter.api.Test;

class CapabilityRoleMatcherTest {

    private final CapabilityRoleMatcher matcher = new CapabilityRoleMatcher();

    private static RoleDefinition role(String shortName, Map<String, String> capabilities) {
        return new RoleDefinition(shortName, null, null, List.of("course"), capabilities);
    }

    private static final Map<String, String> STUDENT = Map.of("mod/quiz:attempt", "allow", "mod/forum:replypost", "allow");
    private static final Map<String, String> TEACHER = Map.of("mod/quiz:grade", "allow");

    @Test
    void matchesByShortNameThenByCapabilitiesAndReportsTheRest() {
        List<RoleDefinition> archived = List.of(
                role("student", STUDENT),
                role("editingteacher", TEACHER),
                role("tutor", Map.of("mod/quiz:grade", "allow", "moodle/course:view", "inherit")),
                role("assistant", Map.of("mod/forum:replypost", "allow")),
                role("guest", Map.of("moodle/course:view", "allow")),
                role("empty", Map.of()),
                new RoleDefinition("campus:no-role", null, null, List.of(), Map.of(), true));
        List<RoleDefinition> target = List.of(
                role("Student", STUDENT),
                role("editingteacher", Map.of("mod/quiz:grade", "prohibit", "moodle/site:config", "allow")),
                role("grader", TEACHER),
                role("helper-a", Map.of("mod/forum:replypost", "allow")),
                role("helper-b", Map.of("mod/forum:replypost", "allow", "moodle/x:y", "inherit")),
                role("nothing", Map.of()));

        RoleMatchReport report = matcher.match(archived, target);

        List<RoleMatch> m = report.matches();
        assertEquals(new RoleMatch("student", RoleMatch.Outcome.MATCHED_BY_SHORT_NAME, "Student", null, null), m.get(0));
        assertEquals(RoleMatch.Outcome.COLLISION, m.get(1).outcome());
        assertEquals("editingteacher", m.get(1).target());
        assertEquals(List.of("mod/quiz:grade", "moodle/site:config"), m.get(1).differences());
        assertEquals(new RoleMatch("tutor", RoleMatch.Outcome.MATCHED_BY_CAPABILITIES, "grader", null, null), m.get(2),
                "inherit counts as not set");
        assertEquals(RoleMatch.Outcome.AMBIGUOUS, m.get(3).outcome());
        assertEquals(List.of("helper-a", "helper-b"), m.get(3).candidates());
        assertEquals(RoleMatch.Outcome.UNMATCHED, m.get(4).outcome());
        assertEquals(RoleMatch.Outcome.UNMATCHED, m.get(5).outcome(), "no capabilities: nothing to match by");
        assertEquals(RoleMatch.Outcome.VIRTUAL, m.get(6).outcome());
        assertEquals(List.of("editingteacher", "assistant", "guest", "empty"),
                report.problems().stream().map(RoleMatch::archived).toList());
        assertFalse(report.complete());
        assertTrue(matcher.match(archived.subList(0, 1), target).complete());
    }

    @Test
    void refusesTargetRolesWithoutOrWithRepeatedShortNames() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> matcher.match(List.of(),
                List.of(role("a", Map.of()), role(" ", Map.of()), role("A", Map.of()))));
        assertEquals(List.of("target[1].shortName", "target[2].shortName"),
                e.errors().stream().map(f -> f.field()).toList());
    }

    @Test
    void readsBackTheRolesTheArchiverWrote() throws Exception {
        RecordingArchiveContext context = RecordingArchiveContext.builder("roles", "7")
                .inlineData(RolesArchiverTest.COURSE).build();
        new RolesArchiver().archive(context);

        List<RoleDefinition> roles = matcher.readArchivedRoles(
                new ByteArrayInputStream(context.entry(RoleMatcher.ROLES_ENTRY).bytes()));

        assertEquals(List.of("student", "editingteacher", "campus:no-role"),
                roles.stream().map(RoleDefinition::shortName).toList());
        assertEquals(Map.of("mod/quiz:attempt", "allow", "mod/forum:replypost", "allow"), roles.get(0).capabilities(),
                "inherit is dropped");
        assertTrue(roles.get(2).virtual());
        assertEquals(RoleMatch.Outcome.VIRTUAL, matcher.match(roles, List.of()).matches().get(2).outcome());
        assertThrows(IOException.class, () -> matcher.readArchivedRoles(new ByteArrayInputStream("{}".getBytes())));
    }
}
