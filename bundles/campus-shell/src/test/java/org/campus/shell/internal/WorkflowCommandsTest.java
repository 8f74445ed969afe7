package org.campus.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.campus.api.ForbiddenException;
import org.campus.api.PageRequest;
import org.campus.api.security.AuditEntry;
import org.campus.api.workflow.LmsId;
import org.campus.api.workflow.NewRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkflowCommandsTest {

    private final FakeWorkflowService workflows = new FakeWorkflowService();
    private final FakeSecurity.Audit audit = new FakeSecurity.Audit();
    private final Output output = new Output();

    @TempDir
    Path dir;

    private WorkflowImportCommand importing(Path file, boolean withJson) {
        WorkflowImportCommand c = new WorkflowImportCommand();
        c.workflows = workflows;
        c.audit = audit;
        c.jsonFormat = withJson ? new FakeWorkflowService.Json() : null;
        c.file = file.toString();
        return c;
    }

    private WorkflowExportCommand exporting(long id, String format, Path file) {
        WorkflowExportCommand c = new WorkflowExportCommand();
        c.workflows = workflows;
        c.jsonFormat = new FakeWorkflowService.Json();
        c.id = id;
        if (format != null) {
            c.format = format;
        }
        c.output = file == null ? null : file.toString();
        return c;
    }

    private Path write(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    @Test
    void listShowsOnePageNewestFirst() throws Exception {
        for (int i = 0; i < 3; i++) {
            workflows.add(FakeWorkflowService.review(), "k" + i, List.of());
        }
        WorkflowListCommand c = new WorkflowListCommand();
        c.workflows = workflows;
        c.limit = 2;

        assertTrue(output.run(c));

        assertEquals(new PageRequest(2, null), workflows.lastPage);
        String out = output.out();
        assertTrue(out.indexOf("k2") < out.indexOf("k1"), out);
        assertFalse(out.contains("k0"), out);
        assertTrue(out.contains("Next cursor: next-cursor"), out);
    }

    @Test
    void showPrintsStatesRolesActionsAndWarnings() throws Exception {
        long id = workflows.add(FakeWorkflowService.review(), "simple", List.of("guard expression kept")).id();
        WorkflowShowCommand c = new WorkflowShowCommand();
        c.workflows = workflows;
        c.id = id;

        assertTrue(output.run(c));

        String out = output.out();
        assertTrue(out.contains("States:") && out.contains("Actions:"), out);
        assertTrue(out.contains("author: view, edit"), out);
        assertTrue(out.contains("student: view"), out);
        assertTrue(out.contains("publish") && out.contains("teacher"), out);
        assertTrue(out.contains("roles: manager; expression (not evaluated): python:True"), out);
        assertTrue(out.contains("  - guard expression kept"), out);
        assertTrue(out.contains("1 of family " + id), out);
        assertEquals("", output.err());
    }

    @Test
    void showOfAnUnknownWorkflowIsOneErrorLine() throws Exception {
        WorkflowShowCommand c = new WorkflowShowCommand();
        c.workflows = workflows;
        c.id = 42;

        assertFalse(output.run(c));

        assertEquals("Error: workflow 42 does not exist", output.err().strip());
    }

    @Test
    void importsDcWorkflowXmlAndRecordsWhoDidIt() throws Exception {
        Path file = write("definition.xml", "<dc-workflow workflow_id=\"w\"/>");

        assertTrue(output.run(importing(file, false)));

        assertTrue(output.out().startsWith("Workflow 1 stored from definition.xml: Review (2 states, 1 actions)."),
                output.out());
        assertTrue(output.out().contains("  - script 'notify' was dropped"), output.out());
        AuditEntry e = audit.entries.get(0);
        assertEquals("workflow-import", e.action());
        assertEquals("/workflows/1", e.target());
        assertEquals("console", e.remoteAddress());
    }

    @Test
    void importsUmlModelsOneWorkflowPerStateMachineAndRecordsEach() throws Exception {
        Path zargo = Files.write(dir.resolve("model.zargo"), new byte[] {'P', 'K', 3, 4, 9});

        assertTrue(output.run(importing(zargo, false)));

        assertEquals(List.of("importUml 5"), workflows.calls);
        assertTrue(output.out().startsWith("2 workflows stored from model.zargo, one per state machine:"), output.out());
        assertTrue(output.out().contains("Workflow 1: Review (2 states, 1 actions, initial state draft)."), output.out());
        assertTrue(output.out().contains("  - final state 'done' is imported as a state"), output.out());
        assertTrue(output.out().contains("Workflow 2: Review"), output.out());
        assertEquals(List.of("/workflows/1", "/workflows/2"), audit.entries.stream().map(AuditEntry::target).toList());
        assertEquals("uml file model.zargo", audit.entries.get(0).detail());
    }

    @Test
    void tellsUmlFromDcWorkflowByExtensionOrContent() throws Exception {
        String xmi2 = "<?xml version=\"1.0\"?>\n<!-- <dc-workflow> -->\n<xmi:XMI xmi:version=\"2.1\"/>";
        String papyrus = "<uml:Model xmi:version=\"20131001\" xmlns:xmi=\"x\" name=\"m\"/>";
        String xmi1 = "<XMI xmi.version = '1.2'><XMI.content/></XMI>";
        for (String name : List.of("a.xmi", "a.uml", "a.mdxml", "a.zuml", "a.zargo")) {
            assertEquals(WorkflowFile.Format.UML, WorkflowFile.format(dir.resolve(name), new byte[0]), name);
        }
        assertEquals(WorkflowFile.Format.UML, WorkflowFile.format(dir.resolve("model.xml"), bytes(xmi2)));
        assertEquals(WorkflowFile.Format.UML, WorkflowFile.format(dir.resolve("model.xml"), bytes(papyrus)));
        assertEquals(WorkflowFile.Format.UML, WorkflowFile.format(dir.resolve("model"), bytes(xmi1)));
        assertEquals(WorkflowFile.Format.UML, WorkflowFile.format(dir.resolve("project"), new byte[] {'P', 'K', 3, 4}));
        assertEquals(WorkflowFile.Format.DCWORKFLOW,
                WorkflowFile.format(dir.resolve("definition.xml"), bytes("<dc-workflow workflow_id=\"w\"/>")));
        assertEquals(WorkflowFile.Format.DCWORKFLOW, WorkflowFile.format(dir.resolve("x.xml"), bytes("<html/>")));
        assertEquals(WorkflowFile.Format.JSON, WorkflowFile.format(dir.resolve("w"), bytes("{\"title\": 1}")));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void importsCampusJsonByNameOrByItsFirstCharacter() throws Exception {
        assertTrue(output.run(importing(write("w.json", "{\"title\": \"x\"}"), true)));
        assertTrue(output.run(importing(write("exported", "\uFEFF  {\"title\": \"x\"}"), true)));

        assertEquals(List.of("create Review", "create Review"), workflows.calls);
        assertTrue(audit.entries.get(1).detail().startsWith("json file"), audit.entries.get(1).detail());
    }

    @Test
    void jsonNeedsTheFormatServiceAndNamesItsProblems() throws Exception {
        assertFalse(output.run(importing(write("w.json", "{}"), false)));
        assertTrue(output.err().startsWith("Error: file: is Campus JSON, which needs the campus-rest bundle"),
                output.err());

        Output second = new Output();
        assertFalse(second.run(importing(write("v.json", "{}"), true)));
        assertEquals("Error: title: is required", second.err().strip());
        assertTrue(workflows.calls.isEmpty());
        assertTrue(audit.entries.isEmpty());
    }

    @Test
    void onlyAReadableRegularFileIsImported() throws Exception {
        assertFalse(output.run(importing(dir.resolve("missing.xml"), false)));
        assertFalse(output.run(importing(dir, false)));
        Files.createDirectory(dir.resolve("sub.xml"));
        assertFalse(output.run(importing(dir.resolve("sub.xml"), false)));

        List<String> errors = output.err().lines().toList();
        assertEquals(3, errors.size(), output.err());
        assertTrue(errors.get(0).endsWith("missing.xml does not exist"), errors.get(0));
        assertTrue(errors.get(1).endsWith("is not a regular file"), errors.get(1));
        assertTrue(errors.get(2).endsWith("is not a regular file"), errors.get(2));
        assertTrue(workflows.calls.isEmpty());
    }

    @Test
    void aTooLargeFileIsNotRead() throws Exception {
        Path big = dir.resolve("big.xml");
        Files.write(big, new byte[(int) WorkflowFile.MAX_BYTES + 1]);

        assertFalse(output.run(importing(big, false)));

        assertTrue(output.err().contains("is larger than 5242880 bytes"), output.err());
        assertTrue(workflows.calls.isEmpty());
    }

    @Test
    void anXmlFileThatIsNoWorkflowIsTheServicesError() throws Exception {
        assertFalse(output.run(importing(write("x.xml", "<html/>"), false)));

        assertEquals("Error: body: is not a DCWorkflow definition", output.err().strip());
        assertTrue(audit.entries.isEmpty());
    }

    @Test
    void exportPrintsEachFormat() throws Exception {
        long id = workflows.add(FakeWorkflowService.review(), null, List.of()).id();

        assertTrue(output.run(exporting(id, null, null)));
        assertTrue(output.run(exporting(id, "DCWorkflow", null)));
        assertTrue(output.run(exporting(id, "dot", null)));

        assertEquals("{\"title\": \"Review\"}\ndcworkflow of Review\ndot of Review\n", output.out());
    }

    @Test
    void exportWritesANewFileOnly() throws Exception {
        long id = workflows.add(FakeWorkflowService.review(), null, List.of()).id();
        Path file = dir.resolve("w.mmd");

        assertTrue(output.run(exporting(id, "mermaid", file)));
        assertEquals("mermaid of Review", Files.readString(file));
        assertTrue(output.out().startsWith("Workflow " + id + " written to "), output.out());

        Files.writeString(file, "keep me");
        assertFalse(output.run(exporting(id, "mermaid", file)));
        assertEquals("keep me", Files.readString(file));
        assertTrue(output.err().contains("exists; add --force to replace it"), output.err());

        WorkflowExportCommand forced = exporting(id, "mermaid", file);
        forced.force = true;
        assertTrue(output.run(forced));
        assertEquals("mermaid of Review", Files.readString(file));
    }

    @Test
    void exportNamesAnUnknownFormatOrWorkflow() throws Exception {
        long id = workflows.add(FakeWorkflowService.review(), null, List.of()).id();

        assertFalse(output.run(exporting(id, "svg", null)));
        assertFalse(output.run(exporting(99, "json", null)));
        assertFalse(output.run(exporting(99, "dot", null)));

        assertEquals(List.of("Error: format: must be one of json, dcworkflow, mermaid, dot",
                "Error: workflow 99 does not exist", "Error: workflow 99 does not exist"), output.err().lines().toList());
    }

    @Test
    void recordShowPrintsTheRecordAndItsHistoryOldestFirst() throws Exception {
        long id = workflows.createRecord(new NewRecord(1, LmsId.of(11), LmsId.of("c-2"), LmsId.of(3), LmsId.of(5))).id();
        WorkflowRecordShowCommand c = new WorkflowRecordShowCommand();
        c.workflows = workflows;
        c.id = id;

        assertTrue(output.run(c));

        String out = output.out();
        assertTrue(out.contains("c-2"), out);
        assertTrue(out.contains("visible"), out);
        int history = out.indexOf("History:");
        assertTrue(history > 0, out);
        assertTrue(out.indexOf("(created)", history) < out.indexOf("publish", history), out);
        assertTrue(out.indexOf("publish", history) < out.indexOf("retract", history), out);
        assertTrue(out.contains("looks good"), out);
        assertTrue(out.contains("(erased)"), out);

        WorkflowRecordShowCommand unknown = new WorkflowRecordShowCommand();
        unknown.workflows = workflows;
        unknown.id = 99;
        assertFalse(output.run(unknown));
        assertEquals("Error: workflow record 99 does not exist", output.err().strip());
    }

    @Test
    void completerOffersTheNewestWorkflowIds() {
        for (int i = 0; i < 60; i++) {
            workflows.add(FakeWorkflowService.review(), null, List.of());
        }
        WorkflowIdCompleter completer = new WorkflowIdCompleter();
        completer.workflows = workflows;

        List<String> ids = completer.recentIds();

        assertEquals(PageRequest.first(50), workflows.lastPage);
        assertEquals(50, ids.size());
        assertEquals("60", ids.get(0));

        workflows.failure = new ForbiddenException("no");
        assertEquals(List.of(), completer.recentIds());
    }
}
