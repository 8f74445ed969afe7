package org.campus.shell.internal;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.campus.api.InvalidInputException;
import org.campus.api.security.AuditService;
import org.campus.api.workflow.LmsId;
import org.campus.api.workflow.MigrationJob;
import org.campus.api.workflow.RecordMigration;
import org.campus.api.workflow.WorkflowService;

@Service
@Command(scope = "campus", name = "workflow-migrate",
        description = "Starts a job that moves the records of a workflow (optionally of one course or activity) to"
                + " another workflow by a state map; follow it with campus:job-show.",
        detailedDescription = "Usage: campus:workflow-migrate <from> --to <id> --map old=new [--map old=new ...]"
                + " [--course <id>] [--activity <id>]\n"
                + "Every state that has records must be mapped to a state of the target workflow. The job moves the"
                + " records in batches; a record not moved yet goes on in its old workflow.")
public class WorkflowMigrateCommand extends CampusAction {

    @Reference
    WorkflowService workflows;

    @Reference
    AuditService audit;

    @Argument(index = 0, name = "from", description = "The workflow whose records move", required = true)
    @Completion(WorkflowIdCompleter.class)
    long from;

    @Option(name = "--to", aliases = "-t", description = "The workflow the records move to", required = true)
    @Completion(WorkflowIdCompleter.class)
    long to;

    @Option(name = "--map", aliases = "-m", multiValued = true, description = "A state and the state of the target"
            + " workflow it becomes, as old=new; repeat for every state that has records")
    List<String> map;

    @Option(name = "--course", description = "Only the records of this course (an LMS id)")
    String course;

    @Option(name = "--activity", description = "Only the records of this activity (an LMS id)")
    String activity;

    @Override
    protected void run(PrintStream out) {
        Map<String, String> stateMap = stateMap(map);
        MigrationJob m = workflows.migrate(from, new RecordMigration(to, stateMap, lmsId(course), lmsId(activity),
                ConsoleAudit.user()));
        ConsoleAudit.record(audit, "workflow-migrate", "/workflows/" + from + "/migrations",
                "job " + m.job().id() + " moves " + m.records() + " records to workflow " + to);
        out.println("Migration job " + m.job().id() + " queued: " + m.records() + " records of workflow " + from
                + " move to workflow " + to + ".");
        WorkflowTables.migration(m).print(out);
        out.println("Follow it with campus:job-show " + m.job().id() + ".");
    }

    /** {@code old=new} pairs; a pair without {@code =} or with an empty side is refused, naming it. */
    static Map<String, String> stateMap(List<String> pairs) {
        Map<String, String> stateMap = new LinkedHashMap<>();
        if (pairs == null) {
            return stateMap;
        }
        for (String pair : pairs) {
            int eq = pair.indexOf('=');
            if (eq <= 0 || eq == pair.length() - 1) {
                throw new InvalidInputException("map", "'" + pair + "' is not old=new");
            }
            stateMap.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
        }
        return stateMap;
    }

    /** An LMS id as the console takes it: a number when written as one, else text. */
    private static LmsId lmsId(String value) {
        if (value == null) {
            return null;
        }
        return value.matches("[1-9]\\d{0,17}") ? LmsId.of(Long.parseLong(value)) : LmsId.of(value);
    }
}
