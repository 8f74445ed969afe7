package org.campus.shell.internal;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.campus.api.workflow.StateAccess;
import org.campus.api.workflow.WorkflowService;

@Service
@Command(scope = "campus", name = "workflow-simulate",
        description = "Shows what users with some roles could see and do in each state of a workflow, on other"
                + " people's records and on their own, with the titles in a language.")
public class WorkflowSimulateCommand extends CampusAction {

    @Reference
    WorkflowService workflows;

    @Argument(index = 0, name = "id", description = "The workflow id", required = true)
    @Completion(WorkflowIdCompleter.class)
    long id;

    @Option(name = "--roles", aliases = "-r", description = "The roles, comma-separated (e.g. teacher,manager); none"
            + " when absent")
    String roles;

    @Option(name = "--lang", aliases = "-l", description = "The language of the titles (a tag such as de or pt-BR;"
            + " untranslated ones keep their default title)")
    String lang;

    @Override
    protected void run(PrintStream out) {
        List<String> names = new ArrayList<>();
        if (roles != null) {
            for (String role : roles.split(",")) {
                if (!role.isBlank() && !names.contains(role.strip())) {
                    names.add(role.strip());
                }
            }
        }
        List<StateAccess> states = workflows.simulate(id, names, lang);
        out.println("Workflow " + id + " for roles " + (names.isEmpty() ? "(none)" : String.join(", ", names))
                + (lang == null ? "" : ", titles in " + lang) + ":");
        WorkflowTables.simulation(states).print(out);
    }
}
