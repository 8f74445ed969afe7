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

import java.sql.SQLException;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.PersistenceException;
import javax.sql.DataSource;

import org.campus.api.ConflictException;
import org.campus.api.FieldError;
import org.campus.api.ForbiddenException;
import org.campus.api.InvalidInputException;
import org.campus.api.NotFoundException;
import org.campus.api.Page;
import org.campus.api.PageRequest;
import org.campus.api.workflow.ActionDef;
import org.campus.api.workflow.ActionRequest;
import org.campus.api.workflow.BindingChange;
import org.campus.api.workflow.MigrationResult;
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
import org.campus.api.workflow.LmsId;
import org.campus.api.workflow.NewRecord;
import org.campus.api.workflow.RecordAccess;
import org.campus.api.workflow.StateAccess;
import org.campus.api.workflow.Workflow;
import org.campus.api.workflow.WorkflowDefinition;
import org.campus.api.workflow.WorkflowRecord;
import org.campus.api.workflow.WorkflowService;
import org.campus.core.internal.db.CampusSchema;
import org.campus.core.internal.db.Cursors;
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
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.apache.aries.jpa.template.JpaTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Workflows are stored once and never changed, as their DCWorkflow XML export, and parsed again on
 * read (cached by id). Records carry a {@code @Version}: of two concurrent actions on one record,
 * the second to commit loses with a {@link ConflictException}.
 */
@Component(service = WorkflowService.class)
public class WorkflowServiceImpl implements WorkflowService {

    private static final Logger AUDIT = LoggerFactory.getLogger("campus.audit");
    private static final String WARNING_SEPARATOR = "\n";

    private final Transactions tx;
    private final Events events;
    private final Clock clock;
    private final DcWorkflowXml xml = new DcWorkflowXml();
    private final WorkflowValidator validator = new WorkflowValidator();
    private final Map<Long, WorkflowDefinition> definitions = new ConcurrentHashMap<>();
    /** One resolver per workflow: definitions never change, and a resolver is immutable. */
    private final Map<Long, PermissionResolver> resolvers = new ConcurrentHashMap<>();
    private final WorkflowRecordRows rows;
    private volatile EntityManagerFactory emf;
    private final WorkflowScopes scopes;
    private final Worklists worklists;
    /** Tests only: runs inside an action's transaction after the record was read. */
    volatile Runnable afterRecordRead = () -> { };

    @Activate
    public WorkflowServiceImpl(@Reference(target = "(osgi.unit.name=campus)") JpaTemplate jpa,
            @Reference Events events, @Reference CampusSchema schema,
            @Reference(target = "(osgi.jndi.service.name=campus)") DataSource dataSource) {
        this(new Transactions(jpa), events, dataSource);
    }

