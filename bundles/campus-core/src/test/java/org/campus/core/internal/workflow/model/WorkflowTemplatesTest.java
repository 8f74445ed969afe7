package org.campus.core.internal.workflow.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.campus.api.workflow.ActionDef;
import org.campus.api.workflow.StateDef;
import org.campus.api.workflow.WorkflowDefinition;
import org.junit.jupiter.api.Test;

class WorkflowTemplatesTest {

    /** One row of the seed's mdl_data_wf_actions table, with state names as tabled. */
    private record Row(String from, String to, String name, String description) {
    }

    private static final List<Row> DOCUMENT_ROWS = List.of(
            new Row("Visible", "Pending", "Submit", "Author requests publishing"),
            new Row("Visible", "Private", "Hide", "Author makes content private"),
            new Row("Pending", "Published", "Publish", "Reviewer publishes content"),
            new Row("Pending", "Private", "Hide", "Author makes content private"),
            new Row("Pending", "Visible", "Retract", "Author retracts submission"),
            new Row("Published", "Visible", "Retract", "Reviewer retracts submission"),
            new Row("Private", "Visible", "Show", "Author makes content visible"));

    private static final List<Row> APPLICATION_ROWS = List.of(
            new Row("Editing", "Submitted", "Submit", "Employee submits application for approval"),
            new Row("Submitted", "Approved", "Approve", "Decision-maker approves application"),
            new Row("Submitted", "Rejected", "Reject", "Decision-maker rejects application"),
            new Row("Submitted", "Retracted", "Retract",
                    "Decision-maker retracts application to be complemented by employee"),
            new Row("Retracted", "Updating", "Update", "Employee complements retracted application"),
            new Row("Updating", "Complemented", "Re-submit", "Employee re-submits complemented application for approval"),
            new Row("Complemented", "Approved", "Approve", "Decision-maker approves complemented application"),
            new Row("Complemented", "Rejected", "Reject", "Decision-maker rejects complemented application"),
            new Row("Retracted", "Cancelled", "Cancel", "Employee withdrawns application"),
            new Row("Updating", "Cancelled", "Cancel", "Employee withdrawns application"),
            new Row("Editing", "Cancelled", "Cancel", "Employee withdrawns application"));

    @Test
    void bothTemplatesValidateClean() {
        assertEquals(List.of(WorkflowTemplates.DOCUMENT_PUBLISHING, WorkflowTemplates.APPLICATION_APPROVAL),
                List.copyOf(WorkflowTemplates.all().keySet()));
        WorkflowTemplates.all().values().forEach(template -> {
            assertEquals(List.of(), new WorkflowValidator().validate(template), template.title());
            assertNull(template.id(), "a template is not saved yet");
        });
    }

    @Test
    void documentPublishingStatesAsTabled() {
        WorkflowDefinition workflow = WorkflowTemplates.documentPublishing();

        assertEquals("Document publishing with review process", workflow.title());
        assertEquals("visible", workflow.initialState());
        assertStates(workflow, List.of(
                List.of("Visible", "Editable by author, visible to reviewer"),
                List.of("Pending", "Author requested publishing, non-editable by author"),
                List.of("Private", "Only editable by author"),
                List.of("Published", "Visible to everybody, non-editable")));
    }

    @Test
    void documentPublishingActionsCoverEveryTableRow() {
        WorkflowDefinition workflow = WorkflowTemplates.documentPublishing();

        assertRowsCovered(workflow, DOCUMENT_ROWS);
        assertEquals(6, workflow.actions().size(), "the two Hide rows are one action");
        assertEquals(List.of("visible", "pending"), workflow.findAction("hide").orElseThrow().from());
        assertEquals(List.of("pending"), workflow.findAction("retract").orElseThrow().from());
        assertEquals(List.of("published"), workflow.findAction("retract_published").orElseThrow().from());
    }

