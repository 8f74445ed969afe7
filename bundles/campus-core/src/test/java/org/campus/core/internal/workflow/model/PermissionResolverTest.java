package org.campus.core.internal.workflow.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.campus.api.workflow.ActionDef;
import org.campus.api.workflow.GuardDef;
import org.campus.api.workflow.StateDef;
import org.campus.api.workflow.WorkflowDefinition;
import org.junit.jupiter.api.Test;

class PermissionResolverTest {

    private static WorkflowDefinition withImplications(Map<String, List<String>> implications, StateDef... states) {
        return new WorkflowDefinition(null, "T", null, states[0].id(), List.of(states), List.of(), implications,
                List.of(), List.of(), List.of(), null);
    }

    @Test
    void editImpliesViewByDefault() {
        StateDef draft = StateDef.of("draft", "Draft", null, Map.of("teacher", List.of("edit")));
        PermissionResolver resolver = new PermissionResolver(
                WorkflowDefinition.of("T", null, "draft", List.of(draft), List.of()));

        assertEquals(Set.of("edit", "view"), resolver.effectivePermissions("draft", Set.of("teacher"), false));
    }

    @Test
    void implicationsApplyTransitivelyAndSurviveCycles() {
        StateDef draft = StateDef.of("draft", "Draft", null, Map.of("manager", List.of("grade")));
        PermissionResolver resolver = new PermissionResolver(withImplications(Map.of(
                "grade", List.of("edit"),
                "edit", List.of("view"),
                "view", List.of("grade")), draft));

        assertEquals(Set.of("grade", "edit", "view"), resolver.effectivePermissions("draft", Set.of("manager"), false));
    }

    @Test
    void emptyImplicationsMeanNone() {
        StateDef draft = StateDef.of("draft", "Draft", null, Map.of("teacher", List.of("edit")));
        PermissionResolver resolver = new PermissionResolver(withImplications(Map.of(), draft));

        assertEquals(Set.of("edit"), resolver.effectivePermissions("draft", Set.of("teacher"), false));
    }

    @Test
    void permissionsOfAllRolesAreUnited() {
        StateDef draft = StateDef.of("draft", "Draft", null,
                Map.of("teacher", List.of("view"), "manager", List.of("delete", "archive")));
        PermissionResolver resolver = new PermissionResolver(
                WorkflowDefinition.of("T", null, "draft", List.of(draft), List.of()));

        assertEquals(Set.of("view", "delete", "archive"),
                resolver.effectivePermissions("draft", Set.of("teacher", "manager", "guest"), false));
        assertEquals(Set.of(), resolver.effectivePermissions("draft", Set.of("student"), false));
    }

    @Test
    void authorCanAlwaysView() {
        StateDef locked = StateDef.of("locked", "Locked", null, Map.of("manager", List.of("view")));
        PermissionResolver resolver = new PermissionResolver(
                WorkflowDefinition.of("T", null, "locked", List.of(locked), List.of()));

        assertEquals(Set.of("view"), resolver.effectivePermissions("locked", Set.of("student"), true));
        assertFalse(resolver.hasPermission("locked", Set.of("student"), false, "view"));
        assertTrue(resolver.hasPermission("locked", Set.of(), true, "view"));
        assertTrue(resolver.hasPermission("unknown-state", Set.of(), true, "view"),
                "even in a state the workflow no longer has");
    }

    @Test
    void authorRoleGrantsOnlyToTheAuthorAndCannotBeClaimed() {
        StateDef draft = StateDef.of("draft", "Draft", null, Map.of("author", List.of("edit")));
        PermissionResolver resolver = new PermissionResolver(
                WorkflowDefinition.of("T", null, "draft", List.of(draft), List.of()));

        assertEquals(Set.of("edit", "view"), resolver.effectivePermissions("draft", Set.of("student"), true));
        assertEquals(Set.of(), resolver.effectivePermissions("draft", Set.of("student", "author"), false));
    }

    @Test
    void unknownStateGrantsNothing() {
        StateDef draft = StateDef.of("draft", "Draft", null, Map.of("teacher", List.of("edit")));
        PermissionResolver resolver = new PermissionResolver(
                WorkflowDefinition.of("T", null, "draft", List.of(draft), List.of()));

        assertEquals(Set.of(), resolver.effectivePermissions("gone", Set.of("teacher"), false));
        assertEquals(List.of(), resolver.allowedActions("gone", Set.of("teacher"), false));
    }

