package org.campus.core.internal.workflow;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.campus.api.ConflictException;
import org.campus.api.FieldError;
import org.campus.api.ForbiddenException;
import org.campus.api.InvalidInputException;
import org.campus.api.NotFoundException;
import org.campus.api.Page;
import org.campus.api.PageRequest;
import org.campus.api.job.JobService;
import org.campus.api.workflow.ActionDef;
import org.campus.api.workflow.ActionRequest;
import org.campus.api.workflow.BindingChange;
import org.campus.api.workflow.MigrationJob;
import org.campus.api.workflow.NewBinding;
import org.campus.api.workflow.RecordHistory;
import org.campus.api.workflow.RecordMigration;
import org.campus.api.workflow.RecordVisibility;
import org.campus.api.workflow.WorkflowBinding;
import org.campus.api.workflow.WorkflowPermissions;
import org.campus.api.workflow.Worklist;
import org.campus.api.workflow.WorklistQuery;
import org.campus.api.workflow.ExportFormat;
import org.campus.api.workflow.HistoryEntry;
import org.campus.api.workflow.ImportResult;
import org.campus.api.workflow.Languages;
import org.campus.api.workflow.LmsId;
import org.campus.api.workflow.NewRecord;
import org.campus.api.workflow.RecordAccess;
import org.campus.api.workflow.StateAccess;
import org.campus.api.workflow.Workflow;
import org.campus.api.workflow.WorkflowDefinition;
import org.campus.api.workflow.WorkflowRecord;
import org.campus.api.workflow.WorkflowService;
import org.campus.core.internal.db.CampusSchema;
import org.campus.core.internal.db.ChangeScopes;
import org.campus.core.internal.db.Cursors;
import org.campus.core.internal.db.DatabaseException;
import org.campus.core.internal.db.JdbcTransactions;
import org.campus.core.internal.db.StoredText;
import org.campus.core.internal.db.Transactions;
import org.campus.core.internal.event.Events;
import org.campus.core.internal.workflow.mail.MailOutbox;
import org.campus.core.internal.workflow.model.DcWorkflowXml;
import org.campus.core.internal.workflow.model.DotDiagram;
import org.campus.core.internal.workflow.model.MermaidDiagram;
import org.campus.core.internal.workflow.model.PermissionResolver;
import org.campus.core.internal.workflow.model.WorkflowSimulator;
import org.campus.core.internal.workflow.model.WorkflowTemplates;
import org.campus.core.internal.workflow.model.WorkflowValidator;
import org.campus.core.internal.workflow.model.uml.UmlImport;
import org.campus.spi.job.JobExecutor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.apache.aries.jpa.template.JpaTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Workflows are stored once and never changed, as their DCWorkflow XML export, through EclipseLink,
 * and parsed again on read (cached by id: the one cache, of immutable data). Records, their history
 * and their mail are plain JDBC ({@link WorkflowRecordRepository}, {@link MailOutbox}): an action is
 * one transaction. Records carry a version: of two concurrent actions on one record, the second to
 * commit loses with a {@link ConflictException}. Inside a change opened with {@code AuditService.begin}
 * on the thread, a record's creation and an action join that change's transaction and commit with its
 * audit entry ({@link ChangeScopes}); a migration or a record's move commits by itself.
 */
@Component(service = WorkflowService.class)
public class WorkflowServiceImpl implements WorkflowService {

    private static final Logger AUDIT = LoggerFactory.getLogger("campus.audit");
    private static final String WARNING_SEPARATOR = "\n";

    private final Transactions tx;
    private final Events events;
    private final Clock clock;
    private final DcWorkflowXml xml = new DcWorkflowXml();
    private final UmlImport uml = new UmlImport();
    private final WorkflowValidator validator = new WorkflowValidator();
    private final Map<Long, WorkflowDefinition> definitions = new ConcurrentHashMap<>();
    /** One resolver per workflow: definitions never change, and a resolver is immutable. */
    private final Map<Long, PermissionResolver> resolvers = new ConcurrentHashMap<>();
    private final JdbcTransactions jdbc;
    private final WorkflowRecordRepository records = new WorkflowRecordRepository();
    private final MailOutbox outbox = new MailOutbox();
    private final WorkflowScopes scopes;
    private final Worklists worklists;
    /** Tests only: runs inside an action's transaction after the record was read. */
    volatile Runnable afterRecordRead = () -> { };