    /** For tests outside OSGi. A different arity from the DS constructor, which SCR picks by its parameter count. */
    WorkflowServiceImpl(Transactions tx, Events events, DataSource dataSource) {
        this.tx = tx;
        this.events = events;
        this.rows = new WorkflowRecordRows(dataSource);
        this.clock = Clock.systemUTC();
        this.scopes = new WorkflowScopes(tx, this::definition, clock);
        this.worklists = new Worklists(tx, this::definition);
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
            if (!WorkflowScopes.isConstraintViolation(e)) {
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
    public MigrationResult migrate(long fromWorkflowId, RecordMigration migration) {
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
        Long afterId = Cursors.decodeId(page.cursor());
        List<WorkflowEntity> rows = tx.read(em -> em.createQuery(
                "SELECT w FROM WorkflowEntity w WHERE w.id < :after ORDER BY w.id DESC", WorkflowEntity.class)
                .setParameter("after", afterId == null ? Long.MAX_VALUE : afterId)
                .setMaxResults(page.limit() + 1).getResultList());
        boolean more = rows.size() > page.limit();
        List<Workflow> items = rows.stream().limit(page.limit()).map(this::toValue).collect(Collectors.toList());
        return new Page<>(items, more ? Cursors.afterId(items.get(items.size() - 1).id()) : null);
    }

    @Override
    public String export(long id, ExportFormat format) {
        WorkflowDefinition definition = definition(id);
        return switch (format) {
            case DCWORKFLOW -> xml.exportDefinition(withKey(id, definition));
            case MERMAID -> new MermaidDiagram().render(definition);
            case DOT -> new DotDiagram().render(definition);
        };
    }

    /** DCWorkflow export names the workflow by the key it came with, where there is one. */
    private WorkflowDefinition withKey(long id, WorkflowDefinition definition) {
        String key = tx.read(em -> em.find(WorkflowEntity.class, id).getKey());
        return key == null ? definition : definition.withId(key);
    }

    @Override
    public List<StateAccess> simulate(long id, Collection<String> roles) {
        return new WorkflowSimulator().simulate(definition(id), roles);
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
        WorkflowRecordEntity stored = tx.write(em -> {
            WorkflowRecordEntity e = new WorkflowRecordEntity();
            e.setWorkflowId(resolvedWorkflowId);
            e.setLmsRecordId(record.lmsRecordId().value());
            e.setCourseId(record.courseId().value());
            e.setActivityId(record.activityId().value());
            e.setAuthorId(record.authorId().value());
            e.setIdNumeric(flag(record.lmsRecordId(), WorkflowRecordEntity.LMS_RECORD_NUMERIC)
                    | flag(record.courseId(), WorkflowRecordEntity.COURSE_NUMERIC)
                    | flag(record.activityId(), WorkflowRecordEntity.ACTIVITY_NUMERIC)
                    | flag(record.authorId(), WorkflowRecordEntity.AUTHOR_NUMERIC));
            e.setState(initial);
            e.setTimeCreated(now);
            e.setTimeModified(now);
            em.persist(e);
            em.flush(); // the two entities are not related: make the record's row exist before its history's
            em.persist(new WorkflowHistoryEntity(e.getId(), null, e.getAuthorId(), record.authorId().numeric(),
                    null, initial, now, null));
            return e;
        });
        WorkflowRecord created = toValue(stored);
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
        }
    }

    private static int flag(LmsId id, int bit) {
        return id.numeric() ? bit : 0;
    }

    @Override
    public Optional<WorkflowRecord> findRecord(long id) {
        return tx.read(em -> Optional.ofNullable(em.find(WorkflowRecordEntity.class, id)).map(WorkflowServiceImpl::toValue));
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
        ActionDef[] performed = new ActionDef[1];
        WorkflowRecordRows.Moved moved;
        try {
            moved = rows.move(recordId, record -> {
                afterRecordRead.run();
                ActionDef action = checkAction(record.id(), record.workflowId(), record.state(),
                        record.authorId().value(), record.visibility().ordinal(), request);
                if (!action.notifications().isEmpty()) {
                    throw new NeedsOutbox();
                }
                performed[0] = action;
                return action.to();
            }, request.action(), request.userId(), request.comment(), now);
        } catch (NeedsOutbox e) {
            return performWithOutbox(recordId, request, now); // rare: mails go through JPA, in its transaction
        } catch (WorkflowRecordRows.LostRace e) {
            evict(recordId);
            throw new ConflictException("the resource was changed by another request meanwhile; read it again and retry");
        } catch (SQLException e) {
            throw new PersistenceException("the action could not be stored", e);
        }
        if (moved == null) {
            throw NotFoundException.of("workflow record", recordId);
        }
        evict(recordId); // the row changed behind JPA's back: its shared cache must read it again
        return performed(recordId, request, moved.from(), performed[0].id(), moved.record(), 0);
    }

    private WorkflowRecord performWithOutbox(long recordId, ActionRequest request, long now) {
        String[] moved = new String[2];
        int[] mails = new int[1];
        WorkflowRecordEntity stored = tx.write(em -> {
            WorkflowRecordEntity e = requireRecord(em, recordId);
            String from = e.getState();
            ActionDef action = checkAction(recordId, e.getWorkflowId(), from, e.getAuthorId(), e.getVisibility(),
                    request);
            WorkflowDefinition definition = definition(e.getWorkflowId());
            e.setState(action.to());
            e.setTimeModified(now);
            WorkflowHistoryEntity step = new WorkflowHistoryEntity(e.getId(), action.id(), request.userId().value(),
                    request.userId().numeric(), from, action.to(), now, request.comment());
            em.persist(step);
            em.flush(); // a lost race surfaces here, as an optimistic-locking failure
            // notification mails: outbox rows in this transaction, sent by WorkflowMailSender after the commit
            mails[0] = MailOutbox.enqueue(em, definition, action, toValue(e), step.getId(), from, request, now);
            moved[0] = from;
            moved[1] = action.id();
            return e;
        });
        return performed(recordId, request, moved[0], moved[1], toValue(stored), mails[0]);
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

    private void evict(long recordId) {
        EntityManagerFactory factory = emf;
        if (factory == null) {
            factory = tx.read(EntityManager::getEntityManagerFactory);
            emf = factory;
        }
        factory.getCache().evict(WorkflowRecordEntity.class, recordId);
    }

    /** Thrown inside the JDBC transaction (rolling it back) when the action writes mail: JPA does those. */
    private static final class NeedsOutbox extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NeedsOutbox() {
            super(null, null, false, false);
        }
    }

    @Override
    public List<HistoryEntry> history(long recordId) {
        return tx.read(em -> {
            requireRecord(em, recordId);
            return em.createQuery("SELECT h FROM WorkflowHistoryEntity h WHERE h.recordId = :r ORDER BY h.time, h.id",
                    WorkflowHistoryEntity.class).setParameter("r", recordId).getResultList().stream()
                    .map(WorkflowServiceImpl::toValue).collect(Collectors.toList());
        });
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
        return tx.read(em -> {
            List<WorkflowRecordEntity> rows = em.createQuery("SELECT r FROM WorkflowRecordEntity r"
                    + " WHERE r.activityId = :a AND r.courseId = :c AND r.id > :after ORDER BY r.id",
                    WorkflowRecordEntity.class).setParameter("a", activityId.value())
                    .setParameter("c", courseId.value()).setParameter("after", cursor == null ? 0L : cursor)
                    .setMaxResults(page.limit() + 1).getResultList();
            boolean more = rows.size() > page.limit();
            List<WorkflowRecordEntity> records = more ? rows.subList(0, page.limit()) : rows;
            if (records.isEmpty()) {
                return new Page<>(List.of(), null);
            }
            Map<Long, List<HistoryEntry>> histories = new java.util.HashMap<>();
            em.createQuery("SELECT h FROM WorkflowHistoryEntity h WHERE h.recordId IN :ids"
                    + " ORDER BY h.recordId, h.time, h.id", WorkflowHistoryEntity.class)
                    .setParameter("ids", records.stream().map(WorkflowRecordEntity::getId).collect(Collectors.toList()))
                    .getResultList().forEach(h -> histories.computeIfAbsent(h.getRecordId(), k -> new ArrayList<>())
                            .add(toValue(h)));
            List<RecordHistory> items = records.stream().map(r -> new RecordHistory(toValue(r),
                    histories.getOrDefault(r.getId(), List.of()))).collect(Collectors.toList());
            return new Page<>(items, more ? Cursors.afterId(records.get(records.size() - 1).getId()) : null);
        });
    }

    private static WorkflowRecordEntity requireRecord(EntityManager em, long id) {
        WorkflowRecordEntity e = em.find(WorkflowRecordEntity.class, id);
        if (e == null) {
            throw NotFoundException.of("workflow record", id);
        }
        return e;
    }

    static WorkflowRecord toValue(WorkflowRecordEntity e) {
        int n = e.getIdNumeric();
        return new WorkflowRecord(e.getId(), e.getWorkflowId(),
                new LmsId(e.getLmsRecordId(), (n & WorkflowRecordEntity.LMS_RECORD_NUMERIC) != 0),
                new LmsId(e.getCourseId(), (n & WorkflowRecordEntity.COURSE_NUMERIC) != 0),
                new LmsId(e.getActivityId(), (n & WorkflowRecordEntity.ACTIVITY_NUMERIC) != 0),
                new LmsId(e.getAuthorId(), (n & WorkflowRecordEntity.AUTHOR_NUMERIC) != 0),
                e.getState(), Instant.ofEpochMilli(e.getTimeCreated()), Instant.ofEpochMilli(e.getTimeModified()),
                e.getVersion(), RecordVisibility.values()[e.getVisibility()]);
    }

    static HistoryEntry toValue(WorkflowHistoryEntity h) {
        return new HistoryEntry(h.getId(), h.getRecordId(), h.getAction(),
                h.getActor() == null ? null : new LmsId(h.getActor(), h.isActorNumeric()), h.getFromState(),
                h.getToState(), Instant.ofEpochMilli(h.getTime()), h.getComment());
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

}
