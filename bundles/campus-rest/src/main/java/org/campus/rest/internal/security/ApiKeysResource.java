package org.campus.rest.internal.security;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;

import org.campus.api.NotFoundException;
import org.campus.api.security.ApiKey;
import org.campus.api.security.ApiKeyService;
import org.campus.api.security.IssuedApiKey;
import org.campus.api.security.Scopes;
import org.campus.rest.internal.http.Access;
import org.campus.rest.internal.http.ApiRequest;
import org.campus.rest.internal.http.ApiResource;
import org.campus.rest.internal.http.ApiServlet;
import org.campus.rest.internal.http.Json;
import org.campus.rest.internal.http.JsonInput;
import org.campus.rest.internal.http.Method;
import org.campus.rest.internal.http.Reply;
import org.campus.rest.internal.http.Routes;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code /api-keys}: the API keys of LMS clients, for administrators only. A secret appears once,
 * in the answer to a create or a rotate.
 */
@Component(service = ApiResource.class, immediate = true)
public class ApiKeysResource implements ApiResource {

    static final String SCOPE = Scopes.API_KEYS;
    private static final String BASE = "/api-keys";

    private final ApiKeyService keys;
    private final Json json = new Json();

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
        ObjectNode n = json.object();
        ArrayNode items = n.putArray("items");
        keys.list().forEach(k -> items.add(key(k)));
        n.putNull("next");
        return Reply.ok(n);
    }

    private Reply create(ApiRequest request) {
        JsonInput in = request.jsonObject();
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
        return Reply.created(ApiServlet.BASE + BASE + "/" + issued.key().id(), issued(issued));
    }

    private Reply get(ApiRequest request) {
        String id = request.path("id");
        return Reply.ok(key(keys.find(id).orElseThrow(() -> NotFoundException.of("API key", id))));
    }

    private Reply rotate(ApiRequest request) {
        return Reply.ok(issued(keys.rotate(request.path("id"))));
    }

    private Reply revoke(ApiRequest request) {
        keys.revoke(request.path("id"));
        return Reply.noContent();
    }

    private ObjectNode issued(IssuedApiKey issued) {
        ObjectNode n = key(issued.key());
        n.put("secret", issued.secret());
        return n;
    }

    private ObjectNode key(ApiKey k) {
        ObjectNode n = json.object();
        n.put("id", k.id());
        n.put("name", k.name());
        n.put("prefix", k.prefix());
        ArrayNode scopes = n.putArray("scopes");
        new TreeSet<>(k.scopes()).forEach(scopes::add);
        n.put("created", k.created().toString());
        n.put("rotated", k.rotated() == null ? null : k.rotated().toString());
        n.put("revoked", k.revoked() == null ? null : k.revoked().toString());
        n.put("active", k.active());
        return n;
    }
}