    /**
     * The migration executor is referenced only so that this service starts after it: a migration's
     * job is submitted only while an executor of its type is registered.
     */
    @Activate
    public WorkflowServiceImpl(@Reference(target = "(osgi.unit.name=campus)") JpaTemplate jpa,
            @Reference Events events, @Reference CampusSchema schema,
            @Reference(target = "(osgi.jndi.service.name=campus)") DataSource dataSource,
            @Reference JobService jobs,
            @Reference(target = "(" + JobExecutor.TYPE + "=" + JOB_TYPE_MIGRATION + ")") JobExecutor migrations,
            @Reference ChangeScopes changes) {
        this(new Transactions(jpa), events, dataSource, jobs, Clock.systemUTC(), changes);
    }

    /**
     * For tests outside OSGi that start no migration. A different arity from the DS constructor, which
     * SCR picks by its parameter count.
     */
    WorkflowServiceImpl(Transactions tx, Events events, DataSource dataSource) {
        this(tx, events, dataSource, null, Clock.systemUTC());
    }

    /** For tests outside OSGi that start no migration, with their clock. */
    WorkflowServiceImpl(Transactions tx, Events events, DataSource dataSource, Clock clock) {
        this(tx, events, dataSource, null, clock);
    }

    /** For tests outside OSGi, with the job service that runs migrations ({@code null}: none). */
    WorkflowServiceImpl(Transactions tx, Events events, DataSource dataSource, JobService jobs, Clock clock) {
        this(tx, events, dataSource, jobs, clock, new ChangeScopes());
    }

    /** For tests outside OSGi whose changes are opened in {@code changes}. */
    WorkflowServiceImpl(Transactions tx, Events events, DataSource dataSource, JobService jobs, Clock clock,
            ChangeScopes changes) {
        this.tx = tx;
        this.events = events;
        // records created and acted on join the thread's change; a migration or a move commits by itself
        this.jdbc = new JdbcTransactions(dataSource, changes);
        this.clock = clock;
        this.scopes = new WorkflowScopes(tx, new JdbcTransactions(dataSource), records, jobs, this::definition,
                this::find, clock);
        this.worklists = new Worklists(jdbc, this::definition);
    }

    // ---- workflows

    @Override
    public Workflow create(WorkflowDefinition definition) {
        if (definition == null) {
            throw new InvalidInputException("body", "a workflow definition is required");
        }
        return store(definition, null, List.of());
    }

