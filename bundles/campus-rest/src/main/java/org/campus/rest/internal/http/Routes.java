package org.campus.rest.internal.http;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Collects the routes an {@link ApiResource} serves. */
public final class Routes {

    private final List<Route> routes = new ArrayList<>();

    public Routes add(Method method, String path, Access access, Handler handler) {
        routes.add(new Route(method, new PathTemplate(path), access, handler));
        return this;
    }

    public List<Route> list() {
        return Collections.unmodifiableList(routes);
    }
}
