package org.campus.api.workflow;

import java.time.Instant;
import java.util.List;

/**
 * A stored workflow. Stored definitions never change: a changed workflow is stored as a new
 * <em>version</em> with a new id in the same family (see {@link WorkflowService#revise}), so that
 * records keep the rules they were created under until they are migrated explicitly.
 *
 * @param id Campus's id of the stored workflow; {@code definition().id()} is its decimal form
 * @param key the name the definition came with (the DCWorkflow {@code workflow_id}, or the template
 *        key); may be {@code null}. Every version of a family keeps the key of its first version.
 * @param familyId the id of the family's first version; equal to {@code id} for a first version
 * @param version 1 for the first version of a family, one more for each revision
 * @param warnings what the import did not understand; empty for a workflow made in Campus
 */
public record Workflow(long id, String key, long familyId, int version, WorkflowDefinition definition,
        List<String> warnings, Instant created) {

    public Workflow {
        warnings = List.copyOf(warnings);
    }

    /** A first version: its own family, version 1. */
    public Workflow(long id, String key, WorkflowDefinition definition, List<String> warnings, Instant created) {
        this(id, key, id, 1, definition, warnings, created);
    }
}
