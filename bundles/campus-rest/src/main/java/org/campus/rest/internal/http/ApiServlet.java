package org.campus.rest.internal.http;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The whole API under {@code /campus/api/v1}: routes requests to the registered {@link ApiResource}s
 * and turns every failure into problem details through one {@link ProblemMapper}.
 */
@Component(service = Servlet.class, configurationPid = RestConfig.PID)
@Designate(ocd = RestConfig.class)
@HttpWhiteboardServletPattern(ApiServlet.BASE + "/*")
@HttpWhiteboardServletName("campus-api")
public class ApiServlet extends HttpServlet {

    public static final String BASE = "/campus/api/v1";

    private static final long serialVersionUID = 1L;

    private final transient Json json = new Json();
    private final transient ProblemMapper problems = new ProblemMapper();
    private final transient Map<ApiResource, List<Route>> resources = new ConcurrentHashMap<>();
    private transient volatile Router router = new Router(List.of());
    private transient volatile RestConfig config;

    @Activate
    public ApiServlet(RestConfig config) {
        this.config = config;
    }

    @Modified
    void modified(RestConfig config) {
        this.config = config;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindResource(ApiResource resource) {
        Routes routes = new Routes();
        resource.register(routes);
        resources.put(resource, routes.list());
        rebuild();
    }

    void unbindResource(ApiResource resource) {
        resources.remove(resource);
        rebuild();
    }

    private synchronized void rebuild() {
        List<Route> all = new ArrayList<>();
        resources.values().forEach(all::addAll);
        router = new Router(all);
    }

    /** The routes served now, as {@code METHOD /path} lines. */
    public List<String> describeRoutes() {
        return router.routes().stream().map(r -> r.method() + " " + r.path().template()).sorted()
                .collect(Collectors.toList());
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getPathInfo() == null ? "/" : req.getPathInfo();
        Method method = Method.parse(req.getMethod());
        Reply reply;
        try {
            Router.Match match = method == null ? new Router.Match(null, Map.of(), java.util.Set.of())
                    : router.match(method, path);
            if (!match.found()) {
                reply = match.allowed().isEmpty()
                        ? problem(new Problem(404, "Not Found", "No resource at " + BASE + path, List.of()))
                        : problem(new Problem(405, "Method Not Allowed", req.getMethod() + " is not allowed on "
                                + BASE + path, List.of())).header("Allow", match.allowed().stream()
                                .map(Enum::name).collect(Collectors.joining(", ")));
            } else {
                ApiRequest request = new ApiRequest(req, match.variables(), json, config.maxBodyBytes(),
                        Caller.ANONYMOUS);
                reply = match.route().handler().handle(request);
            }
        } catch (Exception e) {
            reply = problem(problems.toProblem(e));
        }
        write(reply, resp);
    }

    private Reply problem(Problem p) {
        return Reply.text(p.status(), Json.PROBLEM_CONTENT_TYPE, null).withJson(problems.toJson(json, p));
    }

    private void write(Reply reply, HttpServletResponse resp) throws IOException {
        resp.setStatus(reply.status());
        reply.headers().forEach(resp::setHeader);
        resp.setHeader("Cache-Control", "no-store");
        resp.setHeader("X-Content-Type-Options", "nosniff");
        Object body = reply.body();
        if (body == null) {
            return;
        }
        resp.setContentType(reply.contentType());
        byte[] bytes = body instanceof String s ? s.getBytes(StandardCharsets.UTF_8)
                : json.mapper().writeValueAsBytes(body);
        resp.setContentLength(bytes.length);
        try (OutputStream out = resp.getOutputStream()) {
            out.write(bytes);
        }
    }
}
