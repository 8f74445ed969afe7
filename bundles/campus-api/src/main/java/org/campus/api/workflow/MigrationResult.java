package org.campus.api.workflow;

import java.util.Map;

/**
 * What a migration did.
 *
 * @param moved the number of records moved
 * @param movedByState old state to the number of records moved out of it
 */
public record MigrationResult(long fromWorkflowId, long toWorkflowId, long moved, Map<String, Long> movedByState) {

    public MigrationResult {
        movedByState = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(movedByState));
    }
}
