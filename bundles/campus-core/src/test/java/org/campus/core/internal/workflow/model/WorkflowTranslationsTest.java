package org.campus.core.internal.workflow.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.campus.api.FieldError;
import org.campus.api.workflow.ActionDef;
import org.campus.api.workflow.ImportResult;
import org.campus.api.workflow.Languages;
import org.campus.api.workflow.StateAccess;
import org.campus.api.workflow.StateDef;
import org.campus.api.workflow.WorkflowDefinition;
import org.junit.jupiter.api.Test;

/**
 * Titles and descriptions in several languages: kept through DCWorkflow XML (the storage format),
 * judged by the validator, shown by the diagrams and the simulator in one language with fallbacks.
 */
class WorkflowTranslationsTest {

    private final DcWorkflowXml xml = new DcWorkflowXml();
    private final WorkflowValidator validator = new WorkflowValidator();

    /** Application approval, with German and Brazilian Portuguese titles on some states and actions. */
    private static WorkflowDefinition translated() {
        WorkflowDefinition d = WorkflowTemplates.applicationApproval();
        List<StateDef> states = d.states().stream().map(s -> switch (s.id()) {
            case "editing" -> s.withTranslations(Map.of("de", "In Bearbeitung", "pt-BR", "Em edição"),
                    Map.of("de", "Nur der Antragsteller sieht \"es\" & <ändert> es"));
            case "approved" -> s.withTranslations(Map.of("de", "Genehmigt"), Map.of());
            default -> s;
        }).toList();
        List<ActionDef> actions = d.actions().stream().map(a -> a.id().equals("approve")
                ? a.withTranslations(Map.of("de", "Genehmigen"), Map.of("de", "Der Antrag wird genehmigt")) : a)
                .toList();
        return new WorkflowDefinition(d.id(), d.title(), d.description(), d.initialState(), states, actions,
                d.permissionImplications(), d.permissionMappings(), d.variables(), d.worklists(), d.stateVariable());
    }

    @Test
    void dcWorkflowXmlKeepsEveryLanguageInTheCampusNamespace() {
        WorkflowDefinition d = translated();
        assertTrue(validator.validate(d).isEmpty(), validator.validate(d).toString());
        String exported = xml.exportDefinition(d);

        assertTrue(exported.contains("<campus:title xml:lang=\"de\">In Bearbeitung</campus:title>"), exported);
        assertTrue(exported.contains("<campus:title xml:lang=\"pt-BR\">Em edição</campus:title>"), exported);
        ImportResult back = xml.importDefinition(exported);
        assertEquals(List.of(), back.warnings());
        WorkflowDefinition read = back.workflow();
        StateDef editing = read.findState("editing").orElseThrow();
        assertEquals(Map.of("de", "In Bearbeitung", "pt-BR", "Em edição"), editing.titles());
        assertEquals("Nur der Antragsteller sieht \"es\" & <ändert> es", editing.description("de"));
        ActionDef approve = read.findAction("approve").orElseThrow();
        assertEquals("Genehmigen", approve.title("de-AT"));
        assertEquals("Der Antrag wird genehmigt", approve.description("de"));
        assertEquals(exported, xml.exportDefinition(read), "export, import and export again: the same file");
        assertEquals(d.languages(), read.languages());
    }

    @Test
    void aTranslationWithoutLanguageOrGivenTwiceIsReported() {
        String exported = xml.exportDefinition(translated())
                .replace("<campus:title xml:lang=\"pt-BR\">", "<campus:title>")
                .replace("<campus:title xml:lang=\"de\">Genehmigt</campus:title>",
                        "<campus:title xml:lang=\"de\">Genehmigt</campus:title><campus:title xml:lang=\"de\">Ja</campus:title>");
        ImportResult read = xml.importDefinition(exported);

        assertTrue(read.warnings().stream().anyMatch(w -> w.contains("state 'editing' campus:title has no xml:lang")),
                read.warnings().toString());
        assertTrue(read.warnings().stream().anyMatch(w -> w.contains("for 'de' is given twice")),
                read.warnings().toString());
        assertEquals("Genehmigt", read.workflow().findState("approved").orElseThrow().title("de"));
        assertEquals(Map.of("de", "In Bearbeitung"), read.workflow().findState("editing").orElseThrow().titles());
    }

