package org.campus.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.campus.api.workflow.ActionDef;
import org.campus.api.workflow.StateDef;
import org.campus.api.workflow.WorkflowDefinition;
import org.junit.jupiter.api.Test;

/** Titles in a language on the console (show, export, simulate), and migrations started as jobs. */
class WorkflowLanguageAndMigrationCommandsTest {

    private final FakeWorkflowService workflows = new FakeWorkflowService();
    private final FakeSecurity.Audit audit = new FakeSecurity.Audit();
    private final Output output = new Output();

    /** The review workflow with German titles for the draft state and the publish action, none for published. */
    private long translated() {
        WorkflowDefinition d = FakeWorkflowService.review();
        List<StateDef> states = d.states().stream().map(s -> s.id().equals("draft")
                ? s.withTranslations(Map.of("de", "Entwurf"), Map.of("de", "Noch nicht sichtbar")) : s).toList();
        List<ActionDef> actions = d.actions().stream()
                .map(a -> a.withTranslations(Map.of("de", "Veröffentlichen", "fr", "Publier"), Map.of())).toList();
        return workflows.add(new WorkflowDefinition(null, d.title(), d.description(), d.initialState(), states, actions,
                d.permissionImplications(), d.permissionMappings(), d.variables(), d.worklists(), d.stateVariable()),
                "review", List.of()).id();
    }

    @Test
    void showNamesTheLanguagesAndShowsTheTitlesOfOneFallingBackToTheDefault() throws Exception {
        long id = translated();
        WorkflowShowCommand c = new WorkflowShowCommand();
        c.workflows = workflows;
        c.id = id;
        c.lang = "de-AT";

        assertTrue(output.run(c), output.err());

        String out = output.out();
        assertTrue(out.contains("de, fr"), out);
        assertTrue(out.contains("States (titles in de-AT):"), out);
        assertTrue(out.contains("Entwurf") && out.contains("Veröffentlichen"), out);
        assertTrue(out.contains("Published"), "an untranslated state keeps its default title: " + out);
        assertFalse(out.contains("Publier"), out);
    }

    @Test
    void showRefusesATagThatIsNoLanguage() throws Exception {
        WorkflowShowCommand c = new WorkflowShowCommand();
        c.workflows = workflows;
        c.id = translated();
        c.lang = "not a tag";

        assertFalse(output.run(c));
        assertTrue(output.err().contains("lang"), output.err());
        assertEquals("", output.out());
    }

    @Test
    void exportPassesTheLanguageToDiagramsOnly() throws Exception {
        long id = translated();
        WorkflowExportCommand c = new WorkflowExportCommand();
        c.workflows = workflows;
        c.id = id;
        c.format = "mermaid";
        c.lang = "de";
        assertTrue(output.run(c), output.err());
        assertTrue(output.out().contains("mermaid of Review in de: Entwurf"), output.out());

        WorkflowExportCommand xml = new WorkflowExportCommand();
        xml.workflows = workflows;
        xml.id = id;
        xml.format = "dcworkflow";
        xml.lang = "de";
        Output other = new Output();
        assertTrue(other.run(xml), other.err());
        assertEquals("dcworkflow of Review\n", other.out(), "DCWorkflow holds every language");
    }

    @Test
    void simulateShowsEachStateAndActionByItsTitle() throws Exception {
        long id = translated();
        WorkflowSimulateCommand c = new WorkflowSimulateCommand();
        c.workflows = workflows;
        c.id = id;
        c.roles = "teacher, manager,teacher";
        c.lang = "fr";

        assertTrue(output.run(c), output.err());

        String out = output.out();
        assertTrue(out.contains("for roles teacher, manager, titles in fr"), out);
        assertTrue(out.contains("publish (Publier)"), out);
        assertTrue(out.contains("Draft"), "no French title for draft: the default: " + out);
        assertEquals(List.of("simulate [teacher, manager] fr"), workflows.calls);
    }

    @Test
    void migrateStartsAJobAndSaysHowToFollowIt() throws Exception {
        WorkflowMigrateCommand c = new WorkflowMigrateCommand();
        c.workflows = workflows;
        c.audit = audit;
        c.from = 5;
        c.to = 6;
        c.map = List.of("draft=editing", " published = done ");
        c.course = "12";

        assertTrue(output.run(c), output.err());

        String out = output.out();
        assertTrue(out.contains("Migration job 77 queued: 4 records of workflow 5 move to workflow 6."), out);
        assertTrue(out.contains("draft -> editing, published -> done"), out);
        assertTrue(out.contains("campus:job-show 77"), out);
        String call = workflows.calls.get(0);
        assertTrue(call.startsWith("migrate 5 RecordMigration[toWorkflowId=6, stateMap={"), workflows.calls.toString());
        // the map's order is the JVM's (Map.copyOf): look for each mapping, not for one order
        assertTrue(call.contains("draft=editing") && call.contains("published=done")
                && call.contains("}, courseId=12"), workflows.calls.toString());
        assertEquals(1, audit.entries.size());
        assertEquals("workflow-migrate", audit.entries.get(0).action());
    }

    @Test
    void migrateRefusesAPairWithoutEqualsAndReportsUnmappedStates() throws Exception {
        WorkflowMigrateCommand bad = new WorkflowMigrateCommand();
        bad.workflows = workflows;
        bad.audit = audit;
        bad.from = 5;
        bad.to = 6;
        bad.map = List.of("draft");
        assertFalse(output.run(bad));
        assertTrue(output.err().contains("map") && output.err().contains("'draft' is not old=new"), output.err());
        assertTrue(workflows.calls.isEmpty());

        WorkflowMigrateCommand unmapped = new WorkflowMigrateCommand();
        unmapped.workflows = workflows;
        unmapped.audit = audit;
        unmapped.from = 5;
        unmapped.to = 6;
        Output other = new Output();
        assertFalse(other.run(unmapped));
        assertTrue(other.err().contains("stateMap.draft"), other.err());
        assertTrue(audit.entries.isEmpty());
    }
}
