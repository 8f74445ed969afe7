package org.campus.core.internal.workflow.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

import org.campus.api.workflow.ActionDef;
import org.campus.api.workflow.ImportResult;
import org.campus.api.workflow.MenuEntry;
import org.campus.api.workflow.PermissionMapping;
import org.campus.api.workflow.StateDef;
import org.campus.api.workflow.VariableDef;
import org.campus.api.workflow.WorkflowDefinition;
import org.campus.api.workflow.WorklistDef;
import org.junit.jupiter.api.Test;

/** Imports the real Plone fixtures and checks the model against the files. */
class DcWorkflowXmlImportTest {

    private final DcWorkflowXml xml = new DcWorkflowXml();

    static ImportResult importFixture(String name) throws IOException {
        try (InputStream in = DcWorkflowXmlImportTest.class.getResourceAsStream("/dcworkflow/" + name)) {
            return new DcWorkflowXml().importDefinition(in);
        }
    }

    @Test
    void simplePublicationWorkflowHeader() throws IOException {
        WorkflowDefinition workflow = importFixture("simple_publication_workflow.xml").workflow();

        assertEquals("simple_publication_workflow", workflow.id());
        assertEquals("Simple Publication Workflow", workflow.title());
        assertTrue(workflow.description().startsWith("- Simple workflow that is useful for basic web sites."));
        assertEquals("private", workflow.initialState());
        assertEquals("review_state", workflow.stateVariable());
        assertEquals(List.of(
                new PermissionMapping("Access contents information", "view"),
                new PermissionMapping("Modify portal content", "edit"),
                new PermissionMapping("View", "view")), workflow.permissionMappings());
    }

    @Test
    void simplePublicationWorkflowStates() throws IOException {
        WorkflowDefinition workflow = importFixture("simple_publication_workflow.xml").workflow();

        assertEquals(List.of("pending", "private", "published"), workflow.states().stream().map(StateDef::id).toList());
        StateDef pending = workflow.findState("pending").orElseThrow();
        assertEquals("Pending review", pending.title());
        assertEquals("Waiting to be reviewed, not editable by the owner.", pending.description());
        assertEquals(List.of("publish", "reject", "retract"), pending.exitActions());
        assertEquals(List.of("view", "edit"), pending.permissions().get("Reviewer"));
        assertEquals(List.of("view"), pending.permissions().get("author"), "Plone's Owner is the author");
        assertEquals(List.of("view"), pending.permissions().get("Reader"));
        assertEquals(7, pending.permissions().size());
        assertEquals(List.of(), pending.acquiredPermissions());

        StateDef published = workflow.findState("published").orElseThrow();
        assertEquals(List.of("retract", "reject"), published.exitActions(), "the file's order, not alphabetical");
        assertEquals(List.of("view"), published.permissions().get("Anonymous"));
        assertEquals(List.of("edit"), published.permissions().get("author"));
    }

    @Test
    void simplePublicationWorkflowTransitions() throws IOException {
        WorkflowDefinition workflow = importFixture("simple_publication_workflow.xml").workflow();

        assertEquals(List.of("publish", "reject", "retract", "submit"),
                workflow.actions().stream().map(ActionDef::id).toList());
        ActionDef publish = workflow.findAction("publish").orElseThrow();
        assertEquals("Reviewer publishes content", publish.title());
        assertEquals("Publishing the item makes it visible to other users.", publish.description());
        assertEquals(List.of("pending", "private"), publish.from(), "states listing it as exit-transition");
        assertEquals("published", publish.to());
        assertEquals(List.of(), publish.roles());
        assertEquals(List.of("Review portal content"), publish.guard().permissions());
        assertEquals(new MenuEntry("Publish", "%(content_url)s/content_status_modify?workflow_action=publish",
                "workflow", null), publish.menu());

        ActionDef reject = workflow.findAction("reject").orElseThrow();
        assertEquals(List.of("pending", "published"), reject.from());
        assertEquals("private", reject.to());
        assertEquals("Send back", reject.menu().label());
        assertEquals(List.of("private"), workflow.findAction("submit").orElseThrow().from());
    }

