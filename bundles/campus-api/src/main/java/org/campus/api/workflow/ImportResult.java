package org.campus.api.workflow;

import java.util.List;

/**
 * A workflow read from a foreign format, and everything the import did not understand or could
 * only keep without giving it meaning (scripts, guard expressions, groups, unknown elements).
 */
public record ImportResult(WorkflowDefinition workflow, List<String> warnings) {

    public ImportResult {
        warnings = List.copyOf(warnings);
    }
}
