package org.campus.core.internal.workflow.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.campus.api.FieldError;
import org.campus.api.InvalidInputException;
import org.campus.api.workflow.ActionDef;
import org.campus.api.workflow.GuardDef;
import org.campus.api.workflow.Notification;
import org.campus.api.workflow.PermissionMapping;
import org.campus.api.workflow.StateDef;
import org.campus.api.workflow.WorkflowDefinition;
import org.junit.jupiter.api.Test;

class WorkflowValidatorTest {

    private final WorkflowValidator validator = new WorkflowValidator();

    private static StateDef state(String id) {
        return StateDef.of(id, "State " + id, null, Map.of("teacher", List.of("view")));
    }

    private static ActionDef action(String id, List<String> from, String to) {
        return ActionDef.of(id, "Action " + id, null, from, to, List.of("teacher"));
    }

    private static WorkflowDefinition workflow(String initial, List<StateDef> states, List<ActionDef> actions) {
        return WorkflowDefinition.of("Test", null, initial, states, actions);
    }

    /** Field path to message, for readable assertions. */
    private Map<String, String> errorsOf(WorkflowDefinition definition) {
        return validator.validate(definition).stream()
                .collect(Collectors.toMap(FieldError::field, FieldError::message, (a, b) -> a + " | " + b,
                        LinkedHashMap::new));
    }

    @Test
    void validDefinitionHasNoErrors() {
        WorkflowDefinition definition = workflow("a", List.of(state("a"), state("b")),
                List.of(action("go", List.of("a"), "b"), action("back", List.of("b"), "a")));

        assertEquals(List.of(), validator.validate(definition));
    }

    @Test
    void missingBlankAndDuplicateStateIdsAreReportedWithTheirPath() {
        WorkflowDefinition definition = workflow("a",
                List.of(state("a"), state(null), state("  "), state("a")), List.of());

        Map<String, String> errors = errorsOf(definition);

        assertEquals("is required", errors.get("states[1].id"));
        assertEquals("is required", errors.get("states[2].id"));
        assertEquals("'a' is already the id of states[0]", errors.get("states[3].id"));
    }

    @Test
    void duplicateAndBadActionIdsAreReported() {
        WorkflowDefinition definition = workflow("a", List.of(state("a"), state("b")), List.of(
                action("go", List.of("a"), "b"),
                action("go", List.of("b"), "a"),
                action("has space", List.of("b"), "a"),
                action("", List.of("b"), "a")));

        Map<String, String> errors = errorsOf(definition);

        assertEquals("'go' is already the id of actions[0]", errors.get("actions[1].id"));
        assertTrue(errors.get("actions[2].id").startsWith("may contain only"), errors.toString());
        assertEquals("is required", errors.get("actions[3].id"));
    }

    @Test
    void missingInitialStateIsReported() {
        Map<String, String> errors = errorsOf(workflow(null, List.of(state("a")), List.of()));

        assertEquals("is required", errors.get("initialState"));
    }

    @Test
    void unknownInitialStateIsReported() {
        Map<String, String> errors = errorsOf(workflow("nowhere", List.of(state("a")), List.of()));

        assertEquals("names unknown state 'nowhere'", errors.get("initialState"));
    }

    @Test
    void noStatesAtAllIsReported() {
        Map<String, String> errors = errorsOf(workflow("a", List.of(), List.of()));

        assertEquals("must name at least one state", errors.get("states"));
        assertEquals("names unknown state 'a'", errors.get("initialState"));
    }

    @Test
    void actionsFromOrToUnknownStatesAreReportedPerElement() {
        WorkflowDefinition definition = workflow("a", List.of(state("a"), state("b")), List.of(
                action("go", List.of("a", "ghost", "a"), "b"),
                action("lost", List.of("b"), "void")));

        Map<String, String> errors = errorsOf(definition);

        assertEquals("names unknown state 'ghost'", errors.get("actions[0].from[1]"));
        assertEquals("names state 'a' twice", errors.get("actions[0].from[2]"));
        assertEquals("names unknown state 'void'", errors.get("actions[1].to"));
    }

    @Test
    void actionWithoutFromStatesOrTargetIsReported() {
        WorkflowDefinition definition = workflow("a", List.of(state("a"), state("b")), List.of(
                action("go", List.of("a"), "b"),
                action("nowhere", List.of(), null)));

        Map<String, String> errors = errorsOf(definition);

        assertEquals("must name at least one state", errors.get("actions[1].from"));
        assertEquals("is required", errors.get("actions[1].to"));
    }

