package org.campus.api.workflow;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.campus.api.ConflictException;
import org.campus.api.ForbiddenException;
import org.campus.api.InvalidInputException;
import org.campus.api.NotFoundException;
import org.campus.api.Page;
import org.campus.api.PageRequest;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Workflows (immutable once stored) and the LMS records that move through them.
 */
@ProviderType
public interface WorkflowService {

    /** Event topic: a record was put under a workflow. Properties: id, workflowId, state, courseId, authorId. */
    String TOPIC_RECORD_CREATED = "campus/workflow/RECORD_CREATED";

    /**
     * Event topic: an action moved a record. Properties: id, workflowId, action, from, to, userId, courseId,
     * and mails (how many notification mails the action put in the outbox, an Integer).
     */
    String TOPIC_ACTION_PERFORMED = "campus/workflow/ACTION_PERFORMED";

    /**
     * The job type of record migrations ({@link #migrate}, and {@link #bind} with a plan for records):
     * the job's parameters name {@code fromWorkflowId}, {@code toWorkflowId} and {@code action}
     * ({@code migrate}, {@code hide} or {@code viewOnly}).
     *
     * @since 2.0
     */
    String JOB_TYPE_MIGRATION = "workflow-migration";

    /**
     * Validates and stores a definition; its {@code id} is ignored.
     *
     * @throws InvalidInputException naming every problem the validator found
     */
    Workflow create(WorkflowDefinition definition);

    /**
     * Imports a Plone DCWorkflow {@code definition.xml}, validates and stores it.
     *
     * @throws InvalidInputException field {@code body} for XML that is malformed, has a DOCTYPE or is
     *         no DCWorkflow; the validator's fields for a definition Campus cannot run
     */
    Workflow importDcWorkflow(byte[] xml);

    /**
     * Imports the state machines of a UML model and stores one workflow per machine, all in one
     * transaction. The model is XMI of either generation (UML 1.3/1.4 from ArgoUML or Poseidon,
     * UML 2 from Papyrus, MagicDraw/Cameo, Enterprise Architect, Visual Paradigm), or a
     * {@code .zargo}/{@code .zuml} zip archive holding one {@code .xmi} (told apart by content).
     * Plone's ArchGenXML conventions apply: tagged values of states grant permissions, guards read
     * {@code guard_roles:...|guard_permissions:...|guard_expr:...}. Each workflow's
     * {@link Workflow#warnings() warnings} say what was not understood or could not be kept
     * (composite states, pseudostates, machines of the file that were not imported).
     *
     * @param model the file's bytes
     * @return the stored workflows, in the order of their machines in the file
     * @throws InvalidInputException field {@code body} for a file that is empty, a damaged or
     *         oversized archive, malformed XML, XML with a DOCTYPE, no XMI, or XMI without a state
     *         machine that can be imported (one error per machine, saying why)
     * @since 1.2
     */
    List<Workflow> importUml(byte[] model);

    /** The built-in templates by key. */
    Map<String, WorkflowDefinition> templates();

    /** @throws NotFoundException for an unknown key */
    Workflow createFromTemplate(String key);

    Optional<Workflow> find(long id);

    /**
     * The definition of a stored workflow, as {@code find(id)} has it, without reading the workflow's
     * row again: stored definitions never change, so a node keeps them once read. For views that
     * show a record's state and actions by their titles.
     *
     * @since 2.0
     */
    Optional<WorkflowDefinition> findDefinition(long id);

    /** Newest first. */
    Page<Workflow> list(PageRequest page);

    /** @throws NotFoundException for an unknown workflow */
    default String export(long id, ExportFormat format) {
        return export(id, format, null);
    }

    /**
     * Exports a workflow; diagrams (Mermaid, DOT) show the titles in a language, with
     * {@linkplain StateDef#title(String) the fallbacks} of its states and actions. DCWorkflow holds
     * every language whatever {@code language} says.
     *
     * @param language a language tag ({@link Languages#normalize}); {@code null} for the default titles
     * @throws NotFoundException for an unknown workflow
     * @throws InvalidInputException field {@code lang} for a tag that is not BCP 47
     * @since 2.0
     */
    String export(long id, ExportFormat format, String language);

    /** What the roles may do in each state. @throws NotFoundException for an unknown workflow */
    default List<StateAccess> simulate(long id, Collection<String> roles) {
        return simulate(id, roles, null);
    }

    /**
     * What the roles may do in each state, with the states' and actions' titles in a language
     * ({@linkplain StateDef#title(String) falling back} to the default).
     *
     * @param language a language tag; {@code null} for the default titles
     * @throws NotFoundException for an unknown workflow
     * @throws InvalidInputException field {@code lang} for a tag that is not BCP 47
     * @since 2.0
     */
    List<StateAccess> simulate(long id, Collection<String> roles, String language);

    /**
     * Puts a record under its workflow, in the initial state. Without a {@code workflowId} the record
     * follows the {@link #effectiveBinding effective binding} of its activity (its own, else its
     * course's, else the global one); the record keeps that workflow when the binding changes later
     * (the binding's plan decides what happens to it).
     *
     * @throws InvalidInputException an unknown {@code workflowId}, none given and none bound, or an id
     *         that is blank or too long
     */
    WorkflowRecord createRecord(NewRecord record);

    Optional<WorkflowRecord> findRecord(long id);

