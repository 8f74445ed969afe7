package org.campus.rest.internal.workflow;

import java.util.List;
import java.util.Map;

import org.campus.api.Page;
import org.campus.api.workflow.LmsId;
import org.campus.api.workflow.MigrationJob;
import org.campus.api.workflow.RecordMigration;
import org.campus.api.workflow.Workflow;
import org.campus.api.workflow.WorkflowDefinition;
import org.campus.api.workflow.WorkflowRecord;
import org.campus.api.workflow.WorkflowService;
import org.campus.rest.internal.http.Access;
import org.campus.rest.internal.http.ApiRequest;
import org.campus.rest.internal.http.ApiResource;
import org.campus.rest.internal.http.ApiServlet;
import org.campus.rest.internal.http.Json;
import org.campus.rest.internal.http.JsonInput;
import org.campus.rest.internal.http.Method;
import org.campus.rest.internal.http.Reply;
import org.campus.rest.internal.http.Routes;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Workflow versions and moving records between workflows: {@code PUT /workflows/{id}} stores a
 * changed definition as the next version, {@code GET /workflows/{id}/versions} lists the family,
 * {@code POST /workflows/{id}/migrations} starts a job that moves a workflow's records by a state map
 * (202, {@code Location} the job), and
 * {@code POST /workflow-records/{id}/workflow} puts one record under another workflow.
 */
@Component(service = ApiResource.class, immediate = true)
public class WorkflowVersionResource implements ApiResource {

    static final String SCOPE = "workflow";
    private static final String WORKFLOWS = "/workflows";
    private static final String RECORDS = "/workflow-records";

    private final WorkflowService workflows;
    private final WorkflowJson json = new WorkflowJson(new Json());

    @Activate
    public WorkflowVersionResource(@Reference WorkflowService workflows) {
        this.workflows = workflows;
    }

    @Override
    public void register(Routes routes) {
        routes.add(Method.PUT, WORKFLOWS + "/{id}", Access.write(SCOPE), this::revise)
                .add(Method.GET, WORKFLOWS + "/{id}/versions", Access.read(SCOPE), this::versions)
                .add(Method.POST, WORKFLOWS + "/{id}/migrations", Access.write(SCOPE), this::migrate)
                .add(Method.POST, RECORDS + "/{id}/workflow", Access.write(SCOPE), this::moveRecord);
    }

    private Reply revise(ApiRequest request) {
        long id = request.pathId("id", "workflow");
        WorkflowDefinition changed = json.readDefinition(request.jsonBody());
        Workflow stored = workflows.revise(id, changed);
        return Reply.created(ApiServlet.BASE + WORKFLOWS + "/" + stored.id(), stored);
    }

    private Reply versions(ApiRequest request) {
        long id = request.pathId("id", "workflow");
        List<Workflow> all = workflows.versions(id);
        return Reply.ok(new Page<>(all, null));
    }

    private Reply migrate(ApiRequest request) {
        long id = request.pathId("id", "workflow");
        JsonInput in = request.jsonObject();
        Long to = in.requiredLong("toWorkflowId");
        Map<String, String> stateMap = VersionsJson.stateMap(in, "stateMap", "stateMap");
        LmsId courseId = VersionsJson.lmsId(in, "courseId");
        LmsId activityId = VersionsJson.lmsId(in, "activityId");
        in.check();
        MigrationJob migration = workflows.migrate(id,
                new RecordMigration(to, stateMap, courseId, activityId, request.caller().actor()));
        return Reply.accepted(jobLocation(migration), migration);
    }

    /** Where the job that moves the records is followed. */
    static String jobLocation(MigrationJob migration) {
        return ApiServlet.BASE + "/jobs/" + migration.job().id();
    }

    private Reply moveRecord(ApiRequest request) {
        long id = request.pathId("id", "workflow record");
        JsonInput in = request.jsonObject();
        Long workflowId = in.requiredLong("workflowId");
        String state = in.optionalString("state", 100);
        Map<String, String> stateMap = VersionsJson.stateMap(in, "stateMap", "stateMap");
        if (state == null && stateMap.isEmpty() && !in.has("stateMap")) {
            in.error("state", "is required unless a stateMap is given");
        }
        in.check();
        WorkflowRecord moved = workflows.moveRecord(id, workflowId, state, stateMap, request.caller().actor());
        return Reply.ok(moved);
    }
}
