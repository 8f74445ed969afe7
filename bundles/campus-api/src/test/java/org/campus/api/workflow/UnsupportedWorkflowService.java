package org.campus.api.workflow;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.campus.api.Page;
import org.campus.api.PageRequest;

/**
 * A base for test fakes of {@link WorkflowService}: every method throws
 * {@link UnsupportedOperationException}; a fake overrides what its tests use.
 */
public abstract class UnsupportedWorkflowService implements WorkflowService {

    @Override
    public Workflow create(WorkflowDefinition definition) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Workflow importDcWorkflow(byte[] xml) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<Workflow> importUml(byte[] model) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Map<String, WorkflowDefinition> templates() {
        throw new UnsupportedOperationException();
    }

    @Override
    public Workflow createFromTemplate(String key) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Optional<Workflow> find(long id) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Optional<WorkflowDefinition> findDefinition(long id) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Page<Workflow> list(PageRequest page) {
        throw new UnsupportedOperationException();
    }

    @Override
    public String export(long id, ExportFormat format) {
        throw new UnsupportedOperationException();
    }

    @Override
    public String export(long id, ExportFormat format, String language) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<StateAccess> simulate(long id, Collection<String> roles, String language) {
        throw new UnsupportedOperationException();
    }

    @Override
    public WorkflowRecord createRecord(NewRecord record) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Optional<WorkflowRecord> findRecord(long id) {
        throw new UnsupportedOperationException();
    }

    @Override
    public RecordAccess access(long recordId, LmsId userId, Collection<String> roles) {
        throw new UnsupportedOperationException();
    }

    @Override
    public WorkflowRecord perform(long recordId, ActionRequest request) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<HistoryEntry> history(long recordId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Page<RecordHistory> activityRecords(LmsId courseId, LmsId activityId, PageRequest page) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Workflow revise(long workflowId, WorkflowDefinition changed) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<Workflow> versions(long workflowId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public MigrationJob migrate(long fromWorkflowId, RecordMigration migration) {
        throw new UnsupportedOperationException();
    }

    @Override
    public WorkflowRecord moveRecord(long recordId, long workflowId, String state, Map<String, String> stateMap,
            String actor) {
        throw new UnsupportedOperationException();
    }

    @Override
    public BindingChange bind(NewBinding binding) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<WorkflowBinding> bindings(LmsId courseId, LmsId activityId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Optional<WorkflowBinding> effectiveBinding(LmsId courseId, LmsId activityId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Worklist worklist(WorklistQuery query, PageRequest page) {
        throw new UnsupportedOperationException();
    }
}
