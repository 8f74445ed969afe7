package org.campus.rest.internal.workflow;

import java.io.IOException;

import org.campus.api.InvalidInputException;
import org.campus.api.workflow.WorkflowDefinition;
import org.campus.api.workflow.WorkflowJsonFormat;
import org.campus.rest.internal.http.Json;
import org.osgi.service.component.annotations.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

/** The Campus JSON format for those outside the HTTP API (the console): the API's own mapping. */
@Component(service = WorkflowJsonFormat.class)
public class WorkflowJsonFormatService implements WorkflowJsonFormat {

    private final Json json = new Json();
    private final WorkflowJson mapping = new WorkflowJson(json);

    @Override
    public String write(WorkflowDefinition definition) {
        return mapping.definitionText(definition);
    }

    @Override
    public WorkflowDefinition read(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("body", "is empty; a JSON document is required");
        }
        JsonNode node;
        try {
            node = json.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw new InvalidInputException("body", "is not well-formed JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new InvalidInputException("body", "cannot be read");
        }
        return mapping.readDefinition(node);
    }
}