    @Test
    void simplePublicationWorkflowWorklistAndVariables() throws IOException {
        WorkflowDefinition workflow = importFixture("simple_publication_workflow.xml").workflow();

        assertEquals(1, workflow.worklists().size());
        WorklistDef queue = workflow.worklists().get(0);
        assertEquals("reviewer_queue", queue.id());
        assertEquals("Reviewer tasks", queue.description());
        assertEquals(Map.of("review_state", List.of("pending")), queue.match());
        assertEquals(List.of("Review portal content"), queue.guard().permissions());
        assertEquals("Pending (%(count)d)", queue.menu().label());

        assertEquals(List.of("action", "actor", "comments", "review_history", "time"),
                workflow.variables().stream().map(VariableDef::id).toList());
        VariableDef history = workflow.variables().get(3);
        assertEquals("state_change/getHistory", history.defaultExpression());
        assertEquals(false, history.forStatus());
        assertEquals(List.of("Request review", "Review portal content"), history.guard().permissions());
        VariableDef action = workflow.variables().get(0);
        assertTrue(action.forStatus() && action.updateAlways() && !action.forCatalog());
        assertNull(action.defaultValue());
    }

    @Test
    void simplePublicationWorkflowWarnsAboutWhatCampusDoesNotUse() throws IOException {
        List<String> warnings = importFixture("simple_publication_workflow.xml").warnings();

        assertContains(warnings, "guard permission 'Review portal content'");
        assertContains(warnings, "guard permission 'Request review'");
        assertContains(warnings, "worklists are kept for export but not used by Campus: reviewer_queue");
        assertContains(warnings, "variables are kept for export");
        assertContains(warnings, "role 'Anonymous' means everybody in Plone");
        assertContains(warnings, "i18n markup");
    }

    @Test
    void folderWorkflow() throws IOException {
        ImportResult result = importFixture("folder_workflow.xml");
        WorkflowDefinition workflow = result.workflow();

        assertEquals("folder_workflow", workflow.id());
        assertEquals("Community Workflow for Folders", workflow.title());
        assertEquals("visible", workflow.initialState());
        assertEquals(List.of("private", "published", "visible"), workflow.states().stream().map(StateDef::id).toList());
        assertEquals("Public draft", workflow.findState("visible").orElseThrow().title());
        assertEquals(List.of("hide", "publish", "retract", "show"), workflow.actions().stream().map(ActionDef::id).toList());

        ActionDef hide = workflow.findAction("hide").orElseThrow();
        assertEquals(List.of("published", "visible"), hide.from());
        assertEquals("private", hide.to());
        assertEquals(List.of("edit"), hide.guard().permissions(), "Modify portal content is Campus's edit");
        assertEquals(List.of("private", "visible"), workflow.findAction("publish").orElseThrow().from());
        assertEquals(List.of("published"), workflow.findAction("retract").orElseThrow().from());
        assertEquals("visible", workflow.findAction("show").orElseThrow().to());
        assertEquals(List.of(), workflow.worklists());
        assertEquals(5, workflow.variables().size());
        assertEquals(List.of(), new WorkflowValidator().validate(workflow));
    }

    @Test
    void folderWorkflowIsUsableByTheResolver() throws IOException {
        PermissionResolver resolver = new PermissionResolver(importFixture("folder_workflow.xml").workflow());

        assertEquals(List.of("hide", "publish"), resolver.allowedActions("visible", List.of("Editor"), false)
                .stream().map(ActionDef::id).toList());
        assertEquals(List.of(), resolver.allowedActions("visible", List.of("Reader"), false));
        assertTrue(resolver.hasPermission("private", List.of(), true, "edit"), "Owner may modify private items");
    }

    @Test
    void fixturesValidate() throws IOException {
        WorkflowValidator validator = new WorkflowValidator();

        assertEquals(List.of(), validator.validate(importFixture("simple_publication_workflow.xml").workflow()));
        assertEquals(List.of(), validator.validate(importFixture("folder_workflow.xml").workflow()));
    }

