package org.campus.rest.internal.privacy;

import java.util.Map;

import org.campus.api.privacy.ErasureReport;
import org.campus.api.privacy.PersonalData;
import org.campus.api.privacy.PrivacyService;
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

/** {@code /privacy}: one export and one erasure per user, one purge per course, over every service. */
@Component(service = ApiResource.class, immediate = true)
public class PrivacyResource implements ApiResource {

    static final String SCOPE = "privacy";

    private final PrivacyService privacy;
    private final Json json = new Json();

    @Activate
    public PrivacyResource(@Reference PrivacyService privacy) {
        this.privacy = privacy;
    }

    @Override
    public void register(Routes routes) {
        routes.add(Method.GET, "/privacy/providers", Access.read(SCOPE), this::providers)
                .add(Method.GET, "/privacy/users/{userId}/export", Access.read(SCOPE), this::export)
                .add(Method.DELETE, "/privacy/users/{userId}", Access.write(SCOPE), this::deleteUser)
                .add(Method.DELETE, "/privacy/courses/{courseId}", Access.write(SCOPE), this::deleteCourse);
    }

    private Reply providers(ApiRequest request) {
        ObjectNode n = json.object();
        ArrayNode items = n.putArray("items");
        privacy.providers().forEach(p -> items.addObject().put("name", p.name()).put("description", p.description()));
        return Reply.ok(n);
    }

    private Reply export(ApiRequest request) {
        String userId = request.path("userId");
        ObjectNode n = json.object();
        n.put("userId", userId);
        ArrayNode providers = n.putArray("providers");
        for (PersonalData data : privacy.exportUser(userId)) {
            ObjectNode p = providers.addObject();
            p.put("provider", data.provider());
            p.put("description", data.description());
            p.set("records", json.mapper().valueToTree(data.records()));
        }
        return Reply.ok(n).header("Content-Disposition", "attachment; filename=\"campus-user-data.json\"");
    }

    private Reply deleteUser(ApiRequest request) {
        return Reply.ok(report(privacy.deleteUser(request.path("userId"))));
    }

    private Reply deleteCourse(ApiRequest request) {
        return Reply.ok(report(privacy.deleteCourse(request.path("courseId"))));
    }

    private ObjectNode report(ErasureReport report) {
        ObjectNode n = json.object();
        ObjectNode by = n.putObject("deletedByProvider");
        for (Map.Entry<String, Integer> e : report.deletedByProvider().entrySet()) {
            by.put(e.getKey(), e.getValue());
        }
        n.put("total", report.total());
        return n;
    }
}
