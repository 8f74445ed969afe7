package org.campus.rest.internal.provider;

import java.util.List;

import org.campus.api.InvalidInputException;
import org.campus.api.provider.ProviderDescription;
import org.campus.api.provider.ProviderKind;
import org.campus.api.provider.ProviderRegistry;
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

/** {@code /providers}: every storage driver and activity archiver registered now, with its health. */
@Component(service = ApiResource.class, immediate = true)
public class ProvidersResource implements ApiResource {

    static final String SCOPE = "providers";

    private final ProviderRegistry registry;
    private final Json json = new Json();

    @Activate
    public ProvidersResource(@Reference ProviderRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void register(Routes routes) {
        routes.add(Method.GET, "/providers", Access.read(SCOPE), this::list);
    }

    private Reply list(ApiRequest request) {
        String kindParam = request.query("kind");
        List<ProviderDescription> providers;
        if (kindParam == null || kindParam.isEmpty()) {
            providers = registry.providers();
        } else {
            ProviderKind kind = ProviderKind.fromValue(kindParam).orElseThrow(
                    () -> new InvalidInputException("kind", "must be storage, archiver or transfer"));
            providers = registry.providers(kind);
        }
        ObjectNode n = json.object();
        ArrayNode items = n.putArray("items");
        for (ProviderDescription d : providers) {
            ObjectNode p = items.addObject();
            p.put("kind", d.kind().value());
            p.put("id", d.id());
            p.put("bundle", d.bundle());
            p.put("version", d.version());
            p.put("health", d.health().status().value());
            if (d.health().detail() != null) {
                p.put("healthDetail", d.health().detail());
            }
            if (d.title() != null) {
                p.put("title", d.title());
            }
            if (d.kind() == ProviderKind.ARCHIVER) {
                d.handles().forEach(p.putArray("activityTypes")::add);
                d.inputs().forEach(p.putArray("inputs")::add);
            }
        }
        n.putNull("next");
        return Reply.ok(n);
    }
}
