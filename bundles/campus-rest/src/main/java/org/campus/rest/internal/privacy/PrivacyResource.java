package org.campus.rest.internal.privacy;

import org.campus.api.privacy.PrivacyService;
import org.campus.api.workflow.LmsId;
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

/** {@code /privacy}: one export and one erasure per user, one purge per course, over every service. */
@Component(service = ApiResource.class, immediate = true)
public class PrivacyResource implements ApiResource {

    static final String SCOPE = "privacy";

    private final PrivacyService privacy;

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
        return Reply.ok(new Shapes.Items<>(privacy.providers()));
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
        return Reply.ok(privacy.deleteUser(request.path("userId")));
    }

    private Reply deleteCourse(ApiRequest request) {
        return Reply.ok(privacy.deleteCourse(request.path("courseId")));
    }

}
