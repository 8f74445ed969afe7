package org.campus.shell.internal;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.apache.karaf.shell.support.table.ShellTable;
import org.campus.api.job.Job;
import org.campus.api.job.JobLogEntry;

/** The console tables of the job engine: a list of jobs, one job's fields, a job's log. */
final class JobTables {

    static final int MAX_REASON_WIDTH = 60;
    static final int MAX_MESSAGE_WIDTH = 100;

    private JobTables() {
    }

    /** One row per job, in the given order. */
    static ShellTable list(List<Job> jobs) {
        ShellTable table = new ShellTable().emptyTableText("No jobs found.");
        table.column("ID").alignRight();
        table.column("Type");
        table.column("Owner");
        table.column("State");
        table.column("Progress").alignRight();
        table.column("Attempt").alignRight();
        table.column("Created");
        table.column("Reason").maxSize(MAX_REASON_WIDTH);
        jobs.forEach(j -> table.addRow().addContent(j.id(), j.type(), j.owner(), state(j), j.progress() + "%",
                j.attempt(), Cells.time(j.created()), Cells.text(j.reason())));
        return table;
    }

    /** A job's state, marked when a cancel waits for the job's next check. */
    static String state(Job job) {
        return job.state().code() + (job.cancelRequested() && !job.state().isEnded() ? " (cancelling)" : "");
    }

    /** Every field of one job, one per row. */
    static ShellTable details(Job j) {
        ShellTable table = new ShellTable();
        table.column("Field");
        table.column("Value").wrap().maxSize(MAX_MESSAGE_WIDTH);
        table.addRow().addContent("ID", j.id());
        table.addRow().addContent("Type", j.type());
        table.addRow().addContent("Owner", j.owner());
        table.addRow().addContent("State", state(j));
        table.addRow().addContent("Progress", j.progress() + "%" + (j.stepsTotal() > 0
                ? " (" + j.stepsDone() + " of " + j.stepsTotal() + " steps)" : ""));
        table.addRow().addContent("Current step", Cells.text(j.currentStep()));
        table.addRow().addContent("Last finished step", Cells.text(j.checkpoint()));
        table.addRow().addContent("Estimated end", Cells.time(j.estimatedEnd()));
        table.addRow().addContent("Attempt", j.attempt() + (j.failedAttempts() > 0
                ? " (" + j.failedAttempts() + " failed)" : ""));
        table.addRow().addContent("Node", Cells.text(j.node()));
        table.addRow().addContent("Parameters", parameters(j.parameters()));
        table.addRow().addContent("Created", Cells.time(j.created()));
        table.addRow().addContent("Due", Cells.time(j.due()));
        table.addRow().addContent("Started", Cells.time(j.started()));
        table.addRow().addContent("Ended", Cells.time(j.ended()));
        table.addRow().addContent("Last heartbeat", Cells.time(j.lastHeartbeat()));
        table.addRow().addContent("Reason", Cells.text(j.reason()));
        return table;
    }

    static String parameters(Map<String, String> parameters) {
        return new TreeMap<>(parameters).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", "));
    }

    /** One row per log entry, oldest first. */
    static ShellTable log(List<JobLogEntry> entries) {
        ShellTable table = new ShellTable().emptyTableText("No log entries.");
        table.column("Time");
        table.column("Level");
        table.column("Attempt").alignRight();
        table.column("Message").wrap().maxSize(MAX_MESSAGE_WIDTH);
        entries.forEach(e -> table.addRow().addContent(Cells.time(e.time()), e.level().code(),
                e.attempt() == 0 ? "" : Integer.toString(e.attempt()), e.message()));
        return table;
    }
}
