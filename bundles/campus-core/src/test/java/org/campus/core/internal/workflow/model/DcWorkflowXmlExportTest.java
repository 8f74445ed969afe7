package org.campus.core.internal.workflow.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.campus.api.workflow.ActionDef;
import org.campus.api.workflow.GuardDef;
import org.campus.api.workflow.ImportResult;
import org.campus.api.workflow.Notification;
import org.campus.api.workflow.StateDef;
import org.campus.api.workflow.WorkflowDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DcWorkflowXmlExportTest {

    private final DcWorkflowXml xml = new DcWorkflowXml();

    @ParameterizedTest
    @ValueSource(strings = {"simple_publication_workflow.xml", "folder_workflow.xml"})
    void importExportImportGivesTheSameModel(String fixture) throws IOException {
        WorkflowDefinition first = DcWorkflowXmlImportTest.importFixture(fixture).workflow();

        String exported = xml.exportDefinition(first);
        WorkflowDefinition second = xml.importDefinition(exported).workflow();

        assertEquals(first, second);
        assertEquals(exported, xml.exportDefinition(second), "export is stable");
    }

    @Test
    void exportReproducesPlonePermissionNamesAndOwner() throws IOException {
        String exported = xml.exportDefinition(
                DcWorkflowXmlImportTest.importFixture("simple_publication_workflow.xml").workflow());

        assertTrue(exported.contains("<permission>Access contents information</permission>"));
        assertTrue(exported.contains("<permission-map name=\"Modify portal content\" acquired=\"False\">"));
        assertTrue(exported.contains("<permission-role>Owner</permission-role>"));
        assertFalse(exported.contains("<permission-role>author</permission-role>"));
        assertTrue(exported.contains("<guard-permission>Review portal content</guard-permission>"));
    }

    @Test
    void exitTransitionsFollowTheActionsAndTheStateOrder() {
        StateDef a = new StateDef("a", "A", null, Map.of(), List.of(), List.of("second"));
        WorkflowDefinition definition = WorkflowDefinition.of("T", null, "a", List.of(a, StateDef.of("b", "B", null, Map.of())),
                List.of(ActionDef.of("first", "First", null, List.of("a"), "b", List.of("teacher")),
                        ActionDef.of("second", "Second", null, List.of("a", "b"), "b", List.of("teacher"))));

        String exported = xml.exportDefinition(definition);

        String stateA = exported.substring(exported.indexOf("<state state_id=\"a\""), exported.indexOf("</state>"));
        assertTrue(stateA.indexOf("transition_id=\"second\"") < stateA.indexOf("transition_id=\"first\""), stateA);
        assertEquals(List.of("a", "b"), xml.importDefinition(exported).workflow().findAction("second").orElseThrow().from());
    }

    @Test
    void actionRolesBecomeGuardRolesAndAuthorOnlySurvives() {
        ActionDef withdraw = new ActionDef("withdraw", "Withdraw", "Take it back", List.of("a"), "b",
                List.of("author", "student"), new GuardDef(List.of("manager"), List.of("edit"), "python:True", true), null);
        WorkflowDefinition definition = WorkflowDefinition.of("T", null, "a",
                List.of(StateDef.of("a", "A", null, Map.of("author", List.of("edit"))), StateDef.of("b", "B", null, Map.of())),
                List.of(withdraw));

        String exported = xml.exportDefinition(definition);
        ActionDef reimported = xml.importDefinition(exported).workflow().findAction("withdraw").orElseThrow();

        assertTrue(exported.contains("<guard-role>Owner</guard-role>"), exported);
        assertTrue(exported.contains("<guard-role>manager</guard-role>"), exported);
        assertTrue(exported.contains("<guard-permission>Modify portal content</guard-permission>"), exported);
        assertEquals(List.of("author", "student", "manager"), reimported.roles());
        assertEquals(List.of("edit"), reimported.guard().permissions());
        assertEquals("python:True", reimported.guard().expression());
        assertTrue(reimported.guard().authorOnly());
    }

    @Test
    void templatesExportAndImportWithTheirMeaning() {
        for (WorkflowDefinition template : WorkflowTemplates.all().values()) {
            ImportResult reimported = xml.importDefinition(xml.exportDefinition(template));
            WorkflowDefinition copy = reimported.workflow();

            assertEquals(template.actions(), copy.actions());
            assertEquals(template.initialState(), copy.initialState());
            assertEquals(template.title(), copy.title());
            assertEquals(template.permissionImplications(), copy.permissionImplications());
            assertEquals(template.states().size(), copy.states().size());
            for (int i = 0; i < template.states().size(); i++) {
                StateDef original = template.states().get(i);
                StateDef imported = copy.states().get(i);
                assertEquals(original.id(), imported.id());
                assertEquals(original.title(), imported.title());
                assertEquals(original.description(), imported.description());
                assertEquals(original.permissions(), imported.permissions());
                // Export lists the exits a template leaves implicit; import keeps that order.
                assertEquals(template.actions().stream().filter(a -> a.from().contains(original.id()))
                        .map(ActionDef::id).toList(), imported.exitActions());
            }
            assertEquals(List.of(), new WorkflowValidator().validate(copy));
        }
    }

    @Test
    void customImplicationsSurviveAndEmptyOnesStayEmpty() {
        WorkflowDefinition base = WorkflowTemplates.documentPublishing();
        for (Map<String, List<String>> implications : List.of(
                Map.<String, List<String>>of(), Map.of("grade", List.of("edit", "view")))) {
            WorkflowDefinition definition = new WorkflowDefinition(null, base.title(), null, base.initialState(),
                    base.states(), base.actions(), implications, List.of(), List.of(), List.of(), null);

            WorkflowDefinition copy = xml.importDefinition(xml.exportDefinition(definition)).workflow();

            assertEquals(implications, copy.permissionImplications());
        }
    }

    @Test
    void specialCharactersAreEscapedAndSurvive() {
        String title = "Q&A <draft> \"quoted\" 'single'\nsecond line\ttab";
        StateDef a = StateDef.of("a", title, "desc & <b>bold</b>\u0001", Map.of("teacher", List.of("view")));
        WorkflowDefinition definition = new WorkflowDefinition("w", title, "line1\nline2", "a", List.of(a), List.of(),
                null, List.of(), List.of(), List.of(), null);

        String exported = xml.exportDefinition(definition);
        WorkflowDefinition copy = xml.importDefinition(exported).workflow();

        assertEquals(title, copy.title());
        assertEquals("line1\nline2", copy.description(), "line breaks in attributes are escaped");
        assertEquals(title, copy.states().get(0).title());
        assertEquals("desc & <b>bold</b>\uFFFD", copy.states().get(0).description(),
                "a control character XML cannot carry is replaced");
    }

    @Test
    void notificationsRoundTripInTheCampusNamespace() {
        Notification toAuthorAndTeachers = new Notification(true, List.of("teacher", "manager"),
                List.of("office@example.org", "Course Office <office2@example.org>"),
                "  [{workflow.title}] {action.title} <{record.lmsRecordId}> & \"more\"",
                "Grüße,\n\n  {actor} moved {record.lmsRecordId} from {from.title} to {to.title}.\r\n{{not a placeholder}}\n\t{comment}\n");
        Notification fixedOnly = new Notification(false, List.of(), List.of("log@example.org"), "S", "B");
        WorkflowDefinition definition = WorkflowDefinition.of("T", null, "a",
                List.of(StateDef.of("a", "A", null, Map.of()), StateDef.of("b", "B", null, Map.of())),
                List.of(ActionDef.of("go", "Go", null, List.of("a"), "b", List.of("teacher"))
                                .withNotifications(List.of(toAuthorAndTeachers, fixedOnly)),
                        ActionDef.of("back", "Back", null, List.of("b"), "a", List.of("teacher"))));

        String exported = xml.exportDefinition(definition);
        ImportResult imported = xml.importDefinition(exported);

        assertTrue(exported.contains("<campus:notification author=\"True\">"), exported);
        assertEquals(definition.actions(), imported.workflow().actions());
        assertEquals(List.of(toAuthorAndTeachers, fixedOnly),
                imported.workflow().findAction("go").orElseThrow().notifications());
        assertEquals(List.of(), imported.warnings(), "nothing of it is reported as not understood");
        assertEquals(exported, xml.exportDefinition(imported.workflow()), "export is stable");
    }
}
