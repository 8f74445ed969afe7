package org.campus.shell.internal;

import java.io.PrintStream;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.FileCompleter;
import org.campus.api.InvalidInputException;
import org.campus.api.security.AuditService;
import org.campus.api.workflow.Workflow;
import org.campus.api.workflow.WorkflowJsonFormat;
import org.campus.api.workflow.WorkflowService;

@Service
@Command(scope = "campus", name = "workflow-import",
        description = "Stores workflows from a file: a Plone DCWorkflow definition.xml, a Campus JSON export, or the"
                + " state machines of a UML model (XMI, .zargo, .zuml).",
        detailedDescription = "Usage: campus:workflow-import <file>\n"
                + "A file named *.json, or starting with '{', is read as Campus JSON (what"
                + " campus:workflow-export --format json writes). A UML model (*.xmi, *.uml, *.mdxml, an ArgoUML"
                + " *.zargo or Poseidon *.zuml, or any XML file whose root is XMI) gives one workflow per state"
                + " machine. Any other file is read as DCWorkflow XML. At most 5 MiB.")
public class WorkflowImportCommand extends CampusAction {

    @Reference
    WorkflowService workflows;

    /** Registered by the HTTP API bundle, which owns the JSON mapping; only JSON files need it. */
    @Reference(optional = true)
    WorkflowJsonFormat jsonFormat;

    @Reference
    AuditService audit;

    @Argument(index = 0, name = "file", description = "The file to import", required = true)
    @Completion(FileCompleter.class)
    String file;

    @Override
    protected void run(PrintStream out) {
        Path path = Paths.get(file);
        byte[] bytes = WorkflowFile.read(path);
        WorkflowFile.Format format = WorkflowFile.format(path, bytes);
        String name = path.getFileName() == null ? file : path.getFileName().toString();
        if (format == WorkflowFile.Format.UML) {
            List<Workflow> imported = workflows.importUml(bytes);
            for (Workflow w : imported) {
                ConsoleAudit.record(audit, "workflow-import", "/workflows/" + w.id(), "uml file " + name);
            }
            out.println(imported.size() + (imported.size() == 1 ? " workflow" : " workflows") + " stored from "
                    + name + ", one per state machine:");
            imported.forEach(w -> print(out, w));
            return;
        }
        Workflow w;
        if (format == WorkflowFile.Format.JSON) {
            if (jsonFormat == null) {
                throw new InvalidInputException(WorkflowFile.FIELD,
                        "is Campus JSON, which needs the campus-rest bundle running; DCWorkflow XML needs nothing else");
            }
            w = workflows.create(jsonFormat.read(WorkflowFile.text(bytes)));
        } else {
            w = workflows.importDcWorkflow(bytes);
        }
        ConsoleAudit.record(audit, "workflow-import", "/workflows/" + w.id(),
                (format == WorkflowFile.Format.JSON ? "json" : "dcworkflow") + " file " + name);
        out.println("Workflow " + w.id() + " stored from " + name + ": " + w.definition().title() + " ("
                + w.definition().states().size() + " states, " + w.definition().actions().size() + " actions).");
        printWarnings(out, w);
    }

    private static void print(PrintStream out, Workflow w) {
        out.println("Workflow " + w.id() + ": " + w.definition().title() + " (" + w.definition().states().size()
                + " states, " + w.definition().actions().size() + " actions, initial state "
                + w.definition().initialState() + ").");
        printWarnings(out, w);
    }

    private static void printWarnings(PrintStream out, Workflow w) {
        if (!w.warnings().isEmpty()) {
            out.println("Import warnings:");
            w.warnings().forEach(warning -> out.println("  - " + warning));
        }
    }
}
