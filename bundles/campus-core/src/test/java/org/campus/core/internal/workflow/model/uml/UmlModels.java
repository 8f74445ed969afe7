package org.campus.core.internal.workflow.model.uml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.campus.api.workflow.ActionDef;
import org.campus.api.workflow.ImportResult;
import org.campus.api.workflow.StateDef;
import org.campus.api.workflow.WorkflowDefinition;
import org.campus.core.internal.workflow.model.DcWorkflowXml;

/** Test models: resources, archives as the tools write them, and comparisons with Plone's own export. */
final class UmlModels {

    private UmlModels() {
    }

    static byte[] resource(String path) {
        try (InputStream in = UmlModels.class.getResourceAsStream("/uml/" + path)) {
            assertNotNull(in, "test resource uml/" + path);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Plone's own export of one of its workflows. */
    static byte[] dcWorkflow(String name) {
        try (InputStream in = UmlModels.class.getResourceAsStream("/dcworkflow/" + name + ".xml")) {
            assertNotNull(in, "test resource dcworkflow/" + name);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A zip of these entries, in order (name to content). */
    static byte[] zip(Map<String, byte[]> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static List<ImportResult> importModel(byte[] bytes) {
        return new UmlImport().importModel(bytes);
    }

    static ImportResult importOne(byte[] bytes) {
        List<ImportResult> results = importModel(bytes);
        assertEquals(1, results.size(), "one state machine");
        return results.get(0);
    }

    static ImportResult importOne(String xmi) {
        return importOne(utf8(xmi));
    }

    /** Plone's own export of one of its workflows, imported. */
    static WorkflowDefinition plone(String name) {
        try (InputStream in = UmlModels.class.getResourceAsStream("/dcworkflow/" + name + ".xml")) {
            return new DcWorkflowXml().importDefinition(in).workflow();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the service stores: the definition as DCWorkflow XML, read back. */
    static WorkflowDefinition stored(WorkflowDefinition definition) {
        DcWorkflowXml xml = new DcWorkflowXml();
        return xml.importDefinition(xml.exportDefinition(definition)).workflow();
    }

    /**
     * The same states (ids, each role's permissions, acquired permissions), actions (ids, from, to,
     * roles, guard permissions), initial state and permission mappings as Plone's export, both as
     * imported and as stored.
     */
    static void assertSameAsPlone(String ploneWorkflow, WorkflowDefinition imported) {
        WorkflowDefinition expected = plone(ploneWorkflow);
        for (WorkflowDefinition actual : List.of(imported, stored(imported))) {
            assertEquals(expected.initialState(), actual.initialState(), "initial state");
            assertEquals(ids(expected), ids(actual), "states and actions");
            for (StateDef state : expected.states()) {
                StateDef other = actual.findState(state.id()).orElseThrow();
                assertEquals(state.permissions(), other.permissions(), "permissions of state " + state.id());
                assertEquals(state.acquiredPermissions(), other.acquiredPermissions(), "acquired in " + state.id());
            }
            for (ActionDef action : expected.actions()) {
                ActionDef other = actual.findAction(action.id()).orElseThrow();
                assertEquals(action.from(), other.from(), "from of " + action.id());
                assertEquals(action.to(), other.to(), "to of " + action.id());
                assertEquals(action.roles(), other.roles(), "roles of " + action.id());
                assertEquals(action.guard().permissions(), other.guard().permissions(), "guard of " + action.id());
            }
            assertEquals(expected.permissionMappings(), actual.permissionMappings());
        }
    }

    static String ids(WorkflowDefinition definition) {
        return definition.states().stream().map(StateDef::id).toList() + " "
                + definition.actions().stream().map(ActionDef::id).toList();
    }

    static void assertWarned(ImportResult result, String fragment) {
        assertTrue(result.warnings().stream().anyMatch(w -> w.contains(fragment)),
                "a warning containing \"" + fragment + "\" in " + result.warnings());
    }
}
