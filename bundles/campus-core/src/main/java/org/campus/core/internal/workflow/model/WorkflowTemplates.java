package org.campus.core.internal.workflow.model;

import static org.campus.api.workflow.WorkflowPermissions.DELETE;
import static org.campus.api.workflow.WorkflowPermissions.EDIT;
import static org.campus.api.workflow.WorkflowPermissions.VIEW;
import static org.campus.api.workflow.WorkflowRoles.AUTHOR;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.campus.api.workflow.ActionDef;
import org.campus.api.workflow.StateDef;
import org.campus.api.workflow.WorkflowDefinition;

/**
 * The ready-made workflows a teacher can start from: the two examples of the original Moodle
 * proposal, with the states, actions and descriptions exactly as tabled there (including the
 * original wording). Their ids are {@code null}: a template becomes a workflow when it is saved.
 *
 * <p>Rows of the table with the same action name, the same target state, the same description and
 * the same performers become one action with several from-states ({@code hide}, {@code cancel}).
 * Rows that differ in description or performer stay separate actions, the later one suffixed with
 * its from-state: {@code retract} (the author takes back a pending submission) and
 * {@code retract_published} (a reviewer takes back a published document) share the title
 * "Retract" but not who may do it, so merging them would let authors unpublish or reviewers
 * retract submissions.
 */
public final class WorkflowTemplates {

    public static final String DOCUMENT_PUBLISHING = "document_publishing";
    public static final String APPLICATION_APPROVAL = "application_approval";

    /** Reviewers and decision-makers: the course's teachers and managers. */
    static final List<String> REVIEWERS = List.of("teacher", "editingteacher", "manager");

    private static final List<String> AUTHOR_ONLY = List.of(AUTHOR);

    private WorkflowTemplates() {
    }

    /** Every template by its key, in presentation order. */
    public static Map<String, WorkflowDefinition> all() {
        Map<String, WorkflowDefinition> templates = new LinkedHashMap<>();
        templates.put(DOCUMENT_PUBLISHING, documentPublishing());
        templates.put(APPLICATION_APPROVAL, applicationApproval());
        return templates;
    }

    /** "Document publishing with review process": Visible, Pending, Private, Published. */
    public static WorkflowDefinition documentPublishing() {
        List<StateDef> states = List.of(
                StateDef.of("visible", "Visible", "Editable by author, visible to reviewer", grants(
                        role(AUTHOR, EDIT, DELETE),
                        role("teacher", VIEW),
                        role("editingteacher", VIEW),
                        role("manager", VIEW, DELETE))),
                StateDef.of("pending", "Pending", "Author requested publishing, non-editable by author", grants(
                        role(AUTHOR, VIEW),
                        role("teacher", VIEW),
                        role("editingteacher", VIEW),
                        role("manager", VIEW, DELETE))),
                StateDef.of("private", "Private", "Only editable by author", grants(
                        role(AUTHOR, EDIT, DELETE))),
                StateDef.of("published", "Published", "Visible to everybody, non-editable", grants(
                        role(AUTHOR, VIEW),
                        role("guest", VIEW),
                        role("student", VIEW),
                        role("teacher", VIEW),
                        role("editingteacher", VIEW),
                        role("manager", VIEW, DELETE))));
        List<ActionDef> actions = List.of(
                ActionDef.of("submit", "Submit", "Author requests publishing",
                        List.of("visible"), "pending", AUTHOR_ONLY),
                ActionDef.of("hide", "Hide", "Author makes content private",
                        List.of("visible", "pending"), "private", AUTHOR_ONLY),
                ActionDef.of("publish", "Publish", "Reviewer publishes content",
                        List.of("pending"), "published", REVIEWERS),
                ActionDef.of("retract", "Retract", "Author retracts submission",
                        List.of("pending"), "visible", AUTHOR_ONLY),
                ActionDef.of("retract_published", "Retract", "Reviewer retracts submission",
                        List.of("published"), "visible", REVIEWERS),
                ActionDef.of("show", "Show", "Author makes content visible",
                        List.of("private"), "visible", AUTHOR_ONLY));
        return WorkflowDefinition.of("Document publishing with review process",
                "The author drafts in Visible or Private, asks for publishing, and a reviewer publishes.",
                "visible", states, actions);
    }

