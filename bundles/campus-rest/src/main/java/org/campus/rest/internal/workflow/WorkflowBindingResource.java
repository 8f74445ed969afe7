package org.campus.rest.internal.workflow;

import java.util.Map;

import org.campus.api.NotFoundException;
import org.campus.api.Page;
import org.campus.api.workflow.BindingChange;
import org.campus.api.workflow.BindingScope;
import org.campus.api.workflow.LmsId;
import org.campus.api.workflow.MigrationPlan;
import org.campus.api.workflow.NewBinding;
import org.campus.api.workflow.PlanOption;
import org.campus.api.workflow.WorkflowService;
import org.campus.rest.internal.http.Access;
import org.campus.rest.internal.http.ApiRequest;
import org.campus.rest.internal.http.ApiResource;
import org.campus.rest.internal.http.JsonInput;
import org.campus.rest.internal.http.Method;
import org.campus.rest.internal.http.Reply;
import org.campus.rest.internal.http.Routes;
import org.campus.rest.internal.json.LmsIdJson;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code /workflow-bindings}: which workflow the records of the whole site, a course or an activity
 * follow. Rebinding a scope whose records follow its previous workflow needs a {@code plan}
 * ({@code stateMap}, or {@code option} hide, viewOnly or moveInitial); without one the answer is 409.
 */
@Component(service = ApiResource.class, immediate = true)
public class WorkflowBindingResource implements ApiResource {

    private static final String BASE = "/workflow-bindings";

    private final WorkflowService workflows;

    @Activate
    public WorkflowBindingResource(@Reference WorkflowService workflows) {
        this.workflows = workflows;
    }

    @Override
    public void register(Routes routes) {
        routes.add(Method.PUT, BASE, Access.write(WorkflowVersionResource.SCOPE), this::bind)
                .add(Method.GET, BASE, Access.read(WorkflowVersionResource.SCOPE), this::list)
                .add(Method.GET, BASE + "/effective", Access.read(WorkflowVersionResource.SCOPE), this::effective);
    }

    private Reply bind(ApiRequest request) {
        JsonInput in = request.jsonObject();
        BindingScope scope = in.requiredCode("scope", BindingScope::fromCode, "global, course, activity");
        LmsId courseId = VersionsJson.lmsId(in, "courseId");
        LmsId activityId = VersionsJson.lmsId(in, "activityId");
        Long workflowId = in.requiredLong("workflowId");
        MigrationPlan plan = null;
        JsonNode p = in.node().get("plan");
        if (p != null && !p.isNull()) {
            if (!p.isObject()) {
                in.error("plan", "must be an object with a stateMap or an option");
            } else {
                JsonInput pin = new JsonInput((ObjectNode) p);
                Map<String, String> stateMap = VersionsJson.stateMap(pin, "stateMap", "plan.stateMap");
                PlanOption option = null;
                JsonNode o = p.get("option");
                if (o != null && !o.isNull()) {
                    option = o.isTextual() ? PlanOption.fromCode(o.textValue()).orElse(null) : null;
                    if (option == null) {
                        in.error("plan.option", "must be one of hide, viewOnly, moveInitial");
                    }
                }
                try {
                    pin.check();
                } catch (org.campus.api.InvalidInputException e) {
                    e.errors().forEach(f -> in.error(f.field(), f.message()));
                }
                if (option == null && stateMap.isEmpty() && !p.has("stateMap")) {
                    in.error("plan", "needs a stateMap or an option");
                }
                plan = new MigrationPlan(stateMap, option);
            }
        }
        in.check();
        BindingChange change = workflows.bind(new NewBinding(scope, courseId, activityId, workflowId, plan,
                request.caller().actor()));
        return Reply.ok(change);
    }

    private Reply list(ApiRequest request) {
        LmsId courseId = queryId(request, "courseId");
        LmsId activityId = queryId(request, "activityId");
        return Reply.ok(new Page<>(workflows.bindings(courseId, activityId), null));
    }

    private Reply effective(ApiRequest request) {
        LmsId courseId = queryId(request, "courseId");
        LmsId activityId = queryId(request, "activityId");
        return Reply.ok(workflows.effectiveBinding(courseId, activityId)
                .orElseThrow(() -> new NotFoundException("No workflow is bound to this activity, its course or globally")));
    }

    static LmsId queryId(ApiRequest request, String name) {
        String v = request.query(name);
        if (v == null) {
            return null;
        }
        LmsId id = LmsIdJson.fromText(v);
        if (id == null) {
            throw new org.campus.api.InvalidInputException(name, LmsIdJson.RULE);
        }
        return v.matches("\\d{1,18}") ? LmsId.of(Long.parseLong(v)) : id;
    }
}
