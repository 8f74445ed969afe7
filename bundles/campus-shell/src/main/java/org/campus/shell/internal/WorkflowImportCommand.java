package org.campus.shell.internal;

import java.io.PrintStream;
import java.nio.file.Path;
import java.nio.file.Paths;

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
        description = "Stores a workflow from a file: a Plone DCWorkflow definition.xml or a Campus JSON export.",
        detailedDescription = "Usage: campus:workflow-import <file>\n"
                + "A file named *.json, or starting with '{', is read as Campus JSON (what"
                + " campus:workflow-export --format json writes); any other as DCWorkflow XML. At most 5 MiB.")
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
        String name = path.getFileName() == null ? file : path.getFileName().toString();
        ConsoleAudit.record(audit, "workflow-import", "/workflows/" + w.id(),
                (format == WorkflowFile.Format.JSON ? "json" : "dcworkflow") + " file " + name);
        out.println("Workflow " + w.id() + " stored from " + name + ": " + w.definition().title() + " ("
                + w.definition().states().size() + " states, " + w.definition().actions().size() + " actions).");
        if (!w.warnings().isEmpty()) {
            out.println("Import warnings:");
            w.warnings().forEach(warning -> out.println("  - " + warning));
        }
    }
}