    @Test
    void unreachableStateIsReported() {
        WorkflowDefinition definition = workflow("a", List.of(state("a"), state("b"), state("island")),
                List.of(action("go", List.of("a"), "b"), action("leave", List.of("island"), "a")));

        Map<String, String> errors = errorsOf(definition);

        assertEquals("state 'island' cannot be reached from the initial state 'a'", errors.get("states[2]"));
        assertEquals(1, errors.size(), errors.toString());
    }

    @Test
    void statesReachedOverSeveralActionsAreReachable() {
        WorkflowDefinition definition = workflow("a", List.of(state("a"), state("b"), state("c")),
                List.of(action("ab", List.of("a"), "b"), action("bc", List.of("b"), "c")));

        assertEquals(List.of(), validator.validate(definition));
    }

    @Test
    void blankPermissionAndRoleNamesAreReportedButUnknownNamesAreFine() {
        Map<String, List<String>> permissions = new LinkedHashMap<>();
        permissions.put("teacher", List.of("view", "grade-with-stars"));
        permissions.put("Site Administrator", Arrays.asList("edit", " "));
        permissions.put("", List.of("view"));
        StateDef a = StateDef.of("a", "A", null, permissions);
        ActionDef go = new ActionDef("go", "Go", null, List.of("a"), "a", List.of("teacher", ""),
                new GuardDef(List.of(" "), List.of("", "custom"), null, false), null);

        Map<String, String> errors = errorsOf(workflow("a", List.of(a), List.of(go)));

        assertEquals("permission name must not be blank", errors.get("states[0].permissions['Site Administrator'][1]"));
        assertEquals("role name must not be blank", errors.get("states[0].permissions['']"));
        assertEquals("role name must not be blank", errors.get("actions[0].roles[1]"));
        assertEquals("role name must not be blank", errors.get("actions[0].guard.roles[0]"));
        assertEquals("permission name must not be blank", errors.get("actions[0].guard.permissions[0]"));
        assertEquals(5, errors.size(), errors.toString());
    }

    @Test
    void nullPermissionElementIsReportedNotThrown() {
        StateDef a = StateDef.of("a", "A", null, Map.of("teacher", Arrays.asList("view", null)));

        Map<String, String> errors = errorsOf(workflow("a", List.of(a), List.of()));

        assertEquals("permission name must not be blank", errors.get("states[0].permissions.teacher[1]"));
    }

    @Test
    void missingTitlesAreReported() {
        StateDef a = StateDef.of("a", " ", null, Map.of());
        ActionDef go = ActionDef.of("go", null, null, List.of("a"), "a", List.of("teacher"));
        WorkflowDefinition definition = WorkflowDefinition.of("", null, "a", List.of(a), List.of(go));

        Map<String, String> errors = errorsOf(definition);

        assertEquals("is required", errors.get("title"));
        assertEquals("is required", errors.get("states[0].title"));
        assertEquals("is required", errors.get("actions[0].title"));
    }

    @Test
    void exitActionsMustNameActionsLeavingTheState() {
        StateDef a = new StateDef("a", "A", null, Map.of(), List.of(), List.of("go", "unknown", "back", "go"));
        WorkflowDefinition definition = workflow("a", List.of(a, state("b")),
                List.of(action("go", List.of("a"), "b"), action("back", List.of("b"), "a")));

        Map<String, String> errors = errorsOf(definition);

        assertEquals("names unknown action 'unknown'", errors.get("states[0].exitActions[1]"));
        assertEquals("names action 'back', which does not start from this state", errors.get("states[0].exitActions[2]"));
        assertEquals("names action 'go' twice", errors.get("states[0].exitActions[3]"));
    }

    @Test
    void nullStateAndActionEntriesAreReported() {
        List<StateDef> states = new ArrayList<>(List.of(state("a")));
        states.add(null);
        List<ActionDef> actions = new ArrayList<>();
        actions.add(null);

        Map<String, String> errors = errorsOf(workflow("a", states, actions));

        assertEquals("is required", errors.get("states[1]"));
        assertEquals("is required", errors.get("actions[0]"));
    }

