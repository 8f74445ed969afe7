package org.campus.transfer.moodle.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A Moodle site for tests, on the JDK's HTTP server: answers {@code /webservice/rest/server.php} as
 * Moodle's REST server does (HTTP 200 with JSON; failures as {@code {"exception", "errorcode",
 * "message", "debuginfo"}}), with the state behind it (users, courses, roles, groups, manual
 * enrolments, role assignments in course contexts, group memberships), so that a transfer and its
 * undo can be checked end to end. Faults can be injected per function.
 */
final class FakeMoodle implements AutoCloseable {

    static final String TOKEN = "fake-token-0123456789abcdef";
    static final Set<String> ALL_FUNCTIONS = MoodleApi.REQUIRED_FUNCTIONS;

    record Course(long id, String shortname, String fullname) {
    }

    record Role(long id, String shortname, String name) {
    }

    record Group(long id, long courseId, String name) {
    }

    record Enrolment(long userId, long courseId) {
    }

    record RoleAssignment(long userId, long courseId, long roleId) {
    }

    record GroupMember(long groupId, long userId) {
    }

    /** The data that matters for transfers, comparable with equals. */
    record State(Set<Enrolment> enrolments, Set<RoleAssignment> roles, Set<GroupMember> groups) {
    }

    /** One call as the LMS received it. */
    record Call(String function, String query, Map<String, String> params) {
    }

    static {
        // the JDK's server writes headers and body apart: without this, Nagle and delayed ACKs add ~40 ms a call
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final ObjectMapper json = new ObjectMapper();
    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    /** Released on reset and close: ends the delays of calls still waiting. */
    private CountDownLatch delays = new CountDownLatch(1);

    private final Map<Long, String> users = new TreeMap<>();
    private final Map<Long, Course> courses = new TreeMap<>();
    private final Map<Long, Role> roles = new TreeMap<>();
    private final Map<Long, Group> groups = new TreeMap<>();
    private final Set<Long> withoutManualEnrolment = new HashSet<>();
    private final Set<Long> unassignable = new HashSet<>();
    private final Set<Long> hiddenProfiles = new HashSet<>();
    private final Set<Enrolment> enrolments = new TreeSet<>(
            java.util.Comparator.comparingLong(Enrolment::userId).thenComparingLong(Enrolment::courseId));
    private final Set<RoleAssignment> assignments = new TreeSet<>(java.util.Comparator
            .comparingLong(RoleAssignment::userId).thenComparingLong(RoleAssignment::courseId)
            .thenComparingLong(RoleAssignment::roleId));
    private final Set<GroupMember> members = new TreeSet<>(
            java.util.Comparator.comparingLong(GroupMember::groupId).thenComparingLong(GroupMember::userId));
    private final Set<String> functions = new TreeSet<>(ALL_FUNCTIONS);
    private final Map<String, Deque<Fault>> faults = new HashMap<>();
    private final List<Call> calls = new ArrayList<>();

    private sealed interface Fault permits Failure, Delay, Raw {
    }

    private record Failure(String exception, String errorcode, String message, String debuginfo)
            implements Fault {
    }

    private record Delay(Duration duration) implements Fault {
    }

    private record Raw(int status, String body) implements Fault {
    }

    FakeMoodle() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/webservice/rest/server.php", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    MoodleSettings settings(int requestTimeoutSeconds) {
        return MoodleSettings.of("moodle-test", baseUrl(), TOKEN, 2, requestTimeoutSeconds, 5);
    }

    @Override
    public void close() {
        synchronized (this) {
            delays.countDown();
        }
        server.stop(0);
        executor.shutdownNow();
    }

    /** Forgets all data, faults and calls (delayed calls still waiting end now), as a new site would. */
    synchronized FakeMoodle reset() {
        delays.countDown();
        delays = new CountDownLatch(1);
        users.clear();
        courses.clear();
        roles.clear();
        groups.clear();
        withoutManualEnrolment.clear();
        unassignable.clear();
        hiddenProfiles.clear();
        enrolments.clear();
        assignments.clear();
        members.clear();
        functions.clear();
        functions.addAll(ALL_FUNCTIONS);
        faults.clear();
        calls.clear();
        return this;
    }

    // ---- the site's data ------------------------------------------------------------------

    synchronized FakeMoodle user(long id, String fullname) {
        users.put(id, fullname);
        return this;
    }

    synchronized FakeMoodle course(long id, String shortname, String fullname) {
        courses.put(id, new Course(id, shortname, fullname));
        return this;
    }

