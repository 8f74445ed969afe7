package org.campus.archiver.roles.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;

import org.campus.api.FieldError;
import org.campus.api.InvalidInputException;
import org.campus.spi.archiver.ActivityArchiver;
import org.campus.spi.archiver.ActivityRef;
import org.campus.spi.archiver.ActivityRequest;
import org.campus.spi.archiver.ArchiveResult;
import org.campus.testkit.archiver.ActivityArchiverContract;
import org.campus.testkit.archiver.RecordingArchiveContext;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class RolesArchiverTest extends ActivityArchiverContract {

    /** A course with two modules and a block; four users, one of whom has no role; three roles, one unused. */
    static final String COURSE = """
            {
              "contexts": [
                {"id": "c7", "level": "course", "instanceId": 7, "name": "Biology 101"},
                {"id": "m17", "level": "module", "instanceId": 17, "name": "Quiz 1", "parentId": "c7"},
                {"id": "m18", "level": "module", "instanceId": 18, "name": "Forum", "parentId": "c7"},
                {"id": "b3", "level": "block", "instanceId": 3, "name": "Calendar", "parentId": "c7"}
              ],
              "roles": [
                {"id": 5, "shortName": "student", "name": "Student", "archetype": "student", "sortOrder": 5,
                 "contextLevels": ["course", "module"],
                 "capabilities": {"mod/quiz:attempt": "allow", "moodle/course:view": "inherit", "mod/forum:replypost": "allow"}},
                {"id": 3, "shortName": "editingteacher", "name": "Teacher", "archetype": "editingteacher",
                 "contextLevels": ["course"], "capabilities": {"mod/quiz:grade": "allow", "moodle/course:update": "allow"}},
                {"id": 1, "shortName": "manager", "name": "Manager", "capabilities": {"moodle/site:config": "allow"}}
              ],
              "users": [
                {"id": 42, "username": "ann", "firstName": "Ann", "lastName": "Lee", "lastAccess": "2026-01-02T03:04:05Z"},
                {"id": 43, "username": "bob", "firstName": "Bob", "lastName": "Ng"},
                {"id": "44", "username": "cy", "firstName": "Cy", "lastName": "Old", "roles": "ignored"},
                {"id": 45, "username": "dee"}
              ],
              "assignments": [
                {"userId": 42, "roleId": 5, "contextId": "c7"},
                {"userId": 43, "roleId": 3, "contextId": "c7"},
                {"userId": 45, "roleId": 5, "contextId": "m17"}
              ],
              "overrides": [
                {"contextId": "m18", "roleId": 5, "capability": "mod/forum:replypost", "permission": "prohibit"}
              ]
            }
            """;

    @Override
    protected ActivityArchiver archiver() {
        return new RolesArchiver();
    }

    @Override
    protected RecordingArchiveContext.Builder typicalActivity() {
        return RecordingArchiveContext.builder("roles", "7").inlineData(COURSE);
    }

    private static JsonNode json(RecordingArchiveContext c, String entry) throws Exception {
        return new ObjectMapper().readTree(c.entry(entry).bytes());
    }

    @Test
    void archivesUsedRolesContextsWithOverridesAndUsersWithTheirRoles() throws Exception {
        RecordingArchiveContext context = typicalActivity().build();

        assertEquals(ArchiveResult.Outcome.SUCCEEDED, archiver().archive(context).outcome());

        assertEquals(List.of("roles.json", "contexts.json", "users.json"), List.copyOf(context.entriesWritten().keySet()));
        JsonNode roles = json(context, "roles.json").get("roles");
        assertEquals(List.of("student", "editingteacher", "campus:no-role"),
                StreamSupport.stream(roles.spliterator(), false).map(r -> r.get("shortName").asText()).toList(),
                "every role used, once, and the virtual role; the unused manager is left out");
        assertEquals("allow", roles.get(0).get("capabilities").get("mod/quiz:attempt").asText());
        assertEquals("inherit", roles.get(0).get("capabilities").get("moodle/course:view").asText());
        assertEquals("[\"course\",\"module\"]", roles.get(0).get("contextLevels").toString());
        assertTrue(roles.get(2).get("virtual").asBoolean());
        assertEquals("campus:no-role", json(context, "roles.json").get("virtualRole").asText());

        JsonNode contexts = json(context, "contexts.json").get("contexts");
        assertEquals(4, contexts.size());
        assertEquals("prohibit", contexts.get(2).get("overrides").get(0).get("permission").asText());
        assertEquals("student", contexts.get(2).get("overrides").get(0).get("role").asText());
        assertEquals(0, contexts.get(0).get("overrides").size());

        JsonNode users = json(context, "users.json").get("users");
        assertEquals(4, users.size());
        assertEquals("ann", users.get(0).get("username").asText());
        assertEquals("student", users.get(0).get("roles").get(0).get("role").asText());
        assertEquals("course", users.get(0).get("roles").get(0).get("contextLevel").asText());
        assertEquals("m17", users.get(3).get("roles").get(0).get("context").asText(), "a role in a module only");
        JsonNode cy = users.get(2);
        assertEquals(1, cy.get("roles").size());
        assertEquals("campus:no-role", cy.get("roles").get(0).get("role").asText());
        assertEquals("c7", cy.get("roles").get(0).get("context").asText());
        assertTrue(cy.get("roles").isArray(), "the input's own 'roles' field does not replace the granted roles");
        assertEquals(Set.of("42", "43", "44", "45"), context.dataSubjects());
    }

    @Test
    void withEveryUserInARoleThereIsNoVirtualRole() throws Exception {
        String all = COURSE.replace("{\"userId\": 45, \"roleId\": 5, \"contextId\": \"m17\"}",
                "{\"userId\": 45, \"roleId\": 5, \"contextId\": \"m17\"}, {\"userId\": 44, \"roleId\": 3, \"contextId\": \"b3\"}");
        RecordingArchiveContext context = RecordingArchiveContext.builder("roles", "7").inlineData(all).build();
        archiver().archive(context);
        JsonNode roles = json(context, "roles.json").get("roles");
        assertFalse(roles.toString().contains("campus:no-role"), roles.toString());
    }

    private static ActivityRequest request(String data) {
        return new ActivityRequest() {
            @Override
            public String courseId() {
                return "7";
            }

            @Override
            public ActivityRef activity() {
                return new ActivityRef("roles", "7");
            }

            @Override
            public boolean hasInlineData() {
                return data != null;
            }

            @Override
            public InputStream openInlineData() {
                return new ByteArrayInputStream(data.getBytes(StandardCharsets.UTF_8));
            }
        };
    }

    private static List<String> fieldsRefused(String data) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> new RolesArchiver().validate(request(data)));
        return e.errors().stream().map(FieldError::field).toList();
    }

    @Test
    void validatesTheInlineDataNamingEachBadField() {
        new RolesArchiver().validate(request(COURSE));

        assertEquals(List.of("data"), fieldsRefused(null));
        assertEquals(List.of("data"), fieldsRefused("{not json"));
        assertEquals(List.of("data"), fieldsRefused("[1, 2]"));
        assertEquals(List.of("contexts", "roles", "users"), fieldsRefused("{}"));
        assertEquals(List.of("contexts"), fieldsRefused(COURSE.replace("\"level\": \"module\", \"instanceId\": 17",
                "\"level\": \"course\", \"instanceId\": 17")));
        assertEquals(List.of("contexts[3].level"), fieldsRefused(COURSE.replace("\"block\"", "\"galaxy\"")));
        assertEquals(List.of("roles[1].shortName"), fieldsRefused(COURSE.replace("\"editingteacher\", \"name\"",
                "\"campus:no-role\", \"name\"")));
        assertEquals(List.of("roles[2].shortName"), fieldsRefused(COURSE.replace("\"manager\"", "\"Student\"")));
        assertEquals(List.of("roles[0].capabilities.mod/quiz:attempt"),
                fieldsRefused(COURSE.replace("\"mod/quiz:attempt\": \"allow\"", "\"mod/quiz:attempt\": \"sometimes\"")));
        assertEquals(List.of("assignments[1].roleId"), fieldsRefused(COURSE.replace(
                "{\"userId\": 43, \"roleId\": 3,", "{\"userId\": 43, \"roleId\": 99,")));
        assertEquals(List.of("assignments[0].userId", "assignments[0].contextId"), fieldsRefused(COURSE.replace(
                "{\"userId\": 42, \"roleId\": 5, \"contextId\": \"c7\"}", "{\"userId\": 4242, \"roleId\": 5, \"contextId\": \"x\"}")));
        assertEquals(List.of("overrides[0].permission"), fieldsRefused(COURSE.replace("\"permission\": \"prohibit\"",
                "\"permission\": \"maybe\"")));
        assertEquals(List.of("users[1].id", "assignments[1].userId"),
                fieldsRefused(COURSE.replace("{\"id\": 43,", "{\"id\": 42,")), "user 43 is gone, so is its assignment");
        assertEquals(List.of("users[3].id"), fieldsRefused(COURSE.replace("{\"id\": 45, \"username\": \"dee\"}",
                "{\"id\": {\"nested\": true}, \"username\": \"dee\"}")).subList(0, 1));
    }

    @Test
    void invalidDataAtArchiveTimeFailsTheActivityWithTheReason() throws Exception {
        RecordingArchiveContext context = RecordingArchiveContext.builder("roles", "7").inlineData("{}").build();
        ArchiveResult result = archiver().archive(context);
        assertEquals(ArchiveResult.Outcome.FAILED, result.outcome());
        assertTrue(result.message().orElseThrow().contains("contexts: is required"), result.message().orElseThrow());
        assertTrue(result.retryAfter().isEmpty(), "retrying cannot mend the data");
        assertTrue(context.entriesWritten().isEmpty());
    }
}
