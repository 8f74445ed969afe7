package org.campus.core.internal.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.campus.api.InvalidInputException;
import org.campus.api.workflow.ActionDef;
import org.campus.api.workflow.ExportFormat;
import org.campus.api.workflow.StateAccess;
import org.campus.api.workflow.StateDef;
import org.campus.api.workflow.Workflow;
import org.campus.api.workflow.WorkflowDefinition;
import org.campus.core.internal.db.TestDatabase;
import org.campus.core.internal.event.Events;
import org.campus.core.internal.event.RecordingEventAdmin;
import org.campus.core.internal.workflow.model.WorkflowTemplates;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Titles in several languages, stored in the workflow's row and read back by a node that never saw them. */
class WorkflowLanguagesTest {

    private final TestDatabase db = new TestDatabase();
    private final RecordingEventAdmin eventAdmin = new RecordingEventAdmin();
    private final WorkflowServiceImpl service = new WorkflowServiceImpl(db.transactions(),
            Events.unfiltered(eventAdmin), db.dataSource());

    @AfterEach
    void close() {
        db.close();
    }

    private static WorkflowDefinition german() {
        WorkflowDefinition d = WorkflowTemplates.documentPublishing();
        List<StateDef> states = d.states().stream().map(s -> s.id().equals(d.initialState())
                ? s.withTranslations(Map.of("de", "Sichtbar"), Map.of("de", "Alle sehen es")) : s).toList();
        List<ActionDef> actions = d.actions().stream()
                .map(a -> a.withTranslations(Map.of("de", a.title() + " (de)"), Map.of())).toList();
        return new WorkflowDefinition(null, d.title(), d.description(), d.initialState(), states, actions,
                d.permissionImplications(), d.permissionMappings(), d.variables(), d.worklists(), d.stateVariable());
    }

    @Test
    void translationsAreStoredAndEveryNodeReadsThemBack() {
        Workflow w = service.create(german());
        WorkflowServiceImpl otherNode = new WorkflowServiceImpl(db.transactions(), Events.unfiltered(eventAdmin),
                db.dataSource());
        WorkflowDefinition read = otherNode.find(w.id()).orElseThrow().definition();

        StateDef initial = read.findState(read.initialState()).orElseThrow();
        assertEquals(Map.of("de", "Sichtbar"), initial.titles());
        assertEquals("Alle sehen es", initial.description("de-DE"));
        assertEquals(w.definition(), read);
        assertEquals(read, otherNode.findDefinition(w.id()).orElseThrow());
        assertTrue(otherNode.findDefinition(w.id() + 1000).isEmpty());
    }

    @Test
    void diagramsAndTheSimulatorUseTheLanguageAndRefuseATagThatIsNone() {
        Workflow w = service.create(german());
        String mermaid = service.export(w.id(), ExportFormat.MERMAID, "de_AT");
        assertTrue(mermaid.contains("\"Sichtbar\""), mermaid);
        assertTrue(service.export(w.id(), ExportFormat.DOT, null).contains("[label=\"Visible\"]"));
        assertTrue(service.export(w.id(), ExportFormat.DCWORKFLOW, "fr").contains("xml:lang=\"de\""),
                "DCWorkflow holds every language");

        List<StateAccess> states = service.simulate(w.id(), List.of("teacher"), "de");
        StateAccess initial = states.stream().filter(s -> s.state().equals(w.definition().initialState()))
                .findFirst().orElseThrow();
        assertEquals("Sichtbar", initial.title());
        initial.actionTitles().values().forEach(t -> assertTrue(t.endsWith(" (de)"), t));

        InvalidInputException bad = assertThrows(InvalidInputException.class,
                () -> service.export(w.id(), ExportFormat.MERMAID, "not a language"));
        assertEquals("lang", bad.errors().get(0).field());
        assertThrows(InvalidInputException.class, () -> service.simulate(w.id(), List.of(), "x".repeat(36)));
    }

    @Test
    void aDefinitionWithABadTranslationIsRefusedNamingIt() {
        WorkflowDefinition d = german();
        List<StateDef> states = d.states().stream()
                .map(s -> s.withTranslations(Map.of("klingon!", "Qapla'"), Map.of())).toList();
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> service.create(
                new WorkflowDefinition(null, d.title(), null, d.initialState(), states, d.actions(), Map.of(),
                        List.of(), List.of(), List.of(), null)));
        assertTrue(e.errors().stream().anyMatch(f -> f.field().equals("states[0].titles['klingon!']")),
                e.errors().toString());
    }
}