    @Test
    void unsupportedPartsBecomeWarningsNotFailures() {
        String source = """
                <?xml version="1.0"?>
                <dc-workflow workflow_id="w" title="W" initial_state="a" state_variable="review_state"
                             manager_bypass="False">
                  <permission>View</permission>
                  <permission>List folder contents</permission>
                  <state state_id="a" title="">
                    <exit-transition transition_id="go"/>
                    <exit-transition transition_id="missing"/>
                    <permission-map name="View" acquired="True">
                      <permission-role>Owner</permission-role>
                    </permission-map>
                    <permission-map name="Delete objects" acquired="False">
                      <permission-role>Manager</permission-role>
                    </permission-map>
                    <group-map name="Reviewers"><group-role>Reviewer</group-role></group-map>
                    <color>red</color>
                  </state>
                  <state state_id="b" title="B"/>
                  <transition transition_id="go" title="Go" new_state="b" trigger="AUTOMATIC"
                              before_script="notify" after_script="">
                    <guard>
                      <guard-role>Owner</guard-role>
                      <guard-role>Reviewer</guard-role>
                      <guard-group>Staff</guard-group>
                      <guard-expression>python:here.isReady()</guard-expression>
                    </guard>
                  </transition>
                  <script script_id="notify" type="External Method" module="m" function="f"/>
                </dc-workflow>
                """;

        ImportResult result = xml.importDefinition(source);
        WorkflowDefinition workflow = result.workflow();

        StateDef a = workflow.findState("a").orElseThrow();
        assertEquals("a", a.title(), "an empty title falls back to the id");
        assertEquals(List.of("go"), a.exitActions());
        assertEquals(List.of("View"), a.acquiredPermissions());
        assertEquals(List.of("view"), a.permissions().get("author"));
        assertEquals(List.of("delete"), a.permissions().get("Manager"));
        ActionDef go = workflow.findAction("go").orElseThrow();
        assertEquals(List.of("author", "Reviewer"), go.roles());
        assertEquals("python:here.isReady()", go.guard().expression());
        assertEquals(List.of("View", "List folder contents", "Delete objects"),
                workflow.permissionMappings().stream().map(PermissionMapping::externalName).toList());

        List<String> warnings = result.warnings();
        assertContains(warnings, "dc-workflow: attribute 'manager_bypass' is not understood");
        assertContains(warnings, "permission 'List folder contents' has no Campus meaning");
        assertContains(warnings, "state 'a' has no title; its id is used");
        assertContains(warnings, "exit-transition 'missing' names no transition");
        assertContains(warnings, "permission 'Delete objects' is not declared");
        assertContains(warnings, "group-map for 'Reviewers' was dropped");
        assertContains(warnings, "element <color> is not understood");
        assertContains(warnings, "trigger 'AUTOMATIC' is not supported");
        assertContains(warnings, "before_script 'notify' is not run by Campus");
        assertContains(warnings, "guard group 'Staff' was dropped");
        assertContains(warnings, "guard expression 'python:here.isReady()' is kept but not evaluated");
        assertContains(warnings, "script 'notify' (External Method) was dropped");
    }

    @Test
    void transitionWithoutNewStateStaysInItsOnlyFromState() {
        ImportResult result = xml.importDefinition("""
                <dc-workflow workflow_id="w" title="W" initial_state="a">
                  <state state_id="a" title="A"><exit-transition transition_id="touch"/></state>
                  <transition transition_id="touch" title="Touch" new_state=""/>
                  <transition transition_id="orphan" title="Orphan" new_state="a"/>
                </dc-workflow>
                """);

        assertEquals("a", result.workflow().findAction("touch").orElseThrow().to());
        assertEquals(List.of(), result.workflow().findAction("orphan").orElseThrow().from());
        assertContains(result.warnings(), "transition 'touch' keeps the record in its state");
        assertContains(result.warnings(), "transition 'orphan' is not an exit-transition of any state");
    }

    static void assertContains(List<String> warnings, String fragment) {
        assertTrue(warnings.stream().anyMatch(w -> w.contains(fragment)),
                () -> "no warning contains \"" + fragment + "\" in " + warnings);
    }
}