    @Test
    void applicationApprovalStatesAsTabled() {
        WorkflowDefinition workflow = WorkflowTemplates.applicationApproval();

        assertEquals("Submission and approval of applications", workflow.title());
        assertEquals("editing", workflow.initialState());
        assertStates(workflow, List.of(
                List.of("Editing", "Employee creates/edits application"),
                List.of("Submitted", "Application waits for approval, non-editable"),
                List.of("Approved", "Application was approved"),
                List.of("Rejected", "Application was rejected"),
                List.of("Retracted", "Application was retracted for complementing by employee"),
                List.of("Updating", "Employee complements/edits retracted application"),
                List.of("Complemented", "Application was re-submitted and waits for approval"),
                List.of("Cancelled", "Application was withdrawn by employee")));
    }

    @Test
    void applicationApprovalActionsCoverEveryTableRow() {
        WorkflowDefinition workflow = WorkflowTemplates.applicationApproval();

        assertRowsCovered(workflow, APPLICATION_ROWS);
        assertEquals(9, workflow.actions().size(), "the three Cancel rows are one action");
        assertEquals(Set.of("editing", "retracted", "updating"),
                Set.copyOf(workflow.findAction("cancel").orElseThrow().from()));
    }

    @Test
    void documentPublishingPermissionsFollowTheProse() {
        PermissionResolver resolver = new PermissionResolver(WorkflowTemplates.documentPublishing());
        Set<String> student = Set.of("student");
        Set<String> teacher = Set.of("teacher");

        assertTrue(resolver.hasPermission("visible", student, true, "edit"), "Visible: editable by author");
        assertTrue(resolver.hasPermission("visible", teacher, false, "view"), "Visible: visible to reviewer");
        assertFalse(resolver.hasPermission("visible", student, false, "view"), "but not to other students");
        assertFalse(resolver.hasPermission("pending", student, true, "edit"), "Pending: non-editable by author");
        assertTrue(resolver.hasPermission("private", student, true, "edit"), "Private: editable by author");
        assertFalse(resolver.hasPermission("private", teacher, false, "view"), "Private: only the author");
        for (String role : List.of("guest", "student", "teacher", "editingteacher", "manager")) {
            assertTrue(resolver.hasPermission("published", Set.of(role), false, "view"), role);
            assertFalse(resolver.hasPermission("published", Set.of(role), false, "edit"), role);
            assertFalse(resolver.hasPermission("published", Set.of(role), true, "edit"), role + " as author");
        }
    }

    @Test
    void applicationApprovalPermissionsFollowTheProse() {
        PermissionResolver resolver = new PermissionResolver(WorkflowTemplates.applicationApproval());
        Set<String> employee = Set.of("student");

        assertTrue(resolver.hasPermission("editing", employee, true, "edit"));
        assertFalse(resolver.hasPermission("submitted", employee, true, "edit"), "non-editable once submitted");
        assertTrue(resolver.hasPermission("updating", employee, true, "edit"));
        assertFalse(resolver.hasPermission("editing", Set.of("teacher"), false, "view"), "drafts are private");
        assertTrue(resolver.mayPerform("approve", "submitted", Set.of("teacher"), false));
        assertFalse(resolver.mayPerform("approve", "submitted", employee, true), "employees do not approve");
        assertTrue(resolver.mayPerform("cancel", "updating", employee, true));
        assertFalse(resolver.mayPerform("cancel", "updating", Set.of("teacher"), false));
    }

    private static void assertStates(WorkflowDefinition workflow, List<List<String>> titleAndDescription) {
        assertEquals(titleAndDescription, workflow.states().stream()
                .map(state -> List.of(state.title(), state.description())).toList());
    }

    private static void assertRowsCovered(WorkflowDefinition workflow, List<Row> rows) {
        for (Row row : rows) {
            StateDef from = stateTitled(workflow, row.from());
            StateDef to = stateTitled(workflow, row.to());
            List<ActionDef> matching = workflow.actions().stream()
                    .filter(a -> a.title().equals(row.name()) && a.description().equals(row.description())
                            && a.from().contains(from.id()) && a.to().equals(to.id()))
                    .toList();
            assertEquals(1, matching.size(), row.toString());
        }
        long edges = workflow.actions().stream().mapToLong(a -> a.from().size()).sum();
        assertEquals(rows.size(), edges, "no action or from-state beyond the table");
    }

    private static StateDef stateTitled(WorkflowDefinition workflow, String title) {
        return workflow.states().stream().filter(s -> s.title().equals(title)).findFirst().orElseThrow();
    }
}
