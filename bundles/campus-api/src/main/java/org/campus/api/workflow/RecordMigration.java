package org.campus.api.workflow;

import java.util.Map;

/**
 * Moves the records of one workflow to another (typically a newer version of the same family).
 *
 * @param toWorkflowId the target workflow
 * @param stateMap old state to target state; every state that has records must be mapped
 * @param courseId only the records of this course; {@code null} for all
 * @param activityId only the records of this activity; {@code null} for all
 * @param actor who asked for it, written into each moved record's history; {@code null} means {@code system}
 */
public record RecordMigration(long toWorkflowId, Map<String, String> stateMap, LmsId courseId, LmsId activityId,
        String actor) {

    public RecordMigration {
        stateMap = stateMap == null ? Map.of() : Map.copyOf(stateMap);
    }
}