    @Test
    void permissionMappingsAndImplicationsAreChecked() {
        Map<String, List<String>> implications = new LinkedHashMap<>();
        implications.put("edit", Arrays.asList("view", ""));
        WorkflowDefinition definition = new WorkflowDefinition(null, "T", null, "a", List.of(state("a")), List.of(),
                implications,
                List.of(new PermissionMapping("View", "view"), new PermissionMapping("View", "view"),
                        new PermissionMapping(" ", null)),
                List.of(), List.of(), null);

        Map<String, String> errors = errorsOf(definition);

        assertEquals("permission name must not be blank", errors.get("permissionImplications.edit[1]"));
        assertEquals("maps 'View' twice", errors.get("permissionMappings[1].externalName"));
        assertEquals("is required", errors.get("permissionMappings[2].externalName"));
        assertEquals("is required", errors.get("permissionMappings[2].permission"));
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        WorkflowDefinition definition = workflow("nowhere", List.of(state("a"), state("a")),
                List.of(action("go", List.of(), "void")));

        List<FieldError> errors = validator.validate(definition);

        assertEquals(List.of("states[1].id", "initialState", "actions[0].from", "actions[0].to"),
                errors.stream().map(FieldError::field).toList());
    }

    @Test
    void checkThrowsWithAllErrors() {
        WorkflowDefinition definition = workflow("nowhere", List.of(state("a"), state("a")), List.of());

        InvalidInputException thrown = assertThrows(InvalidInputException.class, () -> validator.check(definition));

        assertEquals(2, thrown.errors().size());
    }

    @Test
    void nullDefinitionIsAnError() {
        assertEquals(List.of(new FieldError("workflow", "is required")), validator.validate(null));
    }

    // ---- notifications

    private WorkflowDefinition withNotifications(Notification... notifications) {
        return workflow("a", List.of(state("a"), state("b")),
                List.of(action("go", List.of("a"), "b"), action("back", List.of("b"), "a")
                        .withNotifications(List.of(notifications))));
    }

    @Test
    void validNotificationsHaveNoErrors() {
        WorkflowDefinition definition = withNotifications(new Notification(true, List.of("teacher"),
                List.of("office@example.org", "Course Office <office2@example.org>"),
                "[{workflow.title}] {action.title}: {record.lmsRecordId} {{literal}}",
                "{actor} moved {record.lmsRecordId} from {from.title} to {to.title}.\n{comment}"));
        assertEquals(Map.of(), errorsOf(definition));
    }

    @Test
    void notificationProblemsAreReportedWithTheirPath() {
        WorkflowDefinition definition = withNotifications(
                new Notification(false, List.of(), List.of(), "Hi", "Body"),
                new Notification(false, List.of("author", " "), List.of("ok@example.org", "not an address",
                        "a@example.org\r\nBcc: evil@example.org", "one@example.org, two@example.org"),
                        "Hello\r\nBcc: evil@example.org", "{record.password} and {unclosed"),
                new Notification(true, List.of(), List.of(), " ", null));

        Map<String, String> errors = errorsOf(definition);

        String n0 = "actions[1].notifications[0]";
        String n1 = "actions[1].notifications[1]";
        String n2 = "actions[1].notifications[2]";
        assertTrue(errors.get(n0).contains("no recipient"), errors.toString());
        assertTrue(errors.get(n1 + ".roles[0]").contains("set author"), errors.toString());
        assertTrue(errors.get(n1 + ".roles[1]").contains("blank"), errors.toString());
        assertTrue(!errors.containsKey(n1 + ".addresses[0]"), errors.toString());
        assertTrue(errors.get(n1 + ".addresses[1]").contains("not a valid mail address"), errors.toString());
        assertTrue(errors.get(n1 + ".addresses[2]").contains("line breaks"), errors.toString());
        assertTrue(errors.get(n1 + ".addresses[3]").contains("exactly one"), errors.toString());
        assertTrue(errors.get(n1 + ".subject").contains("one line"), errors.toString());
        assertTrue(errors.get(n1 + ".body").contains("unknown placeholder {record.password}"), errors.toString());
        assertTrue(errors.get(n1 + ".body").contains("never closed"), errors.toString());
        assertEquals("is required", errors.get(n2 + ".subject"));
        assertEquals("is required", errors.get(n2 + ".body"));
        assertEquals(10, errors.size(), errors.toString());
    }

    @Test
    void templatesRenderOnlyKnownPlaceholdersAndFoldTheSubject() {
        Map<String, String> values = Map.of("actor", "u1", "comment", "line one\r\nBcc: evil@example.org");
        assertEquals("u1 said: line one  Bcc: evil@example.org {x}",
                MailTemplate.render("{actor} said: {comment} {{x}}", values, true));
        assertEquals("u1 said: line one\r\nBcc: evil@example.org",
                MailTemplate.render("{actor} said: {comment}", values, false));
        // a value is inserted as it is, never interpreted as a template again
        assertEquals("{actor}", MailTemplate.render("{comment}", Map.of("comment", "{actor}"), true));
        assertEquals(List.of(), MailTemplate.problems("{{ and }} and {to.title}"));
        assertEquals(1, MailTemplate.problems("a } b").size());
    }
}