    synchronized FakeMoodle role(long id, String shortname, String name) {
        roles.put(id, new Role(id, shortname, name));
        return this;
    }

    synchronized FakeMoodle group(long id, long courseId, String name) {
        groups.put(id, new Group(id, courseId, name));
        return this;
    }

    /** The course has no enabled manual enrolment method (enrol and unenrol then fail with wsnoinstance). */
    synchronized FakeMoodle withoutManualEnrolment(long courseId) {
        withoutManualEnrolment.add(courseId);
        return this;
    }

    /** The web-service user may not assign this role. */
    synchronized FakeMoodle unassignable(long roleId) {
        unassignable.add(roleId);
        return this;
    }

    /** The web-service user may not see this user's profile (it is left out of course profiles). */
    synchronized FakeMoodle hideProfile(long userId) {
        hiddenProfiles.add(userId);
        return this;
    }

    synchronized FakeMoodle enrol(long userId, long courseId, long... roleIds) {
        enrolments.add(new Enrolment(userId, courseId));
        for (long roleId : roleIds) {
            assignments.add(new RoleAssignment(userId, courseId, roleId));
        }
        return this;
    }

    synchronized FakeMoodle unenrol(long userId, long courseId) {
        removeFromCourse(userId, courseId);
        return this;
    }

    synchronized FakeMoodle assign(long userId, long courseId, long roleId) {
        assignments.add(new RoleAssignment(userId, courseId, roleId));
        return this;
    }

    synchronized FakeMoodle unassign(long userId, long courseId, long roleId) {
        assignments.remove(new RoleAssignment(userId, courseId, roleId));
        return this;
    }

    synchronized FakeMoodle join(long userId, long groupId) {
        members.add(new GroupMember(groupId, userId));
        return this;
    }

    synchronized FakeMoodle leave(long userId, long groupId) {
        members.remove(new GroupMember(groupId, userId));
        return this;
    }

    synchronized FakeMoodle disable(String function) {
        functions.remove(function);
        return this;
    }

    synchronized State state() {
        return new State(Set.copyOf(enrolments), Set.copyOf(assignments), Set.copyOf(members));
    }

    synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    synchronized void clearCalls() {
        calls.clear();
    }

    synchronized List<String> functionsCalled() {
        return calls.stream().map(Call::function).toList();
    }

    // ---- faults ---------------------------------------------------------------------------

    /** The next call of the function fails with this Moodle error, changing nothing. */
    synchronized FakeMoodle failNext(String function, String exception, String errorcode, String message,
            String debuginfo) {
        faults.computeIfAbsent(function, f -> new ArrayDeque<>())
                .add(new Failure(exception, errorcode, message, debuginfo));
        return this;
    }

    /** The next call of the function takes this long before it answers (and then does what it does). */
    synchronized FakeMoodle delayNext(String function, Duration duration) {
        faults.computeIfAbsent(function, f -> new ArrayDeque<>()).add(new Delay(duration));
        return this;
    }

    /** The next call of the function is answered with this raw HTTP status and body. */
    synchronized FakeMoodle answerNext(String function, int status, String body) {
        faults.computeIfAbsent(function, f -> new ArrayDeque<>()).add(new Raw(status, body));
        return this;
    }

