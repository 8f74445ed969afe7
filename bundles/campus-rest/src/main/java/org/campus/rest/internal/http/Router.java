package org.campus.rest.internal.http;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Finds the route for a method and path; most literal segments first. */
public final class Router {

    /** The route found with its path variables, or why there is none. */
    public record Match(Route route, Map<String, String> variables, Set<Method> allowed) {
        public boolean found() {
            return route != null;
        }
    }

    private final List<Route> routes;

    public Router(List<Route> routes) {
        List<Route> sorted = new ArrayList<>(routes);
        sorted.sort(Comparator.comparingInt((Route r) -> -r.path().literalCount()));
        this.routes = List.copyOf(sorted);
    }

    public List<Route> routes() {
        return routes;
    }

    /** The match; with no route, {@code allowed} lists the methods the path has (empty: unknown path). */
    public Match match(Method method, String path) {
        String[] segments = PathTemplate.split(path);
        Set<Method> allowed = new TreeSet<>();
        for (Route r : routes) {
            Map<String, String> vars = r.path().match(segments);
            if (vars != null) {
                if (r.method() == method) {
                    return new Match(r, vars, Set.of());
                }
                allowed.add(r.method());
            }
        }
        return new Match(null, Map.of(), allowed);
    }
}
