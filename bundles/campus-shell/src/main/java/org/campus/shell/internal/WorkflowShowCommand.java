package org.campus.shell.internal;

import java.io.PrintStream;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.campus.api.NotFoundException;
import org.campus.api.workflow.Workflow;
import org.campus.api.workflow.WorkflowService;

@Service
@Command(scope = "campus", name = "workflow-show",
        description = "Shows one workflow: its states with the permissions of each role, its actions with who may perform them, and its import warnings.")
public class WorkflowShowCommand extends CampusAction {

    @Reference
    WorkflowService workflows;

    @Argument(index = 0, name = "id", description = "The workflow id", required = true)
    @Completion(WorkflowIdCompleter.class)
    long id;

    @Override
    protected void run(PrintStream out) {
        Workflow w = workflows.find(id).orElseThrow(() -> NotFoundException.of("workflow", id));
        WorkflowTables.details(w).print(out);
        out.println();
        out.println("States:");
        WorkflowTables.states(w.definition()).print(out);
        out.println();
        out.println("Actions:");
        WorkflowTables.actions(w.definition()).print(out);
        if (!w.warnings().isEmpty()) {
            out.println();
            out.println("Import warnings:");
            w.warnings().forEach(warning -> out.println("  - " + warning));
        }
    }
}
