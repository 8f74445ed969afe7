package org.campus.core.internal.workflow.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.campus.api.workflow.StateAccess;
import org.junit.jupiter.api.Test;

class WorkflowSimulatorTest {

    private final WorkflowSimulator simulator = new WorkflowSimulator();

    private Map<String, StateAccess> simulate(Set<String> roles) {
        return simulator.simulate(WorkflowTemplates.documentPublishing(), roles).stream()
                .collect(Collectors.toMap(StateAccess::state, Function.identity()));
    }

    @Test
    void oneEntryPerStateInDefinitionOrder() {
        List<StateAccess> access = simulator.simulate(WorkflowTemplates.documentPublishing(), Set.of("student"));

        assertEquals(List.of("visible", "pending", "private", "published"),
                access.stream().map(StateAccess::state).toList());
    }

    @Test
    void studentSeesOthersRecordsOnlyWhenPublishedAndWorksOnOwnDrafts() {
        Map<String, StateAccess> student = simulate(Set.of("student"));

        assertEquals(List.of(), student.get("visible").permissions());
        assertEquals(List.of(), student.get("private").permissions());
        assertEquals(List.of("view"), student.get("published").permissions());
        assertEquals(List.of(), student.get("published").actions());

        assertEquals(List.of("delete", "edit", "view"), student.get("visible").authorPermissions());
        assertEquals(List.of("submit", "hide"), student.get("visible").authorActions());
        assertEquals(List.of("view"), student.get("pending").authorPermissions(), "pending is not editable by the author");
        assertEquals(List.of("hide", "retract"), student.get("pending").authorActions());
        assertEquals(List.of("show"), student.get("private").authorActions());
    }

    @Test
    void teacherReviews() {
        Map<String, StateAccess> teacher = simulate(Set.of("teacher"));

        assertEquals(List.of("view"), teacher.get("visible").permissions());
        assertEquals(List.of(), teacher.get("private").permissions());
        assertEquals(List.of("publish"), teacher.get("pending").actions());
        assertEquals(List.of("retract_published"), teacher.get("published").actions());
        assertEquals(List.of(), teacher.get("visible").actions());
    }
}