    @Override
    public Workflow importDcWorkflow(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw new InvalidInputException("body", "is empty; a DCWorkflow definition.xml is required");
        }
        ImportResult imported = xml.importDefinition(new ByteArrayInputStream(bytes));
        return store(imported.workflow(), imported.workflow().id(), imported.warnings());
    }

    @Override
    public List<Workflow> importUml(byte[] model) {
        List<ImportResult> imported = uml.importModel(model);
        List<String> exported = new ArrayList<>();
        for (ImportResult result : imported) {
            validator.check(result.workflow());
            exported.add(xml.exportDefinition(result.workflow()));
        }
        long now = clock.millis();
        // every machine of the file, or none
        List<WorkflowEntity> stored = tx.write(em -> {
            List<WorkflowEntity> entities = new ArrayList<>();
            for (int i = 0; i < imported.size(); i++) {
                WorkflowDefinition definition = imported.get(i).workflow();
                WorkflowEntity e = newWorkflowEntity(definition, definition.id(), imported.get(i).warnings(),
                        exported.get(i), now);
                e.setVersion(1);
                em.persist(e);
                e.setFamilyId(e.getId());
                entities.add(e);
            }
            return entities;
        });
        stored.forEach(e -> AUDIT.info("workflow {} stored ({}, from UML)", e.getId(), e.getKey()));
        return stored.stream().map(this::toValue).collect(Collectors.toList());
    }

    @Override
    public Map<String, WorkflowDefinition> templates() {
        return WorkflowTemplates.all();
    }

    @Override
    public Workflow createFromTemplate(String key) {
        WorkflowDefinition template = WorkflowTemplates.all().get(key);
        if (template == null) {
            throw NotFoundException.of("workflow template", key);
        }
        return store(template, key, List.of());
    }

    private Workflow store(WorkflowDefinition definition, String key, List<String> warnings) {
        validator.check(definition);
        String exported = xml.exportDefinition(definition);
        long now = clock.millis();
        WorkflowEntity stored = tx.write(em -> {
            WorkflowEntity e = newWorkflowEntity(definition, key, warnings, exported, now);
            e.setVersion(1);
            em.persist(e);
            e.setFamilyId(e.getId()); // the id is assigned on persist; the row is written at commit
            return e;
        });
        AUDIT.info("workflow {} stored ({})", stored.getId(), key);
        return toValue(stored);
    }

    private static WorkflowEntity newWorkflowEntity(WorkflowDefinition definition, String key, List<String> warnings,
            String exported, long now) {
        WorkflowEntity e = new WorkflowEntity();
        e.setKey(truncate(key, 255));
        e.setTitle(truncate(definition.title(), 255));
        e.setDefinitionXml(exported);
        e.setWarnings(warnings.isEmpty() ? null : String.join(WARNING_SEPARATOR, warnings));
        e.setTimeCreated(now);
        return e;
    }

    // ---- versions

    @Override
    public Workflow revise(long workflowId, WorkflowDefinition changed) {
        if (changed == null) {
            throw new InvalidInputException("body", "a workflow definition is required");
        }
        WorkflowEntity base = tx.read(em -> em.find(WorkflowEntity.class, workflowId));
        if (base == null) {
            throw NotFoundException.of("workflow", workflowId);
        }
        validator.check(changed);
        String exported = xml.exportDefinition(changed);
        long now = clock.millis();
        WorkflowEntity stored;
        try {
            stored = tx.write(em -> {
                Number newest = em.createQuery("SELECT MAX(w.version) FROM WorkflowEntity w WHERE w.familyId = :f",
                        Number.class).setParameter("f", base.getFamilyId()).getSingleResult();
                WorkflowEntity e = newWorkflowEntity(changed, base.getKey(), List.of(), exported, now);
                e.setFamilyId(base.getFamilyId());
                e.setVersion((newest == null ? base.getVersion() : newest.intValue()) + 1);
                em.persist(e);
                em.flush(); // a revision racing for the same number fails here, on the unique (family, version)
                return e;
            });
        } catch (RuntimeException e) { // a PersistenceException, perhaps wrapped by the JPA template
            if (!DatabaseException.isConstraintViolation(e)) {
                throw e;
            }
            throw new ConflictException("workflow " + workflowId + " was revised by another request meanwhile; "
                    + "list its versions and retry");
        }
        AUDIT.info("workflow {} revised: version {} of family {} stored as workflow {}", workflowId,
                stored.getVersion(), stored.getFamilyId(), stored.getId());
        return toValue(stored);
    }

    @Override
    public List<Workflow> versions(long workflowId) {
        return tx.read(em -> {
            WorkflowEntity base = em.find(WorkflowEntity.class, workflowId);
            if (base == null) {
                throw NotFoundException.of("workflow", workflowId);
            }
            return em.createQuery("SELECT w FROM WorkflowEntity w WHERE w.familyId = :f ORDER BY w.version",
                    WorkflowEntity.class).setParameter("f", base.getFamilyId()).getResultList().stream()
                    .map(this::toValue).collect(Collectors.toList());
        });
    }

    @Override
    public MigrationJob migrate(long fromWorkflowId, RecordMigration migration) {
        return scopes.migrate(fromWorkflowId, migration);
    }

    @Override
    public WorkflowRecord moveRecord(long recordId, long workflowId, String state, Map<String, String> stateMap,
            String actor) {
        return scopes.moveRecord(recordId, workflowId, state, stateMap, actor);
    }

    // ---- bindings and worklists

    @Override
    public BindingChange bind(NewBinding binding) {
        return scopes.bind(binding);
    }

    @Override
    public List<WorkflowBinding> bindings(LmsId courseId, LmsId activityId) {
        return scopes.bindings(courseId, activityId);
    }

    @Override
    public Optional<WorkflowBinding> effectiveBinding(LmsId courseId, LmsId activityId) {
        return scopes.effective(courseId, activityId);
    }

    @Override
    public Worklist worklist(WorklistQuery query, PageRequest page) {
        return worklists.worklist(query, page);
    }

    @Override
    public Optional<Workflow> find(long id) {
        return tx.read(em -> Optional.ofNullable(em.find(WorkflowEntity.class, id)).map(this::toValue));
    }

    @Override
    public Page<Workflow> list(PageRequest page) {
        Cursors.Position after = Cursors.decode(page.cursor());
        List<WorkflowEntity> rows = tx.read(em -> {
            var q = em.createQuery("SELECT w FROM WorkflowEntity w"
                    + (after == null ? "" : " WHERE w.timeCreated <= :t AND (w.timeCreated < :t OR w.id < :id)")
                    + " ORDER BY w.timeCreated DESC, w.id DESC", WorkflowEntity.class);
            if (after != null) {
                q.setParameter("t", after.time()).setParameter("id", after.id());
            }
            return q.setMaxResults(page.limit() + 1).getResultList();
        });
        boolean more = rows.size() > page.limit();
        List<Workflow> items = rows.stream().limit(page.limit()).map(this::toValue).collect(Collectors.toList());
        Workflow last = more ? items.get(items.size() - 1) : null;
        return new Page<>(items, last == null ? null : Cursors.after(last.created().toEpochMilli(), last.id()));
    }

    @Override
    public Optional<WorkflowDefinition> findDefinition(long id) {
        try {
            return Optional.of(definition(id));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    @Override
    public String export(long id, ExportFormat format, String language) {
        String tag = language(language);
        WorkflowDefinition definition = definition(id);
        return switch (format) {
            case DCWORKFLOW -> xml.exportDefinition(withKey(id, definition));
            case MERMAID -> new MermaidDiagram().render(definition.localized(tag));
            case DOT -> new DotDiagram().render(definition.localized(tag));
        };
    }

    /** The tag in its normal form; {@code null} for none. */
    private static String language(String language) {
        if (language == null) {
            return null;
        }
        return Languages.normalize(language).orElseThrow(() -> new InvalidInputException("lang",
                "is not a language tag (BCP 47, such as de or pt-BR, at most " + Languages.MAX_TAG_LENGTH
                        + " characters)"));
    }

    /** DCWorkflow export names the workflow by the key it came with, where there is one. */
    private WorkflowDefinition withKey(long id, WorkflowDefinition definition) {
        String key = tx.read(em -> em.find(WorkflowEntity.class, id).getKey());
        return key == null ? definition : definition.withId(key);
    }

    @Override
    public List<StateAccess> simulate(long id, Collection<String> roles, String language) {
        String tag = language(language);
        return new WorkflowSimulator().simulate(definition(id), roles, tag);
    }

    WorkflowDefinition definition(long id) {
        WorkflowDefinition cached = definitions.get(id);
        if (cached != null) {
            return cached;
        }
        WorkflowEntity e = tx.read(em -> em.find(WorkflowEntity.class, id));
        if (e == null) {
            throw NotFoundException.of("workflow", id);
        }
        return toValue(e).definition();
    }

    private Workflow toValue(WorkflowEntity e) {
        WorkflowDefinition definition = definitions.computeIfAbsent(e.getId(),
                id -> xml.importDefinition(e.getDefinitionXml()).workflow().withId(Long.toString(id)));
        List<String> warnings = e.getWarnings() == null ? List.of()
                : Arrays.asList(e.getWarnings().split(WARNING_SEPARATOR));
        return new Workflow(e.getId(), e.getKey(), e.getFamilyId(), e.getVersion(), definition, warnings,
                Instant.ofEpochMilli(e.getTimeCreated()));
    }

    // ---- records

    @Override
    public WorkflowRecord createRecord(NewRecord record) {
        List<FieldError> errors = new ArrayList<>();
        checkId(errors, "lmsRecordId", record.lmsRecordId());
        checkId(errors, "courseId", record.courseId());
        checkId(errors, "activityId", record.activityId());
        checkId(errors, "authorId", record.authorId());
        Long workflowId = record.workflowId();
        if (workflowId == null && errors.isEmpty()) {
            workflowId = effectiveBinding(record.courseId(), record.activityId()).map(WorkflowBinding::workflowId)
                    .orElse(null);
            if (workflowId == null) {
                errors.add(new FieldError("workflowId", "is required: no workflow is bound to the activity, "
                        + "its course or globally"));
            }
        }
        WorkflowDefinition definition = null;
        if (workflowId != null) {
            try {
                definition = definition(workflowId);
            } catch (NotFoundException e) {
                errors.add(new FieldError("workflowId", "names no workflow"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        long resolvedWorkflowId = workflowId;
        String initial = definition.initialState();
        long now = clock.millis();
        WorkflowRecord created = jdbc.write("storing a workflow record",
                c -> records.insert(c, resolvedWorkflowId, record, initial, now));
        AUDIT.debug("workflow record {} created in workflow {} by {}", created.id(), created.workflowId(),
                created.authorId());
        events.post(TOPIC_RECORD_CREATED, "id", created.id(), "workflowId", created.workflowId(),
                "state", created.state(), "courseId", created.courseId().value(),
                "authorId", created.authorId().value());
        return created;
    }

    private static void checkId(List<FieldError> errors, String field, LmsId id) {
        if (id == null || id.value().isBlank()) {
            errors.add(new FieldError(field, "is required"));
        } else if (id.value().length() > LmsId.MAX_LENGTH) {
            errors.add(new FieldError(field, "is longer than " + LmsId.MAX_LENGTH + " characters"));
        } else if (StoredText.hasControl(id.value())) {
            errors.add(new FieldError(field, "must not contain control characters"));
        }
    }

    @Override
    public Optional<WorkflowRecord> findRecord(long id) {
        return jdbc.read("reading a workflow record", c -> records.find(c, id));
    }

    @Override
    public RecordAccess access(long recordId, LmsId userId, Collection<String> roles) {
        WorkflowRecord record = findRecord(recordId).orElseThrow(() -> NotFoundException.of("workflow record", recordId));
        PermissionResolver resolver = resolver(record.workflowId(), definition(record.workflowId()));
        boolean author = userId != null && userId.value().equals(record.authorId().value());
        List<String> permissions = new ArrayList<>(resolver.effectivePermissions(record.state(), roles, author));
        List<String> actions = resolver.allowedActions(record.state(), roles, author).stream().map(ActionDef::id)
                .collect(Collectors.toList());
        switch (record.visibility()) {
            case VIEW_ONLY -> {
                permissions.retainAll(List.of(WorkflowPermissions.VIEW));
                actions.clear();
            }
            case HIDDEN -> {
                permissions.clear();
                if (author) {
                    permissions.add(WorkflowPermissions.VIEW);
                }
                actions.clear();
            }
            default -> { }
        }
        return new RecordAccess(record, author, permissions, actions);
    }

    @Override
    public WorkflowRecord perform(long recordId, ActionRequest request) {
        List<FieldError> errors = new ArrayList<>();
        if (request.action() == null || request.action().isBlank()) {
            errors.add(new FieldError("action", "is required"));
        }
        checkId(errors, "userId", request.userId());
        if (request.comment() != null && request.comment().length() > ActionRequest.MAX_COMMENT_LENGTH) {
            errors.add(new FieldError("comment", "is longer than " + ActionRequest.MAX_COMMENT_LENGTH + " characters"));
        } else if (StoredText.hasNul(request.comment())) {
            errors.add(new FieldError("comment", "must not contain NUL characters"));
        }
        for (int i = 0; i < request.roles().size(); i++) {
            if (request.roles().get(i) == null || request.roles().get(i).isBlank()) {
                errors.add(new FieldError("roles[" + i + "]", "must not be blank"));
            }
        }
        errors.addAll(MailOutbox.checkRequest(request));
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        long now = clock.millis();
        Performed done = jdbc.write("performing an action", c -> {
            WorkflowRecord before = records.find(c, recordId)
                    .orElseThrow(() -> NotFoundException.of("workflow record", recordId));
            afterRecordRead.run();
            ActionDef action = checkAction(before.id(), before.workflowId(), before.state(), before.authorId().value(),
                    before.visibility().ordinal(), request);
            WorkflowRecordRepository.Moved moved = records.move(c, before, action.to(), action.id(),
                    request.userId(), request.comment(), now);
            // notification mails: outbox rows in this transaction, sent by WorkflowMailSender after the commit
            int mails = action.notifications().isEmpty() ? 0 : outbox.enqueue(c, definition(before.workflowId()),
                    action, moved.record(), moved.historyId(), before.state(), request, now);
            return new Performed(moved.record(), before.state(), action.id(), mails);
        });
        return performed(recordId, request, done.from(), done.action(), done.record(), done.mails());
    }

    /** What an action did: the record as changed, the state it left, the action, the mails it queued. */
    private record Performed(WorkflowRecord record, String from, String action, int mails) {
    }

    /** The action the request names, when the user may perform it on the record as read; throws otherwise. */
    private ActionDef checkAction(long recordId, long workflowId, String from, String authorId, int visibility,
            ActionRequest request) {
        WorkflowDefinition definition = definition(workflowId);
        ActionDef action = definition.findAction(request.action()).orElseThrow(() -> new InvalidInputException(
                "action", "workflow " + workflowId + " defines no action '" + request.action() + "'"));
        if (visibility != RecordVisibility.VISIBLE.ordinal()) {
            throw new ForbiddenException("record " + recordId + " is " + RecordVisibility.values()[visibility].code()
                    + " since its activity's workflow changed: nobody may act on it");
        }
        if (!action.from().contains(from)) {
            throw new ConflictException("record " + recordId + " is in state '" + from + "'; action '"
                    + action.id() + "' starts only from " + action.from());
        }
        boolean author = request.userId().value().equals(authorId);
        if (!resolver(workflowId, definition).mayPerform(action.id(), from, request.roles(), author)) {
            throw new ForbiddenException("roles " + request.roles() + (author ? " (as the author)" : "")
                    + " may not perform '" + action.id() + "' in state '" + from + "'");
        }
        return action;
    }

    private PermissionResolver resolver(long workflowId, WorkflowDefinition definition) {
        PermissionResolver cached = resolvers.get(workflowId);
        if (cached == null || cached.definition() != definition) {
            cached = new PermissionResolver(definition);
            resolvers.put(workflowId, cached);
        }
        return cached;
    }

    private WorkflowRecord performed(long recordId, ActionRequest request, String from, String actionId,
            WorkflowRecord changed, int mails) {
        // debug, like a share's creation: every action is already in the record's history and the
        // audit trail; an INFO line per action would write LMS user ids into karaf.log at request rate
        AUDIT.debug("workflow record {}: '{}' by user {} moved it from {} to {}", recordId, actionId,
                request.userId().value(), from, changed.state());
        events.post(TOPIC_ACTION_PERFORMED, "id", changed.id(), "workflowId", changed.workflowId(),
                "action", actionId, "from", from, "to", changed.state(), "userId", request.userId().value(),
                "courseId", changed.courseId().value(), "mails", mails);
        return changed;
    }

    @Override
    public List<HistoryEntry> history(long recordId) {
        List<HistoryEntry> history = jdbc.read("reading a workflow record's history",
                c -> records.history(c, recordId));
        if (history.isEmpty()) { // every record has its creation entry
            throw NotFoundException.of("workflow record", recordId);
        }
        return history;
    }

    @Override
    public Page<RecordHistory> activityRecords(LmsId courseId, LmsId activityId, PageRequest page) {
        List<FieldError> errors = new ArrayList<>();
        checkId(errors, "courseId", courseId);
        checkId(errors, "activityId", activityId);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        Long cursor = Cursors.decodeId(page.cursor());
        return jdbc.read("reading an activity's workflow records", c -> {
            List<WorkflowRecord> rows = records.ofActivity(c, courseId.value(), activityId.value(),
                    cursor == null ? 0L : cursor, page.limit() + 1);
            boolean more = rows.size() > page.limit();
            List<WorkflowRecord> pageRows = more ? rows.subList(0, page.limit()) : rows;
            Map<Long, List<HistoryEntry>> histories = records.histories(c,
                    pageRows.stream().map(WorkflowRecord::id).collect(Collectors.toList()));
            List<RecordHistory> items = pageRows.stream().map(r -> new RecordHistory(r,
                    histories.getOrDefault(r.id(), List.of()))).collect(Collectors.toList());
            return new Page<>(items, more ? Cursors.afterId(pageRows.get(pageRows.size() - 1).id()) : null);
        });
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

}
