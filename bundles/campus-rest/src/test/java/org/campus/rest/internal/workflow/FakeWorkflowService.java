package org.campus.rest.internal.workflow;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.campus.api.ConflictException;
import org.campus.api.ForbiddenException;
import org.campus.api.InvalidInputException;
import org.campus.api.NotFoundException;
import org.campus.api.Page;
import org.campus.api.PageRequest;
import org.campus.api.workflow.ActionDef;
import org.campus.api.workflow.ActionRequest;
import org.campus.api.workflow.ExportFormat;
import org.campus.api.workflow.HistoryEntry;
import org.campus.api.workflow.LmsId;
import org.campus.api.workflow.NewRecord;
import org.campus.api.workflow.RecordAccess;
import org.campus.api.workflow.StateAccess;
import org.campus.api.workflow.StateDef;
import org.campus.api.workflow.Workflow;
import org.campus.api.workflow.WorkflowDefinition;
import org.campus.api.workflow.WorkflowRecord;
import org.campus.api.workflow.Languages;
import org.campus.api.workflow.UnsupportedWorkflowService;

/**
 * An in-memory workflow service that remembers what the resources hand it. It stores definitions
 * as given (no validation) and performs an action when one of the user's roles is among the
 * action's roles.
 */
final class FakeWorkflowService extends UnsupportedWorkflowService {

    static final Instant T0 = Instant.parse("2024-05-01T10:15:30Z");

    final Map<Long, Workflow> workflows = new LinkedHashMap<>();
    final Map<Long, WorkflowRecord> records = new LinkedHashMap<>();
    final Map<Long, List<HistoryEntry>> histories = new LinkedHashMap<>();
    final List<String> calls = new ArrayList<>();
    WorkflowDefinition lastCreated;
    byte[] lastImported;
    NewRecord lastNewRecord;
    ActionRequest lastAction;
    Collection<String> lastRoles;
    LmsId lastUser;
    String lastLanguage;
    private long nextId = 1;

    static WorkflowDefinition review() {
        return WorkflowDefinition.of("Review", null, "draft",
                List.of(StateDef.of("draft", "Draft", null, Map.of("author", List.of("view", "edit"))),
                        StateDef.of("published", "Published", "Everybody sees it", Map.of("student", List.of("view")))),
                List.of(ActionDef.of("publish", "Publish", null, List.of("draft"), "published", List.of("teacher"))));
    }

    private Workflow store(WorkflowDefinition d, String key, List<String> warnings) {
        long id = nextId++;
        Workflow w = new Workflow(id, key, d.withId(Long.toString(id)), warnings, T0);
        workflows.put(id, w);
        return w;
    }

    @Override
    public Workflow create(WorkflowDefinition definition) {
        calls.add("create");
        lastCreated = definition;
        return store(definition, null, List.of());
    }

    @Override
    public Workflow importDcWorkflow(byte[] xml) {
        calls.add("importDcWorkflow");
        lastImported = xml;
        if (new String(xml, StandardCharsets.UTF_8).contains("<!DOCTYPE")) {
            throw new InvalidInputException("body", "must not contain a DOCTYPE declaration");
        }
        return store(review(), "review_workflow", List.of("script 'notify' was dropped"));
    }

    /** Two workflows from any model, as if it held two state machines; a DOCTYPE is refused. */
    @Override
    public List<Workflow> importUml(byte[] model) {
        calls.add("importUml");
        lastImported = model;
        if (new String(model, StandardCharsets.ISO_8859_1).contains("<!DOCTYPE")) {
            throw new InvalidInputException("body", "must not contain a DOCTYPE declaration");
        }
        return List.of(store(review(), "review_workflow", List.of("final state 'done' is imported as a state")),
                store(review(), "second_machine", List.of()));
    }

    @Override
    public Map<String, WorkflowDefinition> templates() {
        return Map.of("review", review());
    }

    @Override
    public Workflow createFromTemplate(String key) {
        calls.add("createFromTemplate");
        if (!key.equals("review")) {
            throw NotFoundException.of("workflow template", key);
        }
        return store(review(), key, List.of());
    }

