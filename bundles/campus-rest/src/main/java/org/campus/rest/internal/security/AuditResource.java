package org.campus.rest.internal.security;

import org.campus.api.InvalidInputException;
import org.campus.api.security.ActorKind;
import org.campus.api.security.AuditQuery;
import org.campus.api.security.AuditService;
import org.campus.api.security.Scopes;
import org.campus.rest.internal.http.Access;
import org.campus.rest.internal.http.ApiRequest;
import org.campus.rest.internal.http.ApiResource;
import org.campus.rest.internal.http.Method;
import org.campus.rest.internal.http.Reply;
import org.campus.rest.internal.http.Routes;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;


/** {@code /audit}: who changed what, when and from where; newest first. */
@Component(service = ApiResource.class, immediate = true)
public class AuditResource implements ApiResource {

    static final String SCOPE = Scopes.AUDIT;

    private final AuditService audit;

    @Activate
    public AuditResource(@Reference AuditService audit) {
        this.audit = audit;
    }

    @Override
    public void register(Routes routes) {
        routes.add(Method.GET, "/audit", Access.read(SCOPE), this::list);
    }

    private Reply list(ApiRequest request) {
        ActorKind kind = null;
        String k = request.query("actorKind");
        if (k != null) {
            kind = ActorKind.fromCode(k)
                    .orElseThrow(() -> new InvalidInputException("actorKind", "must be one of admin, lms, system"));
        }
        String actor = bounded(request, "actor");
        String action = bounded(request, "action");
        AuditQuery query = new AuditQuery(actor, kind, action, request.queryInstant("createdFrom"),
                request.queryInstant("createdTo"));
        return Reply.ok(audit.query(query, request.page()));
    }

    private static String bounded(ApiRequest request, String name) {
        String v = request.query(name);
        if (v != null && v.length() > 255) {
            throw new InvalidInputException(name, "is longer than 255 characters");
        }
        if (v != null && v.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException(name, "must not hold control characters");
        }
        return v;
    }
}
