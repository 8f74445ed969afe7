package org.campus.rest.internal.workflow;

import java.util.ArrayList;
import java.util.List;

import org.campus.api.InvalidInputException;
import org.campus.api.workflow.LmsId;
import org.campus.api.workflow.WorkflowService;
import org.campus.api.workflow.WorklistQuery;
import org.campus.rest.internal.http.Access;
import org.campus.rest.internal.http.ApiRequest;
import org.campus.rest.internal.http.ApiResource;
import org.campus.rest.internal.http.Method;
import org.campus.rest.internal.http.Reply;
import org.campus.rest.internal.http.Routes;
import org.campus.rest.internal.json.Shapes;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code GET /workflow-worklists?courseId=&activityId=&roles=a,b&limit=&cursor=}: the records of a
 * course (or activity) waiting for an action the roles may perform, oldest first, with counts.
 */
@Component(service = ApiResource.class, immediate = true)
public class WorklistResource implements ApiResource {

    private static final int MAX_ROLES = 50;

    private final WorkflowService workflows;

    @Activate
    public WorklistResource(@Reference WorkflowService workflows) {
        this.workflows = workflows;
    }

    @Override
    public void register(Routes routes) {
        routes.add(Method.GET, "/workflow-worklists", Access.read(WorkflowVersionResource.SCOPE), this::worklist);
    }

    private Reply worklist(ApiRequest request) {
        LmsId courseId = WorkflowBindingResource.queryId(request, "courseId");
        if (courseId == null) {
            throw new InvalidInputException("courseId", "is required");
        }
        LmsId activityId = WorkflowBindingResource.queryId(request, "activityId");
        List<String> roles = new ArrayList<>();
        String r = request.query("roles");
        if (r != null) {
            RoleQuery.checkLength(r);
            for (String role : r.split(",")) {
                String trimmed = role.trim();
                if (trimmed.isEmpty() || trimmed.length() > 255) {
                    throw new InvalidInputException("roles", "must be a comma-separated list of role names");
                }
                roles.add(trimmed);
            }
        }
        if (roles.size() > MAX_ROLES) {
            throw new InvalidInputException("roles", "must name at most " + MAX_ROLES + " roles");
        }
        return Reply.ok(Shapes.WorklistPage.of(workflows.worklist(new WorklistQuery(courseId, activityId, roles),
                request.page())));
    }
}
