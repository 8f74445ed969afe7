package org.campus.api.workflow;

/**
 * What binding a scope did. The binding changes at once: records created in the scope from then
 * on follow the new workflow. The records that followed the previous one are changed by a
 * migration job, by the plan.
 *
 * @param previousWorkflowId the workflow that applied to the scope before; {@code null} when none did
 * @param affected the records that followed the previous workflow in the scope when the binding
 *        changed, for the plan's job to migrate, hide or make view-only
 * @param plan the plan applied, {@code null} when no record needed one
 * @param migration the job that applies the plan, {@code null} when no record needed one
 */
public record BindingChange(WorkflowBinding binding, Long previousWorkflowId, long affected, MigrationPlan plan,
        MigrationJob migration) {
}
