package org.campus.shell.internal;

import java.io.PrintStream;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.campus.api.Page;
import org.campus.api.PageRequest;
import org.campus.api.workflow.Workflow;
import org.campus.api.workflow.WorkflowService;

@Service
@Command(scope = "campus", name = "workflow-list", description = "Lists workflows, newest first, one page at a time.")
public class WorkflowListCommand extends CampusAction {

    @Reference
    WorkflowService workflows;

    @Option(name = "--limit", aliases = "-n", description = "How many workflows to list (1 to 500)")
    int limit = PageRequest.DEFAULT_LIMIT;

    @Option(name = "--cursor", description = "Where to continue, as printed after the previous page")
    String cursor;

    @Override
    protected void run(PrintStream out) {
        Page<Workflow> page = workflows.list(new PageRequest(limit, cursor));
        WorkflowTables.list(page.items()).print(out);
        if (page.next() != null) {
            out.println("Next cursor: " + page.next());
        }
    }
}
