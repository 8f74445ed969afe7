package org.campus.api.workflow;

import java.time.Instant;
import java.util.List;

/**
 * A stored workflow. Stored definitions never change: a changed workflow is stored as a new one
 * with a new id, so that records keep the rules they were created under.
 *
 * @param id Campus's id of the stored workflow; {@code definition().id()} is its decimal form
 * @param key the name the definition came with (the DCWorkflow {@code workflow_id}, or the template
 *        key); may be {@code null}
 * @param warnings what the import did not understand; empty for a workflow made in Campus
 */
public record Workflow(long id, String key, WorkflowDefinition definition, List<String> warnings,
        Instant created) {

    public Workflow {
        warnings = List.copyOf(warnings);
    }
}
