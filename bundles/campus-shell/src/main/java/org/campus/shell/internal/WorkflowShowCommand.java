package org.campus.shell.internal;

import java.io.PrintStream;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.campus.api.InvalidInputException;
import org.campus.api.NotFoundException;
import org.campus.api.workflow.Languages;
import org.campus.api.workflow.Workflow;
import org.campus.api.workflow.WorkflowService;

@Service
@Command(scope = "campus", name = "workflow-show",
        description = "Shows one workflow: its states with the permissions of each role, its actions with who may perform them, the languages its titles are in, and its import warnings.")
public class WorkflowShowCommand extends CampusAction {

    @Reference
    WorkflowService workflows;

    @Argument(index = 0, name = "id", description = "The workflow id", required = true)
    @Completion(WorkflowIdCompleter.class)
    long id;

    @Option(name = "--lang", aliases = "-l", description = "Show the titles of states and actions in this language"
            + " (a tag such as de or pt-BR; untranslated ones keep their default title)")
    String lang;

    @Override
    protected void run(PrintStream out) {
        String language = lang == null ? null : Languages.normalize(lang).orElseThrow(() ->
                new InvalidInputException("lang", "is not a language tag (BCP 47, such as de or pt-BR)"));
        Workflow w = workflows.find(id).orElseThrow(() -> NotFoundException.of("workflow", id));
        WorkflowTables.details(w).print(out);
        out.println();
        out.println("States" + (language == null ? "" : " (titles in " + language + ")") + ":");
        WorkflowTables.states(w.definition().localized(language)).print(out);
        out.println();
        out.println("Actions" + (language == null ? "" : " (titles in " + language + ")") + ":");
        WorkflowTables.actions(w.definition().localized(language)).print(out);
        if (!w.warnings().isEmpty()) {
            out.println();
            out.println("Import warnings:");
            w.warnings().forEach(warning -> out.println("  - " + warning));
        }
    }
}
