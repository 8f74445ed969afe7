package org.campus.rest.internal.http;

import java.io.IOException;
import java.io.InputStream;
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
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletAsyncSupported;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.osgi.service.metatype.annotations.Designate;
import org.campus.api.InvalidInputException;
import org.campus.api.security.AdminRealm;
import org.campus.api.security.ApiKeyService;
import org.campus.api.security.AuditService;
import org.campus.api.security.AuditedChange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole API under {@code /campus/api/v1}: authenticates every request but those of open routes
 * (401 on any path without valid credentials, so that nothing about the API leaks), checks the
 * route's scope or role (403), routes to the registered {@link ApiResource}s, commits every
 * successful change with its audit entry ({@link AuditService#begin}), and turns every failure into problem details through one
 * {@link ProblemMapper}.
 */
@Component(service = Servlet.class, configurationPid = RestConfig.PID)
@Designate(ocd = RestConfig.class)
@HttpWhiteboardServletPattern(ApiServlet.BASE + "/*")
@HttpWhiteboardServletName("campus-api")
// Never starts async work itself; declared so that Jetty calls it directly. For a servlet that is not
// async-supported, Jetty's holder switches the request's async flag off and on around every call,
// naming the holder in a string built each time (ServletHolder$NotAsync): about 1.5% of a request.
@HttpWhiteboardServletAsyncSupported
public class ApiServlet extends HttpServlet {

    public static final String BASE = "/campus/api/v1";

    private static final long serialVersionUID = 1L;

    private final transient Json json = new Json();
    private final transient ProblemMapper problems = new ProblemMapper();
    private final transient Map<ApiResource, List<Route>> resources = new ConcurrentHashMap<>();
    private transient volatile Router router = new Router(List.of());
    private transient volatile RestConfig config;
    private final transient RequestAuthenticator authenticator;
    private final transient AuditService audit;

    private static final Logger LOG = LoggerFactory.getLogger(ApiServlet.class);

    @Activate
    public ApiServlet(RestConfig config, @Reference ApiKeyService keys, @Reference AdminRealm realm,
            @Reference AuditService audit) {
        this.config = config;
        this.authenticator = new RequestAuthenticator(keys, realm);
        this.audit = audit;
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
        Caller caller = null;
        Router.Match match = null;
        AuditedChange change = null;
        try {
            try {
                match = method == null ? new Router.Match(null, Map.of(), java.util.Set.of())
                        : router.match(method, path);
                if (match.found() && match.route().access().isOpen()) {
                    caller = Caller.ANONYMOUS;
                } else {
                    // before anything else, so that an unknown path or a wrong method tells nothing without credentials
                    caller = authenticator.authenticate(req);
                }
                String refusal = RawPath.refusal(req.getRequestURI(), path);
                if (refusal != null) {
                    throw new InvalidInputException("path", refusal);
                }
                if (!match.found()) {
                    reply = match.allowed().isEmpty()
                            ? problem(new Problem(404, "Not Found", "No resource at " + BASE + path, List.of()))
                            : problem(new Problem(405, "Method Not Allowed", req.getMethod() + " is not allowed on "
                                    + BASE + path, List.of())).header("Allow", match.allowed().stream()
                                    .map(Enum::name).collect(Collectors.joining(", ")));
                } else {
                    Route route = match.route();
                    AccessPolicy.check(caller, route.access());
                    ApiRequest request = new ApiRequest(req, match.variables(), json, config.maxBodyBytes(), caller);
                    if (route.access().changesData()) {
                        // the change's writes wait for its audit entry, and commit with it
                        change = audit.begin(caller.actor(), caller.actorKind(),
                                route.method() + " " + route.path().template(), req.getRemoteAddr());
                    }
                    reply = route.handler().handle(request);
                }
            } catch (Exception e) {
                reply = problem(problems.toProblem(e));
                if (reply.status() == 401) {
                    reply.header("WWW-Authenticate", UnauthorizedException.CHALLENGE);
                }
                if (reply.status() != 413) {
                    drainUnreadBody(req);
                }
            }
            if (change != null && reply.status() < 400) {
                reply = complete(change, req, match.route(), path, reply, caller);
            }
        } finally {
            if (change != null) {
                change.close(); // rolls back a change that failed or was refused; also on an Error
            }
        }
        write(reply, resp);
    }

    /**
     * Commits a change with its audit entry before it is answered. When the change's writes were
     * pending, a failing commit leaves neither, and the client is told that the change was not made;
     * when the services committed by themselves, the entry went to the audit trail's group commit, and
     * a failure there means the change was made but its entry is not stored yet. Either way a change
     * acknowledged with 2xx always has its audit entry.
     */
    private Reply complete(AuditedChange change, HttpServletRequest req, Route route, String path, Reply reply,
            Caller caller) {
        boolean pending = change.pending();
        try {
            // a created resource is the target; an accepted request's Location is only where to follow it
            String location = reply.status() == 201 ? reply.headers().get("Location") : null;
            String target = location != null && location.startsWith(BASE) ? location.substring(BASE.length()) : path;
            change.complete(target, "HTTP " + reply.status());
            return reply;
        } catch (RuntimeException e) {
            if (pending) {
                LOG.error("The change {} {} by {} could not be committed with its audit entry; it was not made,"
                        + " answered 503: {}", route.method(), path, caller.actor(), e.toString());
                return problem(new Problem(503, "Service Unavailable", "The change could not be confirmed; it was"
                        + " not made.", List.of())).header("Retry-After", "10");
            }
            LOG.error("The change {} {} by {} is not in the audit trail yet; answered 503: {}", route.method(), path,
                    caller.actor(), e.toString());
            return problem(new Problem(503, "Service Unavailable", "The change was made, but its audit entry is not"
                    + " stored yet (the database fails); it is kept and stored later. Check the resource before"
                    + " repeating the change.", List.of())).header("Retry-After", "10");
        }
    }

    /**
     * Reads what is left of a refused body that is within the size limit, so that the client reads
     * the answer rather than a reset connection (Jetty closes a connection whose body was left
     * unread, and a client still sending it gets a broken pipe instead of the problem). Bodies over
     * the limit are never read: they get 413, and the connection is closed.
     */
    private void drainUnreadBody(HttpServletRequest req) {
        long declared = req.getContentLengthLong();
        if (declared > config.maxBodyBytes()) {
            return;
        }
        try {
            byte[] sink = new byte[8192];
            long left = config.maxBodyBytes();
            int n;
            while (left > 0 && (n = req.getInputStream().read(sink, 0, (int) Math.min(sink.length, left))) > 0) {
                left -= n;
            }
        } catch (IOException | IllegalStateException e) {
            LOG.debug("The refused body of {} {} was not read to its end: {}", req.getMethod(), req.getRequestURI(),
                    e.toString());
        }
    }

    private Reply problem(Problem p) {
        return Reply.text(p.status(), Json.PROBLEM_CONTENT_TYPE, null).withJson(p);
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
        if (body instanceof InputStream data) {
            try (data; OutputStream out = resp.getOutputStream()) {
                data.transferTo(out);
            }
            return;
        }
        byte[] bytes = body instanceof String s ? s.getBytes(StandardCharsets.UTF_8)
                : json.mapper().writeValueAsBytes(body);
        resp.setContentLength(bytes.length);
        try (OutputStream out = resp.getOutputStream()) {
            out.write(bytes);
        }
    }
}
