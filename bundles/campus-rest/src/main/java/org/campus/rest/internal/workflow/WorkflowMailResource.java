package org.campus.rest.internal.workflow;

import org.campus.api.workflow.WorkflowMail;
import org.campus.api.workflow.WorkflowMailService;
import org.campus.rest.internal.http.Access;
import org.campus.rest.internal.http.ApiRequest;
import org.campus.rest.internal.http.ApiResource;
import org.campus.rest.internal.http.Json;
import org.campus.rest.internal.http.Method;
import org.campus.rest.internal.http.Reply;
import org.campus.rest.internal.http.Routes;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** {@code /workflow-records/{id}/mail}: the notification mails of a record's actions, and where each stands. */
@Component(service = ApiResource.class, immediate = true)
public class WorkflowMailResource implements ApiResource {

    /** The scope of the workflow routes. */
    static final String SCOPE = "workflow";

    private final WorkflowMailService mail;
    private final Json json = new Json();

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
        ObjectNode n = json.object();
        ArrayNode items = n.putArray("items");
        for (WorkflowMail m : mail.mailOf(id)) {
            ObjectNode i = items.addObject();
            i.put("id", m.id());
            i.put("recordId", m.recordId());
            i.put("historyId", m.historyId());
            i.put("recipientKind", m.recipientKind());
            i.put("role", m.role());
            i.put("recipient", m.recipient());
            i.put("subject", m.subject());
            i.put("body", m.body());
            i.put("status", m.status().name().toLowerCase(java.util.Locale.ROOT));
            i.put("attempts", m.attempts());
            i.put("nextAttempt", m.nextAttempt() == null ? null : m.nextAttempt().toString());
            i.put("lastError", m.lastError());
            i.put("created", m.created().toString());
            i.put("sent", m.sent() == null ? null : m.sent().toString());
        }
        n.putNull("next");
        return Reply.ok(n);
    }
}
