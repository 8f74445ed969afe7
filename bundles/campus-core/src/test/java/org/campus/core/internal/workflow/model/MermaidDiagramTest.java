package org.campus.core.internal.workflow.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.campus.api.workflow.ActionDef;
import org.campus.api.workflow.StateDef;
import org.campus.api.workflow.WorkflowDefinition;
import org.junit.jupiter.api.Test;

class MermaidDiagramTest {

    private final MermaidDiagram mermaid = new MermaidDiagram();

    @Test
    void documentPublishingDiagram() {
        String diagram = mermaid.render(WorkflowTemplates.documentPublishing());
        List<String> lines = diagram.lines().map(String::strip).toList();

        assertEquals("stateDiagram-v2", lines.get(0));
        assertTrue(lines.contains("state \"Visible\" as visible"));
        assertTrue(lines.contains("[*] --> visible"));
        assertTrue(lines.contains("visible --> pending : Submit"));
        assertTrue(lines.contains("visible --> private : Hide"));
        assertTrue(lines.contains("pending --> private : Hide"));
        assertTrue(lines.contains("pending --> visible : Retract"));
        assertTrue(lines.contains("published --> visible : Retract"));
        assertEquals(7, lines.stream().filter(l -> l.contains(" --> ") && !l.startsWith("[*]")).count(),
                "one edge per action and from-state");
    }

    @Test
    void labelsAreEscapedAndIdsMadeSafe() {
        StateDef odd = StateDef.of("in review-2", "Say \"hi\": #1; <b>\nnext", null, Map.of());
        StateDef end = StateDef.of("end", "End", null, Map.of());
        StateDef clash = StateDef.of("in_review_2", "Clash", null, Map.of());
        ActionDef go = ActionDef.of("go", "Go: \"now\"", null, List.of("in review-2"), "end", List.of("teacher"));
        WorkflowDefinition definition = WorkflowDefinition.of("T", null, "in review-2", List.of(odd, end, clash), List.of(go));

        String diagram = mermaid.render(definition);

        assertTrue(diagram.contains("state \"Say #quot;hi#quot;#58; #35;1#59; #lt;b#gt; next\" as in_review_2\n"), diagram);
        assertTrue(diagram.contains("state \"End\" as s_end\n"), diagram);
        assertTrue(diagram.contains("state \"Clash\" as in_review_2_2\n"), diagram);
        assertTrue(diagram.contains("in_review_2 --> s_end : Go#58; #quot;now#quot;\n"), diagram);
        assertFalse(diagram.contains("\"hi\""), diagram);
    }
}