    @Test
    void actionsNeedToStartFromTheStateAndMatchARole() {
        PermissionResolver resolver = new PermissionResolver(WorkflowTemplates.documentPublishing());

        assertEquals(List.of("publish"), ids(resolver.allowedActions("pending", Set.of("teacher"), false)));
        assertEquals(List.of("hide", "retract"), ids(resolver.allowedActions("pending", Set.of("student"), true)));
        assertEquals(List.of(), ids(resolver.allowedActions("pending", Set.of("student"), false)));
        assertEquals(List.of("retract_published"), ids(resolver.allowedActions("published", Set.of("manager"), false)));
        assertFalse(resolver.mayPerform("publish", "visible", Set.of("teacher"), false), "publish starts from pending");
    }

    @Test
    void guardRolesCountLikeActionRoles() {
        ActionDef approve = new ActionDef("approve", "Approve", null, List.of("a"), "b", List.of("teacher"),
                new GuardDef(List.of("manager"), List.of(), null, false), null);
        PermissionResolver resolver = resolverWith(approve, Map.of());

        assertTrue(resolver.mayPerform("approve", "a", Set.of("teacher"), false));
        assertTrue(resolver.mayPerform("approve", "a", Set.of("manager"), false));
        assertFalse(resolver.mayPerform("approve", "a", Set.of("student"), false));
    }

    @Test
    void authorOnlyGuardRequiresTheAuthor() {
        ActionDef withdraw = new ActionDef("withdraw", "Withdraw", null, List.of("a"), "b", List.of("student"),
                new GuardDef(List.of(), List.of(), null, true), null);
        PermissionResolver resolver = resolverWith(withdraw, Map.of());

        assertTrue(resolver.mayPerform("withdraw", "a", Set.of("student"), true));
        assertFalse(resolver.mayPerform("withdraw", "a", Set.of("student"), false));
        assertFalse(resolver.mayPerform("withdraw", "a", Set.of("teacher"), true), "the role is still needed");
    }

    @Test
    void guardPermissionMustBeHeldInTheState() {
        ActionDef publish = new ActionDef("publish", "Publish", null, List.of("a"), "b", List.of("teacher", "student"),
                new GuardDef(List.of(), List.of("review", "view"), null, false), null);
        PermissionResolver resolver = resolverWith(publish, Map.of("teacher", List.of("edit")));

        assertTrue(resolver.mayPerform("publish", "a", Set.of("teacher"), false), "edit implies view, one suffices");
        assertFalse(resolver.mayPerform("publish", "a", Set.of("student"), false), "student holds neither");
    }

    @Test
    void actionWithoutRolesIsOpenOnlyBehindAGuard() {
        ActionDef guarded = new ActionDef("guarded", "Guarded", null, List.of("a"), "b", List.of(),
                new GuardDef(List.of(), List.of("edit"), null, false), null);
        ActionDef open = ActionDef.of("open", "Open", null, List.of("a"), "b", List.of());
        WorkflowDefinition definition = WorkflowDefinition.of("T", null, "a",
                List.of(StateDef.of("a", "A", null, Map.of("teacher", List.of("edit"))), StateDef.of("b", "B", null, Map.of())),
                List.of(guarded, open));
        PermissionResolver resolver = new PermissionResolver(definition);

        assertEquals(List.of("guarded"), ids(resolver.allowedActions("a", Set.of("teacher"), false)));
        assertEquals(List.of(), ids(resolver.allowedActions("a", Set.of("student"), false)));
    }

    @Test
    void guardExpressionIsNotEvaluated() {
        ActionDef go = new ActionDef("go", "Go", null, List.of("a"), "b", List.of("teacher"),
                new GuardDef(List.of(), List.of(), "python:False", false), null);

        assertTrue(resolverWith(go, Map.of()).mayPerform("go", "a", Set.of("teacher"), false));
    }

    private static PermissionResolver resolverWith(ActionDef action, Map<String, List<String>> permissionsInA) {
        return new PermissionResolver(WorkflowDefinition.of("T", null, "a",
                List.of(StateDef.of("a", "A", null, permissionsInA), StateDef.of("b", "B", null, Map.of())),
                List.of(action)));
    }

    private static List<String> ids(List<ActionDef> actions) {
        return actions.stream().map(ActionDef::id).toList();
    }
}