    @Test
    void theValidatorNamesBadTagsBlankAndLongTextsAndTooManyLanguages() {
        WorkflowDefinition d = translated();
        Map<String, String> many = new HashMap<>();
        for (int i = 0; i <= Languages.MAX_LANGUAGES; i++) {
            many.put("x" + (char) ('a' + i / 26) + (char) ('a' + i % 26), "T" + i);
        }
        List<StateDef> states = new ArrayList<>(d.states());
        states.set(0, states.get(0).withTranslations(Map.of("not a tag", "x", "de", " ", "fr", "é".repeat(256)),
                Map.of("DE", "eins", "de", "zwei")));
        states.set(1, states.get(1).withTranslations(many, Map.of()));
        List<FieldError> errors = validator.validate(new WorkflowDefinition(null, d.title(), null, d.initialState(),
                states, d.actions(), Map.of(), List.of(), List.of(), List.of(), null));
        Map<String, String> byField = errors.stream()
                .collect(Collectors.toMap(FieldError::field, FieldError::message, (a, b) -> a + "; " + b));

        assertTrue(byField.get("states[0].titles['not a tag']").contains("is not a language tag"), byField.toString());
        assertEquals("is required", byField.get("states[0].titles.de"));
        assertEquals("is longer than 255 characters", byField.get("states[0].titles.fr"));
        assertEquals("names the language de again", byField.get("states[0].descriptions.DE"));
        assertEquals("has more than 50 languages", byField.get("states[1].titles"));
        assertEquals(5, errors.size(), errors.toString());
    }

    @Test
    void diagramsShowTheTitlesOfALanguageAndTheDefaultWhereThereIsNone() {
        WorkflowDefinition german = translated().localized("de-CH");

        String mermaid = new MermaidDiagram().render(german);
        assertTrue(mermaid.contains("state \"In Bearbeitung\" as editing"), mermaid);
        assertTrue(mermaid.contains("state \"Genehmigt\" as approved"), mermaid);
        assertTrue(mermaid.contains("submitted --> approved : Genehmigen"), mermaid);
        assertTrue(mermaid.contains("state \"Cancelled\" as cancelled"), "no German title: the default: " + mermaid);

        String dot = new DotDiagram().render(german);
        assertTrue(dot.contains("\"editing\" [label=\"In Bearbeitung\"];"), dot);
        assertTrue(dot.contains("\"submitted\" -> \"approved\" [label=\"Genehmigen\"];"), dot);

        String portuguese = new MermaidDiagram().render(translated().localized("pt-BR"));
        assertTrue(portuguese.contains("state \"Em edição\" as editing"), portuguese);
        assertFalse(portuguese.contains("Genehmigt"), portuguese);
        assertEquals(new MermaidDiagram().render(WorkflowTemplates.applicationApproval()),
                new MermaidDiagram().render(translated().localized(null)), "no language: the default titles");
    }

    @Test
    void theSimulatorTitlesStatesAndTheActionsTheRolesMayPerform() {
        List<StateAccess> states = new WorkflowSimulator().simulate(translated(), List.of("teacher"), "de");
        StateAccess editing = states.stream().filter(s -> s.state().equals("editing")).findFirst().orElseThrow();
        StateAccess submitted = states.stream().filter(s -> s.state().equals("submitted")).findFirst().orElseThrow();

        assertEquals("In Bearbeitung", editing.title());
        assertEquals("Submitted", submitted.title());
        assertTrue(submitted.actions().contains("approve"), submitted.toString());
        assertEquals("Genehmigen", submitted.actionTitles().get("approve"));
        assertTrue(submitted.actionTitles().keySet().containsAll(submitted.actions()), submitted.toString());
        assertEquals("Approve", new WorkflowSimulator().simulate(translated(), List.of("teacher")).stream()
                .filter(s -> s.state().equals("submitted")).findFirst().orElseThrow().actionTitles().get("approve"));
    }
}
