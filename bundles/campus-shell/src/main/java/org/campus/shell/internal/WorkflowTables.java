package org.campus.shell.internal;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.karaf.shell.support.table.ShellTable;
import org.campus.api.workflow.ActionDef;
import org.campus.api.workflow.GuardDef;
import org.campus.api.workflow.HistoryEntry;
import org.campus.api.workflow.MigrationJob;
import org.campus.api.workflow.StateAccess;
import org.campus.api.workflow.StateDef;
import org.campus.api.workflow.Workflow;
import org.campus.api.workflow.WorkflowDefinition;
import org.campus.api.workflow.WorkflowRecord;

/** The console tables of workflows: a list, one workflow's fields, states and actions, a record and its history. */
final class WorkflowTables {

    static final int MAX_TITLE_WIDTH = 50;

    private WorkflowTables() {
    }

    /** One row per workflow, in the given order. */
    static ShellTable list(List<Workflow> workflows) {
        ShellTable table = new ShellTable().emptyTableText("No workflows found.");
        table.column("ID").alignRight();
        table.column("Key");
        table.column("Title").maxSize(MAX_TITLE_WIDTH);
        table.column("Initial state");
        table.column("States").alignRight();
        table.column("Actions").alignRight();
        table.column("Warnings").alignRight();
        table.column("Created");
        workflows.forEach(w -> table.addRow().addContent(listRow(w)));
        return table;
    }

    static List<Object> listRow(Workflow w) {
        WorkflowDefinition d = w.definition();
        return List.of(w.id(), Cells.text(w.key()), Cells.text(d.title()), Cells.text(d.initialState()),
                d.states().size(), d.actions().size(), w.warnings().size(), Cells.time(w.created()));
    }

    /** The workflow's own fields, one per row. */
    static ShellTable details(Workflow w) {
        WorkflowDefinition d = w.definition();
        ShellTable table = new ShellTable();
        table.column("Field");
        table.column("Value").wrap();
        table.addRow().addContent("ID", w.id());
        table.addRow().addContent("Key", Cells.text(w.key()));
        table.addRow().addContent("Version", w.version() + " of family " + w.familyId());
        table.addRow().addContent("Title", Cells.text(d.title()));
        table.addRow().addContent("Description", Cells.text(d.description()));
        table.addRow().addContent("Initial state", Cells.text(d.initialState()));
        table.addRow().addContent("Languages", d.languages().isEmpty() ? "(default titles only)"
                : String.join(", ", d.languages()));
        table.addRow().addContent("Created", Cells.time(w.created()));
        return table;
    }

    /** One row per state: its title in the language asked for, and what the roles may do there. */
    static ShellTable simulation(List<StateAccess> states) {
        ShellTable table = new ShellTable().emptyTableText("No states.");
        table.column("State");
        table.column("Title").maxSize(MAX_TITLE_WIDTH);
        table.column("Permissions");
        table.column("Actions").wrap();
        table.column("As author: permissions");
        table.column("As author: actions").wrap();
        for (StateAccess s : states) {
            table.addRow().addContent(s.state(), Cells.text(s.title()), String.join(", ", s.permissions()),
                    actionTitles(s.actions(), s.actionTitles()), String.join(", ", s.authorPermissions()),
                    actionTitles(s.authorActions(), s.actionTitles()));
        }
        return table;
    }

    /** {@code publish (Veröffentlichen), retract}: each action with its title where that differs from its id. */
    static String actionTitles(List<String> actions, Map<String, String> titles) {
        return actions.stream().map(id -> {
            String title = titles.get(id);
            return title == null || title.equals(id) ? id : id + " (" + title + ")";
        }).collect(Collectors.joining(", "));
    }

