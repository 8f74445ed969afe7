package org.campus.shell.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.campus.api.CampusException;
import org.campus.api.InvalidInputException;
import org.campus.api.NotFoundException;
import org.campus.api.Page;
import org.campus.api.PageRequest;
import org.campus.api.job.Job;
import org.campus.api.job.JobState;
import org.campus.api.workflow.ActionDef;
import org.campus.api.workflow.Languages;
import org.campus.api.workflow.MigrationJob;
import org.campus.api.workflow.MigrationPlan;
import org.campus.api.workflow.RecordMigration;
import org.campus.api.workflow.StateAccess;
import org.campus.api.workflow.WorkflowService;
import org.campus.api.workflow.ExportFormat;
import org.campus.api.workflow.GuardDef;
import org.campus.api.workflow.HistoryEntry;
import org.campus.api.workflow.LmsId;
import org.campus.api.workflow.NewRecord;
import org.campus.api.workflow.StateDef;
import org.campus.api.workflow.Workflow;
import org.campus.api.workflow.WorkflowDefinition;
import org.campus.api.workflow.WorkflowJsonFormat;
import org.campus.api.workflow.WorkflowRecord;
import org.campus.api.workflow.UnsupportedWorkflowService;

/** An in-memory workflow service that records what commands ask of it; only what the commands use works. */
final class FakeWorkflowService extends UnsupportedWorkflowService {

    static final Instant T0 = Instant.parse("2024-05-01T10:15:30.123Z");

    final Map<Long, Workflow> workflows = new LinkedHashMap<>();
    final Map<Long, WorkflowRecord> records = new LinkedHashMap<>();
    final List<String> calls = new ArrayList<>();
    PageRequest lastPage;
    CampusException failure;
    private long nextId = 1;

    static WorkflowDefinition review() {
        return WorkflowDefinition.of("Review", "Drafts get reviewed", "draft",
                List.of(StateDef.of("draft", "Draft", null, Map.of("author", List.of("view", "edit"))),
                        StateDef.of("published", "Published", null, Map.of("student", List.of("view")))),
                List.of(new ActionDef("publish", "Publish", null, List.of("draft"), "published", List.of("teacher"),
                        new GuardDef(List.of("manager"), List.of(), "python:True", false), null)));
    }

    Workflow add(WorkflowDefinition d, String key, List<String> warnings) {
        long id = nextId++;
        Workflow w = new Workflow(id, key, d.withId(Long.toString(id)), warnings, T0.plusSeconds(id));
        workflows.put(id, w);
        return w;
    }