    // ---- the REST server ------------------------------------------------------------------

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, String> params = new LinkedHashMap<>();
            String query = exchange.getRequestURI().getRawQuery();
            parse(query, params);
            try (InputStream in = exchange.getRequestBody()) {
                parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), params);
            }
            String function = params.getOrDefault("wsfunction", "");
            Fault fault;
            CountDownLatch delayed;
            synchronized (this) {
                delayed = delays;
                calls.add(new Call(function, query, Map.copyOf(params)));
                Deque<Fault> queue = faults.get(function);
                fault = queue == null ? null : queue.poll();
            }
            if (fault instanceof Delay delay) {
                try {
                    if (delayed.await(delay.duration().toMillis(), TimeUnit.MILLISECONDS)) {
                        return;
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            if (fault instanceof Raw raw) {
                send(exchange, raw.status(), raw.body());
                return;
            }
            String answer;
            try {
                if (fault instanceof Failure error) {
                    throw new MoodleError(error.exception(), error.errorcode(), error.message(), error.debuginfo());
                }
                answer = answer(function, params);
            } catch (MoodleError e) {
                ObjectNode error = json.createObjectNode();
                error.put("exception", e.exception);
                error.put("errorcode", e.errorcode);
                error.put("message", e.getMessage());
                if (e.debuginfo != null) {
                    error.put("debuginfo", e.debuginfo);
                }
                answer = error.toString();
            }
            send(exchange, 200, answer);
        }
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void parse(String form, Map<String, String> into) {
        if (form == null || form.isEmpty()) {
            return;
        }
        for (String pair : form.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            into.put(name, value);
        }
    }

    private synchronized String answer(String function, Map<String, String> params) throws MoodleError {
        if (!TOKEN.equals(params.get("wstoken"))) {
            throw new MoodleError("moodle_exception", "invalidtoken", "Invalid token - token not found", null);
        }
        if (!"json".equals(params.get("moodlewsrestformat"))) {
            throw new IllegalStateException("the provider asks for JSON");
        }
        if (!functions.contains(function)) {
            if (!ALL_FUNCTIONS.contains(function)) {
                throw new MoodleError("dml_missing_record_exception", "invalidrecord",
                        "Can't find data record in database table external_functions.", null);
            }
            throw new MoodleError("webservice_access_exception", "accessexception", "Access control exception",
                    "Access to the function " + function + "() is not allowed.");
        }
        return switch (function) {
            case MoodleApi.SITE_INFO -> siteInfo();
            case MoodleApi.USERS_COURSES -> usersCourses(params);
            case MoodleApi.COURSE_USER_PROFILES -> courseProfiles(params);
            case MoodleApi.ENROL -> enrolUsers(params);
            case MoodleApi.UNENROL -> unenrolUsers(params);
            case MoodleApi.ASSIGN_ROLES -> roleChanges(params, "assignments", true);
            case MoodleApi.UNASSIGN_ROLES -> roleChanges(params, "unassignments", false);
            case MoodleApi.ADD_GROUP_MEMBERS -> groupChanges(params, true);
            case MoodleApi.DELETE_GROUP_MEMBERS -> groupChanges(params, false);
            default -> throw new IllegalStateException(function);
        };
    }

    private String siteInfo() {
        ObjectNode site = json.createObjectNode();
        site.put("sitename", "Fake Moodle");
        site.put("username", "campus-ws");
        site.put("userid", 2);
        site.put("siteurl", baseUrl());
        site.put("release", "4.3 (Build: 20231009)");
        site.put("version", "2023100900");
        ArrayNode list = site.putArray("functions");
        functions.forEach(f -> list.addObject().put("name", f).put("version", "2023100900"));
        return site.toString();
    }

    private String usersCourses(Map<String, String> params) throws MoodleError {
        long userId = integer(params, "userid", "userid");
        ArrayNode out = json.createArrayNode();
        for (Enrolment e : enrolments) {
            if (e.userId() == userId) {
                Course c = courses.get(e.courseId());
                out.addObject().put("id", c.id()).put("shortname", c.shortname()).put("fullname", c.fullname())
                        .put("displayname", c.fullname()).put("idnumber", "").put("visible", 1)
                        .put("summary", "").put("summaryformat", 1).put("format", "topics").put("showgrades", true)
                        .put("lang", "").put("enablecompletion", false).put("category", 1).put("startdate", 1700000000)
                        .put("enddate", 0).put("marker", 0).putNull("lastaccess").put("isfavourite", false)
                        .put("hidden", false).putArray("overviewfiles");
            }
        }
        return out.toString();
    }

    private String courseProfiles(Map<String, String> params) throws MoodleError {
        List<Map<String, String>> list = list(params, "userlist", "userid", "courseid");
        // Moodle keeps one course per user id: the last pair wins
        Map<Long, Long> courseOf = new LinkedHashMap<>();
        for (Map<String, String> entry : list) {
            courseOf.put(integer(entry, "userid", "userlist"), integer(entry, "courseid", "userlist"));
        }
        for (long courseId : courseOf.values()) {
            if (!courses.containsKey(courseId)) {
                throw new MoodleError("dml_missing_record_exception", "invalidrecord",
                        "Can't find data record in database table course.", null);
            }
        }
        ArrayNode out = json.createArrayNode();
        for (Map.Entry<Long, Long> entry : courseOf.entrySet()) {
            long userId = entry.getKey();
            long courseId = entry.getValue();
            boolean enrolled = enrolments.contains(new Enrolment(userId, courseId));
            boolean hasRoles = assignments.stream().anyMatch(a -> a.userId() == userId && a.courseId() == courseId);
            if (!users.containsKey(userId) || hiddenProfiles.contains(userId) || !enrolled && !hasRoles) {
                continue;
            }
            ObjectNode user = out.addObject();
            user.put("id", userId).put("username", "user" + userId).put("fullname", users.get(userId))
                    .put("profileimageurlsmall", "").put("profileimageurl", "");
            ArrayNode r = user.putArray("roles");
            for (RoleAssignment a : assignments) {
                if (a.userId() == userId && a.courseId() == courseId) {
                    Role role = roles.get(a.roleId());
                    r.addObject().put("roleid", role.id()).put("name", role.name()).put("shortname", role.shortname())
                            .put("sortorder", role.id());
                }
            }
            ArrayNode g = user.putArray("groups");
            for (GroupMember m : members) {
                Group group = groups.get(m.groupId());
                if (m.userId() == userId && group.courseId() == courseId) {
                    g.addObject().put("id", group.id()).put("name", group.name()).put("description", "")
                            .put("descriptionformat", 1);
                }
            }
            ArrayNode ec = user.putArray("enrolledcourses");
            for (Enrolment e : enrolments) {
                if (e.userId() == userId) {
                    Course c = courses.get(e.courseId());
                    ec.addObject().put("id", c.id()).put("fullname", c.fullname()).put("shortname", c.shortname());
                }
            }
        }
        return out.toString();
    }

    private String enrolUsers(Map<String, String> params) throws MoodleError {
        List<Map<String, String>> list = list(params, "enrolments", "roleid", "userid", "courseid");
        for (Map<String, String> e : list) {
            long courseId = integer(e, "courseid", "enrolments");
            long userId = integer(e, "userid", "enrolments");
            long roleId = integer(e, "roleid", "enrolments");
            requireCourse(courseId);
            if (unassignable.contains(roleId) || !roles.containsKey(roleId)) {
                throw new MoodleError("moodle_exception", "wsusercannotassign",
                        "You don't have the permission to assign this role (" + roleId + ") to this user (" + userId
                                + ") in this course(" + courseId + ").", null);
            }
            requireManualInstance(courseId);
            requireUser(userId);
        }
        for (Map<String, String> e : list) {
            long courseId = Long.parseLong(e.get("courseid"));
            long userId = Long.parseLong(e.get("userid"));
            enrolments.add(new Enrolment(userId, courseId));
            assignments.add(new RoleAssignment(userId, courseId, Long.parseLong(e.get("roleid"))));
        }
        return "null";
    }

    private String unenrolUsers(Map<String, String> params) throws MoodleError {
        List<Map<String, String>> list = list(params, "enrolments", "userid", "courseid");
        for (Map<String, String> e : list) {
            long courseId = integer(e, "courseid", "enrolments");
            long userId = integer(e, "userid", "enrolments");
            requireCourse(courseId);
            requireManualInstance(courseId);
            if (!users.containsKey(userId)) {
                throw new MoodleError("invalid_parameter_exception", "invalidparameter",
                        "Invalid parameter value detected", "User id not exist: " + userId);
            }
        }
        for (Map<String, String> e : list) {
            long courseId = Long.parseLong(e.get("courseid"));
            long userId = Long.parseLong(e.get("userid"));
            if (enrolments.contains(new Enrolment(userId, courseId))) {
                // the last enrolment gone: Moodle drops the user's roles and groups in the course as well
                removeFromCourse(userId, courseId);
            }
        }
        return "null";
    }

    private void removeFromCourse(long userId, long courseId) {
        enrolments.remove(new Enrolment(userId, courseId));
        assignments.removeIf(a -> a.userId() == userId && a.courseId() == courseId);
        members.removeIf(m -> m.userId() == userId && groups.get(m.groupId()).courseId() == courseId);
    }

    private String roleChanges(Map<String, String> params, String array, boolean assign) throws MoodleError {
        List<Map<String, String>> list = list(params, array, "roleid", "userid");
        for (Map<String, String> a : list) {
            if (!"course".equals(a.get("contextlevel")) || !a.containsKey("instanceid")) {
                throw new MoodleError("invalid_parameter_exception", "invalidparameter",
                        "Invalid parameter value detected", "this fake knows course contexts only");
            }
            long courseId = integer(a, "instanceid", array);
            long roleId = integer(a, "roleid", array);
            requireCourse(courseId);
            requireUser(integer(a, "userid", array));
            if (unassignable.contains(roleId) || !roles.containsKey(roleId)) {
                throw new MoodleError("invalid_parameter_exception", "invalidparameter",
                        "Invalid parameter value detected", "Can not " + (assign ? "" : "un") + "assign roleid="
                                + roleId + " in contextid=");
            }
        }
        for (Map<String, String> a : list) {
            RoleAssignment ra = new RoleAssignment(Long.parseLong(a.get("userid")), Long.parseLong(a.get("instanceid")),
                    Long.parseLong(a.get("roleid")));
            if (assign) {
                assignments.add(ra);
            } else {
                assignments.remove(ra);
            }
        }
        return "null";
    }

    private String groupChanges(Map<String, String> params, boolean add) throws MoodleError {
        List<Map<String, String>> list = list(params, "members", "groupid", "userid");
        for (Map<String, String> m : list) {
            long groupId = integer(m, "groupid", "members");
            long userId = integer(m, "userid", "members");
            Group group = groups.get(groupId);
            if (group == null) {
                throw new MoodleError("dml_missing_record_exception", "invalidrecord",
                        "Can't find data record in database table groups.", null);
            }
            requireUser(userId);
            if (add && !enrolments.contains(new Enrolment(userId, group.courseId()))) {
                throw new MoodleError("invalid_parameter_exception", "invalidparameter",
                        "Invalid parameter value detected", "Only enrolled users may be members of groups");
            }
        }
        for (Map<String, String> m : list) {
            GroupMember gm = new GroupMember(Long.parseLong(m.get("groupid")), Long.parseLong(m.get("userid")));
            if (add) {
                members.add(gm);
            } else {
                members.remove(gm);
            }
        }
        return "null";
    }

    private void requireCourse(long courseId) throws MoodleError {
        if (!courses.containsKey(courseId)) {
            throw new MoodleError("dml_missing_record_exception", "invalidrecord",
                    "Can't find data record in database table course.", null);
        }
    }

    private void requireUser(long userId) throws MoodleError {
        if (!users.containsKey(userId)) {
            throw new MoodleError("dml_missing_record_exception", "invalidrecord",
                    "Can't find data record in database table user.", null);
        }
    }

    private void requireManualInstance(long courseId) throws MoodleError {
        if (withoutManualEnrolment.contains(courseId)) {
            throw new MoodleError("moodle_exception", "wsnoinstance",
                    "Manual enrolment plugin instance doesn't exist or is disabled for the course (id = " + courseId
                            + ")", null);
        }
    }

    /** The entries of a form-encoded array {@code name[i][key]}, each checked for its required keys. */
    private static List<Map<String, String>> list(Map<String, String> params, String name, String... required)
            throws MoodleError {
        Map<Integer, Map<String, String>> byIndex = new TreeMap<>();
        String prefix = name + "[";
        for (Map.Entry<String, String> p : params.entrySet()) {
            if (p.getKey().startsWith(prefix)) {
                String rest = p.getKey().substring(prefix.length());
                int close = rest.indexOf("][");
                if (close < 0 || !rest.endsWith("]")) {
                    throw invalid(name + " => Invalid parameter value detected (malformed key " + p.getKey() + ")");
                }
                int index = Integer.parseInt(rest.substring(0, close));
                String key = rest.substring(close + 2, rest.length() - 1);
                byIndex.computeIfAbsent(index, i -> new HashMap<>()).put(key, p.getValue());
            }
        }
        if (byIndex.isEmpty()) {
            throw invalid("Missing required key in single structure: " + name);
        }
        for (Map<String, String> entry : byIndex.values()) {
            for (String key : required) {
                if (!entry.containsKey(key)) {
                    throw invalid(name + " => Invalid parameter value detected (Missing required key in single"
                            + " structure: " + key + ")");
                }
            }
        }
        return new ArrayList<>(byIndex.values());
    }

    private static long integer(Map<String, String> params, String key, String where) throws MoodleError {
        String value = params.get(key);
        if (value == null || !value.matches("-?[0-9]+")) {
            throw invalid(where + " => Invalid parameter value detected (" + key + " => Invalid parameter value"
                    + " detected (Invalid external api parameter: the value is \"" + value + "\", the server was"
                    + " expecting \"int\" type))");
        }
        return Long.parseLong(value);
    }

    private static MoodleError invalid(String debuginfo) {
        return new MoodleError("invalid_parameter_exception", "invalidparameter", "Invalid parameter value detected",
                debuginfo);
    }

    private static final class MoodleError extends Exception {
        private static final long serialVersionUID = 1L;
        final String exception;
        final String errorcode;
        final String debuginfo;

        MoodleError(String exception, String errorcode, String message, String debuginfo) {
            super(message);
            this.exception = exception;
            this.errorcode = errorcode;
            this.debuginfo = debuginfo;
        }
    }
}
