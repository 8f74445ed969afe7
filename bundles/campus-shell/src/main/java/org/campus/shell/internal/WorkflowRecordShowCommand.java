package org.campus.shell.internal;

import java.io.PrintStream;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.campus.api.NotFoundException;
import org.campus.api.workflow.WorkflowRecord;
import org.campus.api.workflow.WorkflowService;

@Service
@Command(scope = "campus", name = "workflow-record-show",
        description = "Shows one workflow record, the state it is in, and its history, oldest first.")
public class WorkflowRecordShowCommand extends CampusAction {

    @Reference
    WorkflowService workflows;

    @Argument(index = 0, name = "id", description = "The workflow record id", required = true)
    long id;

    @Override
    protected void run(PrintStream out) {
        WorkflowRecord r = workflows.findRecord(id).orElseThrow(() -> NotFoundException.of("workflow record", id));
        WorkflowTables.record(r).print(out);
        out.println();
        out.println("History:");
        WorkflowTables.history(workflows.history(id)).print(out);
    }
}