    /**
     * "Submission and approval of applications": the employee (the record's author) submits, a
     * decision-maker (a reviewer) approves, rejects or sends back for complementing.
     */
    public static WorkflowDefinition applicationApproval() {
        Map<String, List<String>> authorAndReviewersView = grants(
                role(AUTHOR, VIEW),
                role("teacher", VIEW),
                role("editingteacher", VIEW),
                role("manager", VIEW));
        List<StateDef> states = List.of(
                StateDef.of("editing", "Editing", "Employee creates/edits application", grants(
                        role(AUTHOR, EDIT, DELETE))),
                StateDef.of("submitted", "Submitted", "Application waits for approval, non-editable",
                        authorAndReviewersView),
                StateDef.of("approved", "Approved", "Application was approved", authorAndReviewersView),
                StateDef.of("rejected", "Rejected", "Application was rejected", authorAndReviewersView),
                StateDef.of("retracted", "Retracted",
                        "Application was retracted for complementing by employee", authorAndReviewersView),
                StateDef.of("updating", "Updating", "Employee complements/edits retracted application", grants(
                        role(AUTHOR, EDIT),
                        role("teacher", VIEW),
                        role("editingteacher", VIEW),
                        role("manager", VIEW))),
                StateDef.of("complemented", "Complemented",
                        "Application was re-submitted and waits for approval", authorAndReviewersView),
                StateDef.of("cancelled", "Cancelled", "Application was withdrawn by employee",
                        authorAndReviewersView));
        List<ActionDef> actions = List.of(
                ActionDef.of("submit", "Submit", "Employee submits application for approval",
                        List.of("editing"), "submitted", AUTHOR_ONLY),
                ActionDef.of("approve", "Approve", "Decision-maker approves application",
                        List.of("submitted"), "approved", REVIEWERS),
                ActionDef.of("reject", "Reject", "Decision-maker rejects application",
                        List.of("submitted"), "rejected", REVIEWERS),
                ActionDef.of("retract", "Retract",
                        "Decision-maker retracts application to be complemented by employee",
                        List.of("submitted"), "retracted", REVIEWERS),
                ActionDef.of("update", "Update", "Employee complements retracted application",
                        List.of("retracted"), "updating", AUTHOR_ONLY),
                ActionDef.of("resubmit", "Re-submit", "Employee re-submits complemented application for approval",
                        List.of("updating"), "complemented", AUTHOR_ONLY),
                ActionDef.of("approve_complemented", "Approve", "Decision-maker approves complemented application",
                        List.of("complemented"), "approved", REVIEWERS),
                ActionDef.of("reject_complemented", "Reject", "Decision-maker rejects complemented application",
                        List.of("complemented"), "rejected", REVIEWERS),
                // Rows 28-30 merged; from-states in state order, the order DCWorkflow export keeps.
                // The seed's wording, "withdrawns", is kept as tabled.
                ActionDef.of("cancel", "Cancel", "Employee withdrawns application",
                        List.of("editing", "retracted", "updating"), "cancelled", AUTHOR_ONLY));
        return WorkflowDefinition.of("Submission and approval of applications",
                "An employee submits an application; a decision-maker approves, rejects or retracts it"
                        + " for complementing.",
                "editing", states, actions);
    }

    @SafeVarargs
    private static Map<String, List<String>> grants(Map.Entry<String, List<String>>... roleGrants) {
        Map<String, List<String>> grants = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> grant : roleGrants) {
            grants.put(grant.getKey(), grant.getValue());
        }
        return grants;
    }

    private static Map.Entry<String, List<String>> role(String role, String... permissions) {
        return Map.entry(role, List.of(permissions));
    }
}
