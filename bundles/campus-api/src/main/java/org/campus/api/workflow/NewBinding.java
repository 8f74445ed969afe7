package org.campus.api.workflow;

/**
 * Binds a workflow to a scope, replacing the scope's binding.
 *
 * @param plan what to do with the records that followed the scope's previous workflow; required
 *        when there are any, ignored otherwise; may be {@code null}
 * @param actor who asked for it, written into the history of records the plan changes; {@code null} means {@code system}
 */
public record NewBinding(BindingScope scope, LmsId courseId, LmsId activityId, long workflowId, MigrationPlan plan,
        String actor) {
}
