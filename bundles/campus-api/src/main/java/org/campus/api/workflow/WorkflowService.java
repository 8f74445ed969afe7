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

    /** Event topic: an action moved a record. Properties: id, workflowId, action, from, to, userId, courseId. */
    String TOPIC_ACTION_PERFORMED = "campus/workflow/ACTION_PERFORMED";

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

    /** The built-in templates by key. */
    Map<String, WorkflowDefinition> templates();

    /** @throws NotFoundException for an unknown key */
    Workflow createFromTemplate(String key);

    Optional<Workflow> find(long id);

    /** Newest first. */
    Page<Workflow> list(PageRequest page);

    /** @throws NotFoundException for an unknown workflow */
    String export(long id, ExportFormat format);

    /** What the roles may do in each state. @throws NotFoundException for an unknown workflow */
    List<StateAccess> simulate(long id, Collection<String> roles);

    /**
     * @throws InvalidInputException an unknown {@code workflowId}, or an id that is blank or too long
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
}
