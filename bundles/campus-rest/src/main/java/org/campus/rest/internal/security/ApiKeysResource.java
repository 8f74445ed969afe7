package org.campus.rest.internal.security;

import java.util.LinkedHashSet;
import java.util.Set;

import org.campus.api.NotFoundException;
import org.campus.api.Page;
import org.campus.api.security.ApiKeyService;
import org.campus.api.security.IssuedApiKey;
import org.campus.api.security.Scopes;
import org.campus.rest.internal.http.Access;
import org.campus.rest.internal.http.ApiRequest;
import org.campus.rest.internal.http.ApiResource;
import org.campus.rest.internal.http.ApiServlet;
import org.campus.rest.internal.http.JsonInput;
import org.campus.rest.internal.http.Method;
import org.campus.rest.internal.http.Reply;
import org.campus.rest.internal.http.Routes;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code /api-keys}: the API keys of LMS clients, for administrators only. A secret appears once,
 * in the answer to a create or a rotate.
 */
@Component(service = ApiResource.class, immediate = true)
public class ApiKeysResource implements ApiResource {

    static final String SCOPE = Scopes.API_KEYS;
    private static final String BASE = "/api-keys";

    private final ApiKeyService keys;

    @Activate
    public ApiKeysResource(@Reference ApiKeyService keys) {
        this.keys = keys;
    }

    @Override
    public void register(Routes routes) {
        routes.add(Method.GET, BASE, Access.adminRead(SCOPE), this::list)
                .add(Method.POST, BASE, Access.adminWrite(SCOPE), this::create)
                .add(Method.GET, BASE + "/{id}", Access.adminRead(SCOPE), this::get)
                .add(Method.POST, BASE + "/{id}/rotate", Access.adminWrite(SCOPE), this::rotate)
                .add(Method.DELETE, BASE + "/{id}", Access.adminWrite(SCOPE), this::revoke);
    }

    private Reply list(ApiRequest request) {
        return Reply.ok(new Page<>(keys.list(), null));
    }

    private Reply create(ApiRequest request) {
        JsonInput in = request.jsonObject();
        in.allowOnly("name", "scopes");
        String name = in.requiredString("name", 100);
        Set<String> scopes = new LinkedHashSet<>();
        JsonNode s = in.node().get("scopes");
        if (s == null || s.isNull()) {
            in.error("scopes", "is required: a list of scopes, or [\"*\"] for all");
        } else if (!s.isArray() || s.size() > 50) {
            in.error("scopes", "must be a list of at most 50 scopes");
        } else {
            for (int i = 0; i < s.size(); i++) {
                JsonNode v = s.get(i);
                if (!v.isTextual() || !Scopes.isWellFormed(v.textValue())) {
                    in.error("scopes[" + i + "]", "must be * or a scope name of lower-case letters, digits and dashes");
                } else {
                    scopes.add(v.textValue());
                }
            }
            if (s.size() == 0) {
                in.error("scopes", "must name at least one scope, or * for all");
            }
        }
        in.check();
        IssuedApiKey issued = keys.create(name, scopes);
        return Reply.created(ApiServlet.BASE + BASE + "/" + issued.key().id(), issued);
    }

    private Reply get(ApiRequest request) {
        String id = request.path("id");
        return Reply.ok(keys.find(id).orElseThrow(() -> NotFoundException.of("API key", id)));
    }

    private Reply rotate(ApiRequest request) {
        return Reply.ok(keys.rotate(request.path("id")));
    }

    private Reply revoke(ApiRequest request) {
        keys.revoke(request.path("id"));
        return Reply.noContent();
    }


}
