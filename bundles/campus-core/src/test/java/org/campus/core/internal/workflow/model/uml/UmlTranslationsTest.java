package org.campus.core.internal.workflow.model.uml;

import static org.campus.core.internal.workflow.model.uml.UmlModels.importOne;
import static org.campus.core.internal.workflow.model.uml.UmlModels.stored;
import static org.campus.core.internal.workflow.model.uml.UmlSemanticsTest.machine;
import static org.campus.core.internal.workflow.model.uml.UmlSemanticsTest.pseudostate;
import static org.campus.core.internal.workflow.model.uml.UmlSemanticsTest.state;
import static org.campus.core.internal.workflow.model.uml.UmlSemanticsTest.tags;
import static org.campus.core.internal.workflow.model.uml.UmlSemanticsTest.transition;
import static org.campus.core.internal.workflow.model.uml.UmlSemanticsTest.xmi2;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.campus.api.workflow.ActionDef;
import org.campus.api.workflow.StateDef;
import org.campus.api.workflow.WorkflowDefinition;
import org.junit.jupiter.api.Test;

/** Campus's tagged values {@code label_<lang>} / {@code label:<lang>} and {@code description_<lang>}. */
class UmlTranslationsTest {

    @Test
    void languageTaggedLabelsAndDescriptionsAreTranslationsNotPermissions() {
        WorkflowDefinition workflow = importOne(xmi2(machine("w", pseudostate("i", "", null) + state("a", "a")
                + state("b", "b") + transition("t0", null, "i", "a") + transition("t1", "go", "a", "b")),
                tags("a", "VIEW='Reader' label='Alpha' label_de='Alpha (de)' LABEL_pt_br='Alfa'"
                        + " description_de='Erster Zustand'")
                        + tags("t1", "label='Go on' label_fr='Continuer'"))).workflow();
        StateDef a = workflow.findState("a").orElseThrow();
        ActionDef go = workflow.findAction("go").orElseThrow();

        assertEquals("Alpha", a.title());
        assertEquals(Map.of("de", "Alpha (de)", "pt-BR", "Alfa"), a.titles());
        assertEquals(Map.of("de", "Erster Zustand"), a.descriptions());
        assertEquals(Map.of("Reader", List.of("view")), a.permissions(), "translations grant nothing");
        assertEquals("Continuer", go.title("fr-BE"));
        assertEquals("Go on", go.title("de"));
        assertEquals(a.titles(), stored(workflow).findState("a").orElseThrow().titles(), "kept when stored");
    }
}
