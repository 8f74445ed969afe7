package org.campus.rest.internal.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.campus.rest.internal.http.Access;
import org.campus.rest.internal.http.ApiRequest;
import org.campus.rest.internal.http.ApiResource;
import org.campus.rest.internal.http.Json;
import org.campus.rest.internal.http.Method;
import org.campus.rest.internal.http.Reply;
import org.campus.rest.internal.http.Routes;
import org.campus.rest.internal.json.Shapes;
import org.osgi.service.component.annotations.Component;

/** The health check (the one open route) and the OpenAPI description of the whole API. */
@Component(service = ApiResource.class, immediate = true)
public class SystemResource implements ApiResource {

    /** Where the OpenAPI document lives in this bundle. */
    public static final String OPENAPI = "/org/campus/rest/internal/openapi.json";

    private final String openApi = load();

    @Override
    public void register(Routes routes) {
        routes.add(Method.GET, "/health", Access.open(), this::health)
                .add(Method.GET, "/openapi.json", Access.read("api"), r -> Reply.text(200, Json.CONTENT_TYPE, openApi));
    }

    private Reply health(ApiRequest request) {
        return Reply.ok(Shapes.Health.UP);
    }

    private static String load() {
        try (InputStream in = SystemResource.class.getResourceAsStream(OPENAPI)) {
            if (in == null) {
                throw new IllegalStateException("the OpenAPI document is missing from the bundle");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
