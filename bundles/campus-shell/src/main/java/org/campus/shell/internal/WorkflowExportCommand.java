package org.campus.shell.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.FileCompleter;
import org.campus.api.InvalidInputException;
import org.campus.api.NotFoundException;
import org.campus.api.workflow.ExportFormat;
import org.campus.api.workflow.Workflow;
import org.campus.api.workflow.WorkflowJsonFormat;
import org.campus.api.workflow.WorkflowService;

@Service
@Command(scope = "campus", name = "workflow-export",
        description = "Prints a workflow, or writes it to a new file: Campus JSON (default), DCWorkflow XML, Mermaid or DOT.")
public class WorkflowExportCommand extends CampusAction {

    static final String FORMATS = "json, dcworkflow, mermaid, dot";

    @Reference
    WorkflowService workflows;

    /** Registered by the HTTP API bundle, which owns the JSON mapping; only the JSON format needs it. */
    @Reference(optional = true)
    WorkflowJsonFormat jsonFormat;

    @Argument(index = 0, name = "id", description = "The workflow id", required = true)
    @Completion(WorkflowIdCompleter.class)
    long id;

    @Option(name = "--format", aliases = "-f", description = "json (default), dcworkflow, mermaid or dot")
    @Completion(value = org.apache.karaf.shell.support.completers.StringsCompleter.class,
            values = {"json", "dcworkflow", "mermaid", "dot"})
    String format = "json";

    @Option(name = "--lang", aliases = "-l", description = "mermaid and dot: label states and actions with their"
            + " titles in this language (a tag such as de or pt-BR; untranslated ones keep their default title)")
    String lang;

    @Option(name = "--output", aliases = "-o", description = "Write to this file instead of printing; it must not exist")
    @Completion(FileCompleter.class)
    String output;

    @Option(name = "--force", description = "With --output: replace the file if it exists")
    boolean force;

    @Override
    protected void run(PrintStream out) {
        String text = export();
        if (output == null) {
            out.print(text.endsWith("\n") ? text : text + "\n");
            return;
        }
        Path path = Paths.get(output);
        try {
            if (force) {
                Files.writeString(path, text, StandardCharsets.UTF_8);
            } else {
                Files.writeString(path, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE);
            }
        } catch (FileAlreadyExistsException e) {
            throw new InvalidInputException("output", path + " exists; add --force to replace it");
        } catch (IOException e) {
            throw new InvalidInputException("output", path + " cannot be written: " + e.getMessage());
        }
        out.println("Workflow " + id + " written to " + path + " (" + format.toLowerCase(Locale.ROOT) + ", "
                + text.getBytes(StandardCharsets.UTF_8).length + " bytes).");
    }

    private String export() {
        if ("json".equalsIgnoreCase(format)) {
            Workflow w = workflows.find(id).orElseThrow(() -> NotFoundException.of("workflow", id));
            if (jsonFormat == null) {
                throw new InvalidInputException("format", "json needs the campus-rest bundle running; try dcworkflow");
            }
            return jsonFormat.write(w.definition());
        }
        ExportFormat f = ExportFormat.fromCode(format)
                .orElseThrow(() -> new InvalidInputException("format", "must be one of " + FORMATS));
        return workflows.export(id, f, f == ExportFormat.DCWORKFLOW ? null : lang);
    }
}