    @Override
    public Optional<Workflow> find(long id) {
        return Optional.ofNullable(workflows.get(id));
    }

    @Override
    public Page<Workflow> list(PageRequest page) {
        List<Workflow> all = new ArrayList<>(workflows.values());
        java.util.Collections.reverse(all);
        return new Page<>(all.subList(0, Math.min(page.limit(), all.size())), all.size() > page.limit() ? "more" : null);
    }

    @Override
    public String export(long id, ExportFormat format, String language) {
        lastLanguage = language;
        if (language != null && Languages.normalize(language).isEmpty()) {
            throw new InvalidInputException("lang", "is not a language tag");
        }
        Workflow w = find(id).orElseThrow(() -> NotFoundException.of("workflow", id));
        return format.code() + " of " + w.definition().title()
                + (language == null ? "" : " in " + language + ": " + w.definition().localized(language).states().get(0).title());
    }

    @Override
    public List<StateAccess> simulate(long id, Collection<String> roles, String language) {
        lastRoles = roles;
        lastLanguage = language;
        if (language != null && Languages.normalize(language).isEmpty()) {
            throw new InvalidInputException("lang", "is not a language tag");
        }
        Workflow w = find(id).orElseThrow(() -> NotFoundException.of("workflow", id));
        return w.definition().states().stream()
                .map(s -> new StateAccess(s.id(), List.of("view"), List.of(), List.of("view", "edit"), List.of(),
                        s.title(language), Map.of()))
                .toList();
    }

    @Override
    public WorkflowRecord createRecord(NewRecord record) {
        calls.add("createRecord");
        lastNewRecord = record;
        Workflow w = workflows.get(record.workflowId());
        if (w == null) {
            throw new InvalidInputException("workflowId", "names no workflow");
        }
        long id = nextId++;
        WorkflowRecord r = new WorkflowRecord(id, w.id(), record.lmsRecordId(), record.courseId(), record.activityId(),
                record.authorId(), w.definition().initialState(), T0, T0, 0);
        records.put(id, r);
        histories.computeIfAbsent(id, k -> new ArrayList<>())
                .add(new HistoryEntry(1, id, null, record.authorId(), null, r.state(), T0, null));
        return r;
    }

    @Override
    public Optional<WorkflowRecord> findRecord(long id) {
        return Optional.ofNullable(records.get(id));
    }

    @Override
    public RecordAccess access(long recordId, LmsId userId, Collection<String> roles) {
        lastUser = userId;
        lastRoles = roles;
        WorkflowRecord r = findRecord(recordId).orElseThrow(() -> NotFoundException.of("workflow record", recordId));
        boolean author = userId != null && userId.value().equals(r.authorId().value());
        return new RecordAccess(r, author, author ? List.of("view", "edit") : List.of("view"),
                roles.contains("teacher") ? List.of("publish") : List.of());
    }

    @Override
    public WorkflowRecord perform(long recordId, ActionRequest request) {
        calls.add("perform");
        lastAction = request;
        WorkflowRecord r = findRecord(recordId).orElseThrow(() -> NotFoundException.of("workflow record", recordId));
        ActionDef action = workflows.get(r.workflowId()).definition().findAction(request.action())
                .orElseThrow(() -> new InvalidInputException("action", "no such action"));
        if (!action.from().contains(r.state())) {
            throw new ConflictException("not from " + r.state());
        }
        if (action.roles().stream().noneMatch(request.roles()::contains)) {
            throw new ForbiddenException("may not");
        }
        WorkflowRecord moved = new WorkflowRecord(r.id(), r.workflowId(), r.lmsRecordId(), r.courseId(), r.activityId(),
                r.authorId(), action.to(), r.created(), T0.plusSeconds(60), r.version() + 1);
        records.put(recordId, moved);
        histories.get(recordId).add(new HistoryEntry(2, recordId, action.id(), request.userId(), r.state(), action.to(),
                T0.plusSeconds(60), request.comment()));
        return moved;
    }

    @Override
    public List<HistoryEntry> history(long recordId) {
        findRecord(recordId).orElseThrow(() -> NotFoundException.of("workflow record", recordId));
        return histories.get(recordId);
    }
}
