package org.campus.rest.internal.privacy;

import org.campus.api.NotFoundException;
import org.campus.api.privacy.ErasureReport;
import org.campus.api.privacy.PersonalData;
import org.campus.api.privacy.PrivacyService;
import org.campus.api.privacy.ProviderOutcome;
import org.campus.api.workflow.LmsId;
import org.campus.rest.internal.http.Access;
import org.campus.rest.internal.http.ApiRequest;
import org.campus.rest.internal.http.ApiResource;
import org.campus.rest.internal.http.ApiServlet;
import org.campus.rest.internal.http.Json;
import org.campus.rest.internal.http.Method;
import org.campus.rest.internal.http.Reply;
import org.campus.rest.internal.http.Routes;
import org.campus.rest.internal.job.JobJson;
import org.campus.rest.internal.json.LmsIdJson;
import org.campus.rest.internal.json.Shapes;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code /privacy}: one export and one erasure per user, one purge per course, over every service.
 * An erasure is a job: {@code DELETE} answers 202 with the erasure as just queued and its
 * {@code Location}, {@code /privacy/erasures/{id}}, to follow it until it has ended.
 */
@Component(service = ApiResource.class, immediate = true)
public class PrivacyResource implements ApiResource {

    static final String SCOPE = "privacy";
    static final String ERASURES = "/privacy/erasures";

    private final PrivacyService privacy;
    private final Json json = new Json();
    private final JobJson jobJson = new JobJson(json);

    @Activate
    public PrivacyResource(@Reference PrivacyService privacy) {
        this.privacy = privacy;
    }

    @Override
    public void register(Routes routes) {
        routes.add(Method.GET, "/privacy/providers", Access.read(SCOPE), this::providers)
                .add(Method.DELETE, "/privacy/providers/{name}", Access.adminWrite(SCOPE), this::forgetProvider)
                .add(Method.GET, "/privacy/users/{userId}/export", Access.read(SCOPE), this::export)
                .add(Method.DELETE, "/privacy/users/{userId}", Access.write(SCOPE), this::deleteUser)
                .add(Method.DELETE, "/privacy/courses/{courseId}", Access.write(SCOPE), this::deleteCourse)
                .add(Method.GET, ERASURES + "/{id}", Access.read(SCOPE), this::erasure);
    }

    private Reply providers(ApiRequest request) {
        return Reply.ok(new Shapes.Items<>(privacy.providers()));
    }

    private Reply forgetProvider(ApiRequest request) {
        privacy.forgetProvider(request.path("name"));
        return Reply.noContent();
    }

    private Reply export(ApiRequest request) {
        String userId = request.path("userId");
        return Reply.ok(new Shapes.UserExport(asLmsId(userId), privacy.exportUser(userId)))
                .header("Content-Disposition", "attachment; filename=\"campus-user-data.json\"");
    }

    /** The user as an LMS id: a number when the path holds one as a number is written (no sign, no leading zero). */
    static LmsId asLmsId(String userId) {
        if (userId.length() <= 18 && !userId.isEmpty() && userId.charAt(0) != '0'
                && userId.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return LmsId.of(Long.parseLong(userId));
        }
        return LmsId.of(userId);
    }

    private Reply deleteUser(ApiRequest request) {
        return accepted(privacy.deleteUser(request.path("userId"), request.caller().actor()));
    }

    private Reply deleteCourse(ApiRequest request) {
        return accepted(privacy.deleteCourse(request.path("courseId"), request.caller().actor()));
    }

    private Reply erasure(ApiRequest request) {
        long id = request.pathId("id", "erasure");
        return Reply.ok(erasure(privacy.erasure(id).orElseThrow(() -> NotFoundException.of("erasure", id))));
    }

    private Reply accepted(ErasureReport report) {
        return Reply.accepted(ApiServlet.BASE + ERASURES + "/" + report.job().id(), erasure(report));
    }

    private ObjectNode erasure(ErasureReport report) {
        ObjectNode n = json.object();
        n.put("id", report.job().id());
        n.put("subject", report.subject());
        LmsIdJson.put(n, "subjectId", asLmsId(report.subjectId()));
        n.put("state", report.job().state().code());
        n.put("message", report.job().reason());
        ArrayNode providers = n.putArray("providers");
        for (ProviderOutcome o : report.providers()) {
            ObjectNode p = providers.addObject();
            p.put("provider", o.provider());
            p.put("outcome", o.outcome().code());
            p.put("deleted", o.deleted());
            p.put("message", o.reason());
            p.put("time", o.time() == null ? null : o.time().toString());
        }
        n.put("total", report.total());
        n.set("job", jobJson.job(report.job()));
        return n;
    }
}