    /** @throws NotFoundException for an unknown record */
    RecordAccess access(long recordId, LmsId userId, Collection<String> roles);

    /**
     * Performs an action on a record.
     *
     * @throws NotFoundException for an unknown record
     * @throws InvalidInputException field {@code action} when the workflow defines no such action
     * @throws ConflictException the action does not start from the record's state, or another
     *         change won the race
     * @throws ForbiddenException the user's roles (or authorship) do not allow the action
     */
    WorkflowRecord perform(long recordId, ActionRequest request);

    /** Oldest first, the creation included. @throws NotFoundException for an unknown record */
    List<HistoryEntry> history(long recordId);

    /**
     * One page of an activity's records, whatever their visibility, each with its whole history, for
     * export and archiving: two queries per page, however many records it holds. Pages follow record
     * ids, a stable order for a traversal: every record that exists when the traversal starts is on
     * exactly one page; one created during it may or may not be.
     *
     * @throws InvalidInputException fields {@code courseId}, {@code activityId} when missing or too
     *         long, {@code cursor} when not one of this list
     * @since 1.2
     */
    Page<RecordHistory> activityRecords(LmsId courseId, LmsId activityId, PageRequest page);

    // ---- versions

    /**
     * Stores a changed definition as the next version of the workflow's family. The stored
     * workflow itself never changes, and neither do its records: they stay on their version until
     * {@link #migrate migrated}. A revision always makes a new version, whether records use the old
     * one or not. Any version may be revised; the new one is numbered after the family's newest.
     *
     * @throws NotFoundException for an unknown workflow
     * @throws InvalidInputException naming every problem the validator found
     * @throws ConflictException another revision of the family was stored at the same time
     */
    Workflow revise(long workflowId, WorkflowDefinition changed);

    /** Every version of the workflow's family, oldest first. @throws NotFoundException for an unknown workflow */
    List<Workflow> versions(long workflowId);

    /**
     * Starts moving every record of a workflow (optionally of one course or activity) to another
     * workflow, mapping states, as a job of type {@link #JOB_TYPE_MIGRATION}, and returns at once.
     * The job moves the records in batches, each in one transaction that locks only its records; a
     * record keeps its workflow, and actions on it go on there, until its batch moves it. A moved
     * record gets a history entry (action {@code migrate}), becomes {@link RecordVisibility#VISIBLE},
     * and its version grows: of an action and the batch racing for one record, exactly one wins, and
     * the action that loses gets a {@link ConflictException} (a batch that loses reads the record
     * again and moves it from its new state). A record that an action moved to a state the map does
     * not name stays where it is, and the job ends failed naming such states; running the migration
     * again with a map for them finishes it. A cancelled migration leaves the records it moved moved;
     * running it again moves the rest.
     *
     * @return the job as queued, with the records the plan covered
     * @throws NotFoundException for an unknown source workflow
     * @throws InvalidInputException field {@code toWorkflowId} for an unknown target; field
     *         {@code stateMap.<state>} for each state that has records and is not mapped to a
     *         state of the target
     * @throws ConflictException an unfinished migration moves records of the same workflow and
     *         course or activity, or moves records to the source workflow
     */
    MigrationJob migrate(long fromWorkflowId, RecordMigration migration);

    /**
     * Puts one record under another workflow than its activity's (a per-record override), in
     * {@code state}, or in the state {@code stateMap} maps its current state to.
     *
     * @throws NotFoundException for an unknown record
     * @throws InvalidInputException fields {@code workflowId}, {@code state} or {@code stateMap.<state>}
     * @throws ConflictException another change of the record won the race
     */
    WorkflowRecord moveRecord(long recordId, long workflowId, String state, Map<String, String> stateMap,
            String actor);

    // ---- bindings

    /**
     * Binds a workflow to a scope, at once: records created in the scope from then on follow it.
     * When records follow the scope's previous workflow (records of the scope on that workflow,
     * except those of narrower scopes with a binding of their own), the binding needs a plan for
     * them, which a migration job (type {@link #JOB_TYPE_MIGRATION}) applies as {@link #migrate}
     * does; the binding and the job are stored in one transaction. Binding a scope again to the
     * workflow it has, with a plan, applies the plan to the records still following the workflow
     * of the scope's last migration to it (one that was cancelled or failed before every record
     * moved).
     *
     * @throws InvalidInputException fields {@code scope}, {@code courseId}, {@code activityId},
     *         {@code workflowId}, or {@code plan.stateMap.<state>} for each state left unmapped
     * @throws ConflictException records exist and no plan was given (the message says how many
     *         and which plans are possible), or an unfinished migration moves records of the scope
     */
    BindingChange bind(NewBinding binding);

    /** Bindings, filtered by course and activity when given; global first, then by course and activity. */
    List<WorkflowBinding> bindings(LmsId courseId, LmsId activityId);

    /** The binding that applies: the activity's, else the course's, else the global one. */
    Optional<WorkflowBinding> effectiveBinding(LmsId courseId, LmsId activityId);

    // ---- worklists

    /**
     * Visible records of a course (or an activity) in a state from which the roles may perform an
     * action, oldest first, with counts over the whole list.
     *
     * @throws InvalidInputException field {@code courseId} when missing, {@code cursor} when not one of this list
     */
    Worklist worklist(WorklistQuery query, PageRequest page);
}
