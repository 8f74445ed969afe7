package org.campus.core.internal.workflow.model.uml;

import static org.campus.core.internal.workflow.model.uml.UmlModels.assertSameAsPlone;
import static org.campus.core.internal.workflow.model.uml.UmlModels.assertWarned;
import static org.campus.core.internal.workflow.model.uml.UmlModels.importModel;
import static org.campus.core.internal.workflow.model.uml.UmlModels.importOne;
import static org.campus.core.internal.workflow.model.uml.UmlModels.resource;
import static org.campus.core.internal.workflow.model.uml.UmlModels.utf8;
import static org.campus.core.internal.workflow.model.uml.UmlModels.zip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.campus.api.workflow.ImportResult;
import org.campus.api.workflow.WorkflowDefinition;
import org.junit.jupiter.api.Test;

/**
 * ArchGenXML-style models of Plone's simple_publication_workflow and folder_workflow, each in the
 * shape one modelling tool writes, import to what importing Plone's own DCWorkflow export gives.
 */
class UmlToolShapesTest {

    /** ArgoUML's project archive: the model beside the project file, diagrams and to-do list. */
    static byte[] argoUmlProject() {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("plone.argo", utf8("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<argo><documentation>"
                + "<authorname></authorname><version>0.26</version></documentation><searchpath href=\"PROJECT_DIR\"/>"
                + "<member type=\"xmi\" name=\"plone.xmi\"/><member type=\"pgml\" name=\"plone_Diagram1.pgml\"/>"
                + "</argo>\n"));
        entries.put("plone_Diagram1.pgml", utf8("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<pgml description="
                + "\"org.argouml.uml.diagram.state.ui.UMLStateDiagram|simple_publication_workflow\" name=\"Diagram1\">"
                + "<group name=\"Fig0\"/></pgml>\n"));
        entries.put("plone.todo", utf8("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<todo><todolist/>"
                + "<resolvedcritics/></todo>\n"));
        entries.put("plone.xmi", resource("tools/argouml/simple_publication_workflow.xmi"));
        return zip(entries);
    }

    /** Poseidon's project archive: the project file and the model. */
    static byte[] poseidonProject() {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("folder.proj3", resource("tools/poseidon/folder.proj3"));
        entries.put("folder.xmi", resource("tools/poseidon/folder.xmi"));
        return zip(entries);
    }

    @Test
    void argoUmlZargoWithTagDefinitionsAndPrimaryTransitions() {
        ImportResult result = importOne(argoUmlProject());
        WorkflowDefinition workflow = result.workflow();

        assertSameAsPlone("simple_publication_workflow", workflow);
        assertEquals("simple_publication_workflow", workflow.id());
        assertEquals("simple_publication_workflow", workflow.title());
        assertEquals("Pending review", workflow.findState("pending").orElseThrow().title());
        assertEquals("Reviewer publishes content", workflow.findAction("publish").orElseThrow().title());
        assertWarned(result, "tagged values refer to tag definitions outside this file");
        assertWarned(result, "role 'Anonymous' means everybody in Plone");
    }

    @Test
    void poseidonZumlNamedByItsDiagramWithTheInitialPseudostateNamedAfterItsState() {
        ImportResult result = importOne(poseidonProject());
        WorkflowDefinition workflow = result.workflow();

        assertSameAsPlone("folder_workflow", workflow);
        assertEquals("folder_workflow", workflow.id(), "Poseidon cannot name the machine: its state diagram does");
        assertEquals("Public draft", workflow.findState("visible").orElseThrow().title());
        assertEquals("Promote to public draft", workflow.findAction("show").orElseThrow().title());
    }

    @Test
    void xmi10WithLongNamesTheInitialStateTagAndViewGrantingAccess() {
        ImportResult result = importOne(resource("tools/xmi10/folder_workflow.xmi"));
        WorkflowDefinition workflow = result.workflow();

        assertSameAsPlone("folder_workflow", workflow);
        assertEquals("Visible to everyone, but not approved by the reviewers.",
                workflow.findState("visible").orElseThrow().description());
        assertFalse(result.warnings().stream().anyMatch(w -> w.contains("initial")), result.warnings().toString());
    }

    @Test
    void magicDrawMdxmlWithSignalTriggersAndStereotypeProperties() {
        ImportResult result = importOne(resource("tools/magicdraw/simple_publication.mdxml"));
        WorkflowDefinition workflow = result.workflow();

        assertSameAsPlone("simple_publication_workflow", workflow);
        assertEquals("Pending review", workflow.findState("pending").orElseThrow().title());
        assertEquals("Waiting to be reviewed, not editable by the owner.",
                workflow.findState("pending").orElseThrow().description(), "the state's comment");
        assertWarned(result, "transitions without a name were named after their trigger");
    }

    @Test
    void enterpriseArchitectWithTagsInItsExtensionMemosAndWindows1252() {
        ImportResult result = importOne(resource("tools/ea/folder_workflow.xmi"));
        WorkflowDefinition workflow = result.workflow();

        assertSameAsPlone("folder_workflow", workflow);
        assertEquals("Öffentlich: Visible to everyone, but not approved by the reviewers.",
                workflow.findState("visible").orElseThrow().description());
        assertEquals("Make private", workflow.findAction("hide").orElseThrow().title());
    }

    @Test
    void visualParadigmWithTaggedValuesInItsExtensionAndAnInitialPseudostateNamedAfterItsState() {
        ImportResult result = importOne(resource("tools/vp/simple_publication.xmi"));
        WorkflowDefinition workflow = result.workflow();

        assertSameAsPlone("simple_publication_workflow", workflow);
        assertFalse(result.warnings().stream().anyMatch(w -> w.contains("initial pseudostate is named")),
                result.warnings().toString());
        assertEquals("Member retracts submission", workflow.findAction("retract").orElseThrow().title());
    }

    @Test
    void papyrusWithTwoMachinesCallAndSignalTriggersAndAStateDrawnTwice() {
        List<ImportResult> results = importModel(resource("tools/papyrus/folder.uml"));

        assertEquals(2, results.size());
        ImportResult folder = results.get(0);
        assertSameAsPlone("folder_workflow", folder.workflow());
        assertEquals("Promote to public draft", folder.workflow().findAction("show").orElseThrow().title());
        assertWarned(folder, "state 'published' is drawn more than once");

        WorkflowDefinition review = results.get(1).workflow();
        assertEquals("review_workflow", review.id());
        assertEquals("review workflow", review.title());
        assertEquals("submitted", review.initialState(), "Papyrus names the initial pseudostate Initial1");
        assertEquals(List.of("accept"), review.actions().stream().map(a -> a.id()).toList());
        assertEquals(List.of("submitted"), review.findAction("accept").orElseThrow().from());
        assertNull(review.findAction("accept").orElseThrow().guard().expression());
    }
}
