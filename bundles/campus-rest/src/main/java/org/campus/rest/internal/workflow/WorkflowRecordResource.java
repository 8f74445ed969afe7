package org.campus.rest.internal.workflow;

import org.campus.api.InvalidInputException;
import org.campus.api.NotFoundException;
import org.campus.api.workflow.LmsId;
import org.campus.api.workflow.WorkflowRecord;
import org.campus.api.workflow.WorkflowService;
import org.campus.rest.internal.http.Access;
import org.campus.rest.internal.http.ApiRequest;
import org.campus.rest.internal.http.ApiResource;
import org.campus.rest.internal.http.ApiServlet;
import org.campus.rest.internal.http.Json;
import org.campus.rest.internal.http.Method;
import org.campus.rest.internal.http.Reply;
import org.campus.rest.internal.http.Routes;
import org.campus.rest.internal.json.LmsIdJson;
import org.campus.rest.internal.json.Shapes;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code /workflow-records}: LMS records under a workflow, the actions that move them, their history,
 * and what one user may do with one now.
 */
@Component(service = ApiResource.class, immediate = true)
public class WorkflowRecordResource implements ApiResource {

    static final String BASE = "/workflow-records";
    private static final String KIND = "workflow record";

    private final WorkflowService workflows;
    private final WorkflowJson in = new WorkflowJson(new Json());

    @Activate
    public WorkflowRecordResource(@Reference WorkflowService workflows) {
        this.workflows = workflows;
    }

    @Override
    public void register(Routes routes) {
        String scope = WorkflowResource.SCOPE;
        routes.add(Method.POST, BASE, Access.write(scope), this::create)
                .add(Method.GET, BASE + "/{id}", Access.read(scope), this::get)
                .add(Method.POST, BASE + "/{id}/actions", Access.write(scope), this::perform)
                .add(Method.GET, BASE + "/{id}/history", Access.read(scope), this::history)
                .add(Method.GET, BASE + "/{id}/access", Access.read(scope), this::access);
    }

    private Reply create(ApiRequest request) {
        WorkflowRecord created = workflows.createRecord(in.readNewRecord(request.jsonObject()));
        return Reply.created(ApiServlet.BASE + BASE + "/" + created.id(), created);
    }

    private Reply get(ApiRequest request) {
        long id = request.pathId("id", KIND);
        return Reply.ok(workflows.findRecord(id).orElseThrow(() -> NotFoundException.of(KIND, id)));
    }

    private Reply perform(ApiRequest request) {
        long id = request.pathId("id", KIND);
        return Reply.ok(workflows.perform(id, in.readActionRequest(request.jsonObject())));
    }

    private Reply history(ApiRequest request) {
        long id = request.pathId("id", KIND);
        return Reply.ok(new Shapes.Items<>(workflows.history(id).stream().map(Shapes.HistoryItem::of).toList()));
    }

    private Reply access(ApiRequest request) {
        long id = request.pathId("id", KIND);
        String user = request.query("userId");
        LmsId userId = user == null ? null : LmsIdJson.fromText(user);
        if (user != null && userId == null) {
            throw new InvalidInputException("userId", LmsIdJson.RULE);
        }
        return Reply.ok(workflows.access(id, userId, RoleQuery.roles(request)));
    }
}