    /** One migration job as submitted: the job, what moves, and the records its plan covers by state. */
    static ShellTable migration(MigrationJob m) {
        ShellTable table = new ShellTable();
        table.column("Field");
        table.column("Value").wrap();
        table.addRow().addContent("Job", m.job().id());
        table.addRow().addContent("State", JobTables.state(m.job()));
        table.addRow().addContent("From workflow", m.fromWorkflowId());
        table.addRow().addContent("To workflow", m.toWorkflowId());
        table.addRow().addContent("State map", m.plan().stateMap().entrySet().stream()
                .map(e -> e.getKey() + " -> " + e.getValue()).sorted().collect(Collectors.joining(", ")));
        table.addRow().addContent("Records", m.records());
        table.addRow().addContent("Records by state", m.recordsByState().entrySet().stream()
                .map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining(", ")));
        m.warnings().forEach(w -> table.addRow().addContent("Warning", w));
        return table;
    }

    /** One row per state: who holds which permissions in it. */
    static ShellTable states(WorkflowDefinition d) {
        ShellTable table = new ShellTable().emptyTableText("No states.");
        table.column("State");
        table.column("Title");
        table.column("Initial");
        table.column("Permissions by role").wrap();
        for (StateDef s : d.states()) {
            if (s != null) {
                table.addRow().addContent(Cells.text(s.id()), Cells.text(s.title()),
                        s.id() != null && s.id().equals(d.initialState()) ? "yes" : "", permissions(s.permissions()));
            }
        }
        return table;
    }

    /** {@code author: view, edit; teacher: view}, in the definition's order. */
    static String permissions(Map<String, List<String>> byRole) {
        return byRole.entrySet().stream()
                .map(e -> e.getKey() + ": " + (e.getValue() == null ? "" : String.join(", ", e.getValue())))
                .collect(Collectors.joining("; "));
    }

    /** One row per action: where it goes from and to, and who may perform it. */
    static ShellTable actions(WorkflowDefinition d) {
        ShellTable table = new ShellTable().emptyTableText("No actions.");
        table.column("Action");
        table.column("Title");
        table.column("From");
        table.column("To");
        table.column("Roles");
        table.column("Guard").wrap();
        for (ActionDef a : d.actions()) {
            if (a != null) {
                table.addRow().addContent(Cells.text(a.id()), Cells.text(a.title()), String.join(", ", a.from()),
                        Cells.text(a.to()), String.join(", ", a.roles()), guard(a.guard()));
            }
        }
        return table;
    }

    /** What the guard adds, e.g. {@code roles: manager; author only}; empty for none. */
    static String guard(GuardDef g) {
        StringBuilder s = new StringBuilder();
        if (!g.roles().isEmpty()) {
            s.append("roles: ").append(String.join(", ", g.roles()));
        }
        if (!g.permissions().isEmpty()) {
            s.append(s.length() > 0 ? "; " : "").append("permissions: ").append(String.join(", ", g.permissions()));
        }
        if (g.authorOnly()) {
            s.append(s.length() > 0 ? "; " : "").append("author only");
        }
        if (g.expression() != null && !g.expression().isBlank()) {
            s.append(s.length() > 0 ? "; " : "").append("expression (not evaluated): ").append(g.expression());
        }
        return s.toString();
    }

    /** Every field of one record, one per row. */
    static ShellTable record(WorkflowRecord r) {
        ShellTable table = new ShellTable();
        table.column("Field");
        table.column("Value").wrap();
        table.addRow().addContent("ID", r.id());
        table.addRow().addContent("Workflow", r.workflowId());
        table.addRow().addContent("LMS record", Cells.text(r.lmsRecordId()));
        table.addRow().addContent("Course", Cells.text(r.courseId()));
        table.addRow().addContent("Activity", Cells.text(r.activityId()));
        table.addRow().addContent("Author", Cells.text(r.authorId()));
        table.addRow().addContent("State", Cells.text(r.state()));
        table.addRow().addContent("Visibility", r.visibility().code());
        table.addRow().addContent("Created", Cells.time(r.created()));
        table.addRow().addContent("Modified", Cells.time(r.modified()));
        table.addRow().addContent("Version", r.version());
        return table;
    }

    /** One row per step, oldest first; the creation has no action and no from-state. */
    static ShellTable history(List<HistoryEntry> entries) {
        ShellTable table = new ShellTable().emptyTableText("No history recorded.");
        table.column("Time");
        table.column("Action");
        table.column("From");
        table.column("To");
        table.column("User");
        table.column("Comment").wrap();
        entries.forEach(h -> table.addRow().addContent(historyRow(h)));
        return table;
    }

    static List<Object> historyRow(HistoryEntry h) {
        return List.of(Cells.time(h.time()), h.action() == null ? "(created)" : h.action(), Cells.text(h.from()),
                Cells.text(h.to()), h.actor() == null ? "(erased)" : h.actor().value(), Cells.text(h.comment()));
    }
}
