package org.campus.api.workflow;

import org.campus.api.InvalidInputException;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The Campus JSON form of a workflow definition: the body {@code POST /workflows} accepts and
 * {@code GET /workflows/{id}/export?format=json} answers. The HTTP API bundle owns the JSON mapping
 * and registers this service; the console uses it to import and export JSON files.
 */
@ProviderType
public interface WorkflowJsonFormat {

    /** The definition as pretty-printed JSON, without its {@code id}. */
    String write(WorkflowDefinition definition);

    /**
     * Reads a definition. Checks only the shape of the JSON (which fields are objects, lists,
     * strings); whether the definition makes sense is for {@link WorkflowService#create} to say.
     * Fields it does not know are ignored, and so are {@code id}, {@code key}, {@code familyId},
     * {@code version}, {@code created} and {@code warnings}, so that what {@code GET /workflows/{id}}
     * answers can be read back too.
     *
     * @throws InvalidInputException naming every field of the wrong type, with paths such as
     *         {@code states[2].id}; field {@code body} for text that is not a JSON object
     */
    WorkflowDefinition read(String json);
}
