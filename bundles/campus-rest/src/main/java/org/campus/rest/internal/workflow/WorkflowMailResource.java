package org.campus.rest.internal.workflow;

import org.campus.api.Page;
import org.campus.api.workflow.WorkflowMailService;
import org.campus.rest.internal.http.Access;
import org.campus.rest.internal.http.ApiRequest;
import org.campus.rest.internal.http.ApiResource;
import org.campus.rest.internal.http.Method;
import org.campus.rest.internal.http.Reply;
import org.campus.rest.internal.http.Routes;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code /workflow-records/{id}/mail}: the notification mails of a record's actions, and where each stands. */
@Component(service = ApiResource.class, immediate = true)
public class WorkflowMailResource implements ApiResource {

    /** The scope of the workflow routes. */
    static final String SCOPE = "workflow";

    private final WorkflowMailService mail;

    @Activate
    public WorkflowMailResource(@Reference WorkflowMailService mail) {
        this.mail = mail;
    }

    @Override
    public void register(Routes routes) {
        routes.add(Method.GET, "/workflow-records/{id}/mail", Access.read(SCOPE), this::list);
    }

    private Reply list(ApiRequest request) {
        long id = request.pathId("id", "workflow record");
        return Reply.ok(new Page<>(mail.mailOf(id), null));
    }
}
