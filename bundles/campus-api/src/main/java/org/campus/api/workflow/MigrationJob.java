package org.campus.api.workflow;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.campus.api.job.Job;

/**
 * A change of workflow for records, run as a job of type {@link WorkflowService#JOB_TYPE_MIGRATION}:
 * the job, and the plan it follows with the records it covered when it was submitted. The job moves
 * the records in batches; a record keeps its old workflow, and its actions go on there, until its
 * batch moves it.
 *
 * @param job the job, as it was when submitted (follow it through the job service)
 * @param fromWorkflowId the workflow the records are on
 * @param toWorkflowId the workflow they move to; with {@link PlanOption#HIDE} and
 *        {@link PlanOption#VIEW_ONLY} the workflow their scope follows now, while the records stay on
 *        {@code fromWorkflowId}
 * @param plan what the job does to each record: the state map it applies (for
 *        {@link PlanOption#MOVE_INITIAL} with the old initial state mapped to the new one), or the option
 * @param records how many records the plan covered when it was submitted
 * @param recordsByState those records by state
 * @param warnings what may not go as planned: states of {@code fromWorkflowId} that records can reach
 *        by actions before their batch and that the plan does not map (records found there stay on
 *        {@code fromWorkflowId})
 */
public record MigrationJob(Job job, long fromWorkflowId, long toWorkflowId, MigrationPlan plan, long records,
        Map<String, Long> recordsByState, List<String> warnings) {

    public MigrationJob {
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(plan, "plan");
        recordsByState = Collections.unmodifiableMap(new TreeMap<>(recordsByState));
        warnings = List.copyOf(warnings);
    }
}
