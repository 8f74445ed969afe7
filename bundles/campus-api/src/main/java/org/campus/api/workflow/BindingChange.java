package org.campus.api.workflow;

/**
 * What binding a scope did.
 *
 * @param previousWorkflowId the workflow that applied to the scope before; {@code null} when none did
 * @param affected the records that followed the previous workflow in the scope (migrated, hidden or
 *        made view-only by the plan)
 * @param plan the plan applied, {@code null} when no record needed one
 */
public record BindingChange(WorkflowBinding binding, Long previousWorkflowId, long affected, MigrationPlan plan) {
}
