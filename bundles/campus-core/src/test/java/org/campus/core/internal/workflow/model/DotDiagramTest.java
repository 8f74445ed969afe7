package org.campus.core.internal.workflow.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.campus.api.workflow.ActionDef;
import org.campus.api.workflow.StateDef;
import org.campus.api.workflow.WorkflowDefinition;
import org.junit.jupiter.api.Test;

class DotDiagramTest {

    private final DotDiagram dot = new DotDiagram();

    @Test
    void applicationApprovalDiagram() {
        String diagram = dot.render(WorkflowTemplates.applicationApproval());
        List<String> lines = diagram.lines().map(String::strip).toList();

        assertTrue(lines.get(0).startsWith("digraph \"Submission and approval of applications\" {"), lines.get(0));
        assertTrue(lines.contains("\"__start\" [shape=point, label=\"\"];"));
        assertTrue(lines.contains("\"__start\" -> \"editing\";"));
        assertTrue(lines.contains("\"editing\" [label=\"Editing\"];"));
        assertTrue(lines.contains("\"submitted\" -> \"approved\" [label=\"Approve\"];"));
        assertTrue(lines.contains("\"complemented\" -> \"approved\" [label=\"Approve\"];"));
        assertTrue(lines.contains("\"updating\" -> \"complemented\" [label=\"Re-submit\"];"));
        assertTrue(lines.contains("\"editing\" -> \"cancelled\" [label=\"Cancel\"];"));
        assertTrue(lines.contains("\"retracted\" -> \"cancelled\" [label=\"Cancel\"];"));
        assertEquals(11, lines.stream().filter(l -> l.contains(" -> ") && l.contains("[label=")).count(),
                "one edge per action and from-state");
        assertEquals("}", lines.get(lines.size() - 1));
    }

    @Test
    void quotesBackslashesAndLineBreaksAreEscaped() {
        StateDef a = StateDef.of("a\"b", "Say \"hi\"\nC:\\temp", null, Map.of());
        StateDef start = StateDef.of("__start", "Start", null, Map.of());
        ActionDef go = ActionDef.of("go", "Go \\l \"now\"", null, List.of("a\"b"), "__start", List.of("teacher"));
        WorkflowDefinition definition = WorkflowDefinition.of("T", null, "a\"b", List.of(a, start), List.of(go)).withId("w\"1");

        String diagram = dot.render(definition);

        assertTrue(diagram.startsWith("digraph \"w\\\"1\" {"), diagram);
        assertTrue(diagram.contains("\"a\\\"b\" [label=\"Say \\\"hi\\\"\\nC:\\\\temp\"];"), diagram);
        assertTrue(diagram.contains("\"a\\\"b\" -> \"__start\" [label=\"Go \\\\l \\\"now\\\"\"];"), diagram);
        assertTrue(diagram.contains("\"___start\" -> \"a\\\"b\";"), "the start marker avoids the state id: " + diagram);
    }
}
