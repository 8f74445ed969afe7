package org.campus.rest.internal.sharing;

import java.util.Arrays;
import java.util.stream.Collectors;

import org.campus.api.InvalidInputException;
import org.campus.api.NotFoundException;
import org.campus.api.sharing.NewShare;
import org.campus.api.sharing.ShareProgress;
import org.campus.api.sharing.ShareProgressService;
import org.campus.api.sharing.ShareQuery;
import org.campus.api.sharing.ShareStatus;
import org.campus.api.sharing.ShareType;
import org.campus.api.sharing.SourceDeleted;
import org.campus.api.workflow.LmsId;
import org.campus.rest.internal.http.Access;
import org.campus.rest.internal.http.ApiRequest;
import org.campus.rest.internal.http.ApiResource;
import org.campus.rest.internal.http.ApiServlet;
import org.campus.rest.internal.http.JsonInput;
import org.campus.rest.internal.http.Method;
import org.campus.rest.internal.http.Reply;
import org.campus.rest.internal.http.Routes;
import org.campus.rest.internal.json.LmsIdJson;
import org.campus.rest.internal.json.Shapes;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;


/** {@code /share-progress}: what users shared to external repositories and where each send stands. */
@Component(service = ApiResource.class, immediate = true)
public class ShareProgressResource implements ApiResource {

    static final String SCOPE = "share-progress";
    private static final String BASE = "/share-progress";
    private static final String TYPES = codes(ShareType.values());
    private static final String STATUSES = codes(ShareStatus.values());

    private final ShareProgressService shares;

    @Activate
    public ShareProgressResource(@Reference ShareProgressService shares) {
        this.shares = shares;
    }

    @Override
    public void register(Routes routes) {
        routes.add(Method.POST, BASE, Access.write(SCOPE), this::start)
                .add(Method.GET, BASE, Access.read(SCOPE), this::list)
                .add(Method.GET, BASE + "/{id}", Access.read(SCOPE), this::get)
                .add(Method.GET, BASE + "/{id}/timeline", Access.read(SCOPE), this::timeline)
                .add(Method.POST, BASE + "/{id}/status", Access.write(SCOPE), this::changeStatus)
                .add(Method.POST, BASE + "/source-deleted", Access.write(SCOPE), this::sourceDeleted);
    }

    private Reply start(ApiRequest request) {
        JsonInput in = request.jsonObject();
        in.allowOnly("courseId", "userId", "type", "cmId");
        LmsId courseId = LmsIdJson.field(in, "courseId", true);
        LmsId userId = LmsIdJson.field(in, "userId", true);
        ShareType type = in.requiredCode("type", ShareType::fromCode, TYPES);
        LmsId cmId = LmsIdJson.field(in, "cmId", false);
        in.check();
        ShareProgress created = shares.start(new NewShare(courseId, userId, type, cmId));
        return Reply.created(ApiServlet.BASE + BASE + "/" + created.id(), created);
    }

    private Reply get(ApiRequest request) {
        long id = request.pathId("id", "share");
        return Reply.ok(shares.find(id).orElseThrow(() -> NotFoundException.of("share", id)));
    }

    private Reply timeline(ApiRequest request) {
        long id = request.pathId("id", "share");
        return Reply.ok(new Shapes.Items<>(shares.timeline(id)));
    }

    private Reply list(ApiRequest request) {
        ShareStatus status = null;
        String s = request.query("status");
        if (s != null) {
            status = ShareStatus.fromCode(s)
                    .orElseThrow(() -> new InvalidInputException("status", "must be one of " + STATUSES));
        }
        ShareType type = null;
        String t = request.query("type");
        if (t != null) {
            type = ShareType.fromCode(t).orElseThrow(() -> new InvalidInputException("type", "must be one of " + TYPES));
        }
        ShareQuery query = new ShareQuery(LmsIdJson.query(request, "userId"),
                LmsIdJson.query(request, "courseId"), status, type,
                request.queryInstant("createdFrom"), request.queryInstant("createdTo"));
        return Reply.ok(shares.list(query, request.page()));
    }

    private Reply changeStatus(ApiRequest request) {
        long id = request.pathId("id", "share");
        JsonInput in = request.jsonObject();
        in.allowOnly("status", "resourceUrl", "message");
        ShareStatus status = in.requiredCode("status", code -> ShareStatus.fromCode(code)
                .filter(st -> st != ShareStatus.IN_PROGRESS), "sent, error");
        String resourceUrl = in.optionalString("resourceUrl", 2048);
        String message = in.optionalString("message", 4000);
        if (status == ShareStatus.SENT && resourceUrl == null && !in.has("resourceUrl")) {
            in.error("resourceUrl", "is required when a share is sent");
        }
        if (status == ShareStatus.ERROR && message == null && !in.has("message")) {
            in.error("message", "is required when a share failed");
        }
        in.check();
        ShareProgress changed = status == ShareStatus.SENT ? shares.markSent(id, resourceUrl)
                : shares.markError(id, message);
        return Reply.ok(changed);
    }

    private Reply sourceDeleted(ApiRequest request) {
        JsonInput in = request.jsonObject();
        in.allowOnly("courseId", "cmId");
        LmsId courseId = LmsIdJson.field(in, "courseId", true);
        LmsId cmId = LmsIdJson.field(in, "cmId", false);
        in.check();
        int updated = shares.markSourceDeleted(new SourceDeleted(courseId, cmId));
        return Reply.ok(new Shapes.SourceDeletionResult(updated));
    }

    private static String codes(Enum<?>[] values) {
        return Arrays.stream(values).map(v -> v instanceof ShareType st ? st.code() : ((ShareStatus) v).code())
                .collect(Collectors.joining(", "));
    }
}