    private void failIfAsked() {
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public Workflow create(WorkflowDefinition definition) {
        calls.add("create " + definition.title());
        return add(definition, null, List.of());
    }

    @Override
    public Workflow importDcWorkflow(byte[] xml) {
        String text = new String(xml, StandardCharsets.UTF_8);
        calls.add("importDcWorkflow");
        if (!text.contains("<dc-workflow")) {
            throw new InvalidInputException("body", "is not a DCWorkflow definition");
        }
        return add(review(), "imported", List.of("script 'notify' was dropped"));
    }

    /** Two workflows from any model, as if it held two state machines. */
    @Override
    public List<Workflow> importUml(byte[] model) {
        calls.add("importUml " + model.length);
        return List.of(add(review(), "first_machine", List.of("final state 'done' is imported as a state")),
                add(review(), "second_machine", List.of()));
    }

    @Override
    public Map<String, WorkflowDefinition> templates() {
        return Map.of();
    }

    @Override
    public Workflow createFromTemplate(String key) {
        throw NotFoundException.of("workflow template", key);
    }

    @Override
    public Optional<Workflow> find(long id) {
        failIfAsked();
        return Optional.ofNullable(workflows.get(id));
    }

    @Override
    public Page<Workflow> list(PageRequest page) {
        failIfAsked();
        lastPage = page;
        List<Workflow> all = new ArrayList<>(workflows.values());
        java.util.Collections.reverse(all);
        boolean more = all.size() > page.limit();
        return new Page<>(all.subList(0, Math.min(page.limit(), all.size())), more ? "next-cursor" : null);
    }

    @Override
    public String export(long id, ExportFormat format, String language) {
        Workflow w = find(id).orElseThrow(() -> NotFoundException.of("workflow", id));
        return format.code() + " of " + w.definition().title() + (language == null ? ""
                : " in " + language + ": " + w.definition().localized(language).states().get(0).title());
    }

    /** The review workflow's access, titled in the language; an ill-formed tag is refused as the service does. */
    @Override
    public List<StateAccess> simulate(long id, Collection<String> roles, String language) {
        calls.add("simulate " + roles + " " + language);
        if (language != null && Languages.normalize(language).isEmpty()) {
            throw new InvalidInputException("lang", "is not a language tag");
        }
        Workflow w = find(id).orElseThrow(() -> NotFoundException.of("workflow", id));
        WorkflowDefinition d = w.definition();
        return d.states().stream().map(s -> {
            List<String> actions = d.actions().stream().filter(a -> a.from().contains(s.id())).map(ActionDef::id)
                    .toList();
            Map<String, String> titles = new LinkedHashMap<>();
            d.actions().stream().filter(a -> actions.contains(a.id())).forEach(a -> titles.put(a.id(), a.title(language)));
            return new StateAccess(s.id(), List.of("view"), actions, List.of("view", "edit"), actions,
                    s.title(language), titles);
        }).toList();
    }

    /** Queues nothing: answers with a queued job covering two records in each mapped state. */
    @Override
    public MigrationJob migrate(long fromWorkflowId, RecordMigration migration) {
        calls.add("migrate " + fromWorkflowId + " " + migration);
        failIfAsked();
        if (migration.stateMap().isEmpty()) {
            throw new InvalidInputException("stateMap.draft", "is not mapped to a state of the target");
        }
        Map<String, Long> byState = new java.util.TreeMap<>();
        migration.stateMap().keySet().forEach(state -> byState.put(state, 2L));
        Job job = new Job(77, WorkflowService.JOB_TYPE_MIGRATION, migration.actor(), JobState.QUEUED, 0, 0, 0, null,
                null, 1, 0, null, false, null, Map.of(), T0, T0, null, null, null, null);
        return new MigrationJob(job, fromWorkflowId, migration.toWorkflowId(), MigrationPlan.of(migration.stateMap()),
                2L * byState.size(), byState, List.of());
    }

    @Override
    public WorkflowRecord createRecord(NewRecord record) {
        long id = nextId++;
        WorkflowRecord r = new WorkflowRecord(id, record.workflowId(), record.lmsRecordId(), record.courseId(),
                record.activityId(), record.authorId(), "draft", T0, T0.plusSeconds(90), 1);
        records.put(id, r);
        return r;
    }

    @Override
    public Optional<WorkflowRecord> findRecord(long id) {
        return Optional.ofNullable(records.get(id));
    }

    @Override
    public List<HistoryEntry> history(long recordId) {
        WorkflowRecord r = findRecord(recordId).orElseThrow(() -> NotFoundException.of("workflow record", recordId));
        return List.of(new HistoryEntry(1, recordId, null, r.authorId(), null, "draft", T0, null),
                new HistoryEntry(2, recordId, "publish", LmsId.of(7), "draft", "published", T0.plusSeconds(90),
                        "looks good"),
                new HistoryEntry(3, recordId, "retract", null, "published", "draft", T0.plusSeconds(120), null));
    }

    /** The JSON format as the HTTP API bundle registers it, reduced to a title on a line of its own. */
    static final class Json implements WorkflowJsonFormat {
        @Override
        public String write(WorkflowDefinition definition) {
            return "{\"title\": \"" + definition.title() + "\"}";
        }

        @Override
        public WorkflowDefinition read(String json) {
            if (!json.contains("\"title\"")) {
                throw new InvalidInputException("title", "is required");
            }
            return review();
        }
    }
}
