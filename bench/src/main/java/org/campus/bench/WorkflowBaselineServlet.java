package org.campus.bench;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.apache.commons.dbcp2.BasicDataSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The baseline's workflow calls, in plain servlet API and JDBC on Campus's own tables
 * ({@link CampusSchema}), doing the database work Campus does:
 * <ul>
 * <li>{@code POST /campus/api/v1/workflows}: stores the definition (as its JSON text) and keeps it in
 * memory, as Campus keeps its parsed definitions cached by id;</li>
 * <li>{@code POST /campus/api/v1/workflow-records}: the record and its first history entry in one
 * transaction, 201 with the record;</li>
 * <li>{@code POST /campus/api/v1/workflow-records/{id}/actions}, the call the bench measures: in one
 * transaction, select the record, check that the action leaves its state and that the roles (or
 * authorship) allow it, update state and version guarded by the version read (no row updated: 409),
 * insert the history entry, commit; 200 with the record;</li>
 * <li>{@code GET /campus/api/v1/workflow-worklists?courseId=&activityId=&roles=&limit=&cursor=}: the
 * records of a course (and activity) in the states where the roles may perform an action, a page by
 * id, and their counts per state.</li>
 * </ul>
 * Permission rules as Campus's: {@code author} is no role one holds but follows from being the record's
 * author; an action is allowed when one of its roles is held. Guards are not modelled (the bench's
 * workflow has none).
 */
final class WorkflowBaselineServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    static final String WORKFLOWS = "/api/v1/workflows";
    static final String RECORDS = "/api/v1/workflow-records";
    static final String WORKLISTS = "/api/v1/workflow-worklists";
    static final List<String> PATHS = List.of(WORKFLOWS, RECORDS, WORKLISTS);

    private static final String AUTHOR = "author";
    private static final int MAX_LIMIT = 500;

    static final String RECORD_COLUMNS = "id, workflow_id, lms_record_id, course_id, activity_id, author_id,"
            + " state, time_created, time_modified, version";
    private static final String SELECT_RECORD = "SELECT " + RECORD_COLUMNS + " FROM workflow_record WHERE id = ?";
    private static final String UPDATE_STATE = "UPDATE workflow_record SET state = ?, version = version + 1,"
            + " time_modified = ? WHERE id = ? AND version = ?";
    private static final String INSERT_HISTORY = "INSERT INTO workflow_history (record_id, action, actor,"
            + " actor_numeric, from_state, to_state, event_time, comment_text, id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_RECORD = "INSERT INTO workflow_record (workflow_id, lms_record_id,"
            + " course_id, activity_id, author_id, id_numeric, state, time_created, time_modified, version, id)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_WORKFLOW = "INSERT INTO workflow (id, family_id, version, workflow_key, title,"
            + " definition_xml, warnings, time_created) VALUES (?, ?, 1, NULL, ?, ?, NULL, ?)";

    /** A record as the API returns it. */
    public record RecordJson(long id, long workflowId, String lmsRecordId, String courseId, String activityId,
            String authorId, String state, Instant timeCreated, Instant timeModified, long version) {
    }

    /** The body of an action call. */
    public record ActionJson(String action, String userId, List<String> roles, String comment) {
    }

    /** The body of a record registration. */
    public record NewRecordJson(Long workflowId, String lmsRecordId, String courseId, String activityId,
            String authorId) {
    }

    /** A refusal: the status and its detail. */
    record Problem(int status, String detail) {
    }

    /** A page of a worklist. */
    public record WorklistJson(List<RecordJson> items, Map<String, Object> counts, String next) {
    }

    /** An action of a stored workflow. */
    record Action(String id, Set<String> from, String to, Set<String> roles) {
        boolean allows(Set<String> effectiveRoles) {
            return roles.stream().anyMatch(effectiveRoles::contains);
        }
    }

    /** A stored workflow, as the checks need it. */
    record Workflow(long id, String initialState, Map<String, Action> actions) {
        static Workflow parse(long id, JsonNode def) {
            Map<String, Action> actions = new LinkedHashMap<>();
            for (JsonNode a : def.path("actions")) {
                Set<String> from = new LinkedHashSet<>();
                a.path("from").forEach(f -> from.add(f.asText()));
                Set<String> roles = new LinkedHashSet<>();
                a.path("roles").forEach(r -> roles.add(r.asText()));
                actions.put(a.path("id").asText(), new Action(a.path("id").asText(), from, a.path("to").asText(), roles));
            }
            return new Workflow(id, def.path("initialState").asText(), actions);
        }

        /** The states from which the roles (not as author) may perform some action: their worklist. */
        Set<String> worklistStates(Set<String> roles) {
            Set<String> states = new LinkedHashSet<>();
            for (Action a : actions.values()) {
                if (a.allows(roles)) {
                    states.addAll(a.from());
                }
            }
            return states;
        }
    }

    private final transient BasicDataSource pool;
    private final transient BaselineServer.IdBlock workflowIds = new BaselineServer.IdBlock("workflow_seq");
    private final transient BaselineServer.IdBlock recordIds = new BaselineServer.IdBlock("workflow_record_seq");
    private final transient BaselineServer.IdBlock historyIds = new BaselineServer.IdBlock("workflow_history_seq");
    private final transient Map<Long, Workflow> workflows = new ConcurrentHashMap<>();

    WorkflowBaselineServlet(BasicDataSource pool) throws SQLException, JsonProcessingException {
        this.pool = pool;
        // a database kept from an earlier run: its workflows, as Campus reads them back
        try (Connection c = pool.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT id, definition_xml FROM workflow")) {
            while (rs.next()) {
                long id = rs.getLong(1);
                workflows.put(id, Workflow.parse(id, BaselineServer.JSON.readTree(rs.getString(2))));
            }
        }
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getPathInfo();
        try {
            if (WORKFLOWS.equals(req.getServletPath()) && (path == null || path.equals("/"))) {
                createWorkflow(req, resp);
            } else if (RECORDS.equals(req.getServletPath()) && (path == null || path.equals("/"))) {
                createRecord(req, resp);
            } else if (RECORDS.equals(req.getServletPath()) && path != null && path.endsWith("/actions")) {
                long id;
                try {
                    id = Long.parseLong(path.substring(1, path.length() - "/actions".length()));
                } catch (NumberFormatException e) {
                    BaselineServer.problem(resp, 404, "no such record");
                    return;
                }
                perform(id, req, resp);
            } else {
                BaselineServer.problem(resp, 404, "no such resource");
            }
        } catch (JsonProcessingException e) {
            BaselineServer.problem(resp, 400, "malformed JSON: " + e.getOriginalMessage());
        } catch (SQLException e) {
            BaselineServer.logFailure("POST " + req.getServletPath(), e);
            BaselineServer.problem(resp, 500, "database: " + e.getMessage() + " (SQLState " + e.getSQLState() + ")");
        }
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (!WORKLISTS.equals(req.getServletPath())) {
            BaselineServer.problem(resp, 404, "no such resource");
            return;
        }
        try {
            worklist(req, resp);
        } catch (SQLException e) {
            BaselineServer.logFailure("GET worklist", e);
            BaselineServer.problem(resp, 500, "database: " + e.getMessage() + " (SQLState " + e.getSQLState() + ")");
        }
    }

    private void createWorkflow(HttpServletRequest req, HttpServletResponse resp) throws IOException, SQLException {
        JsonNode def = BaselineServer.JSON.readTree(req.getInputStream());
        String problem = validate(def);
        if (problem != null) {
            BaselineServer.problem(resp, 400, problem);
            return;
        }
        long id;
        try (Connection c = pool.getConnection()) {
            id = workflowIds.next(c);
            try (PreparedStatement ps = c.prepareStatement(INSERT_WORKFLOW)) {
                ps.setLong(1, id);
                ps.setLong(2, id);
                ps.setString(3, def.path("title").asText(null));
                ps.setString(4, BaselineServer.JSON.writeValueAsString(def));
                ps.setLong(5, System.currentTimeMillis());
                ps.executeUpdate();
            }
        }
        workflows.put(id, Workflow.parse(id, def));
        resp.setStatus(201);
        resp.setHeader("Location", req.getContextPath() + WORKFLOWS + "/" + id);
        BaselineServer.write(resp, Map.of("id", id, "initialState", def.path("initialState").asText()));
    }

    /** The checks a definition needs for the calls above to make sense. */
    private static String validate(JsonNode def) {
        Set<String> states = new LinkedHashSet<>();
        def.path("states").forEach(s -> states.add(s.path("id").asText()));
        if (!states.contains(def.path("initialState").asText())) {
            return "initialState: names no state";
        }
        for (JsonNode a : def.path("actions")) {
            if (!states.contains(a.path("to").asText())) {
                return "actions: '" + a.path("id").asText() + "' goes to an unknown state";
            }
            for (JsonNode f : a.path("from")) {
                if (!states.contains(f.asText())) {
                    return "actions: '" + a.path("id").asText() + "' starts from an unknown state";
                }
            }
        }
        return null;
    }

    private void createRecord(HttpServletRequest req, HttpServletResponse resp) throws IOException, SQLException {
        NewRecordJson in = BaselineServer.JSON.readValue(req.getInputStream(), NewRecordJson.class);
        Workflow wf = in.workflowId() == null ? null : workflows.get(in.workflowId());
        if (wf == null || blank(in.lmsRecordId()) || blank(in.courseId()) || blank(in.activityId())
                || blank(in.authorId())) {
            BaselineServer.problem(resp, 400, "workflowId, lmsRecordId, courseId, activityId and authorId are required");
            return;
        }
        long now = System.currentTimeMillis();
        long id = BaselineServer.transaction(pool, c -> {
            long newId = recordIds.next(c);
            try (PreparedStatement ps = c.prepareStatement(INSERT_RECORD)) {
                ps.setLong(1, wf.id());
                ps.setString(2, in.lmsRecordId());
                ps.setString(3, in.courseId());
                ps.setString(4, in.activityId());
                ps.setString(5, in.authorId());
                ps.setInt(6, 0);
                ps.setString(7, wf.initialState());
                ps.setLong(8, now);
                ps.setLong(9, now);
                ps.setLong(10, 1L);
                ps.setLong(11, newId);
                ps.executeUpdate();
            }
            insertHistory(c, newId, null, in.authorId(), null, wf.initialState(), now, null);
            return newId;
        });
        Instant t = Instant.ofEpochMilli(now);
        resp.setStatus(201);
        resp.setHeader("Location", req.getContextPath() + RECORDS + "/" + id);
        BaselineServer.write(resp, new RecordJson(id, wf.id(), in.lmsRecordId(), in.courseId(), in.activityId(),
                in.authorId(), wf.initialState(), t, t, 1L));
    }

    /** The measured call: select, check, update guarded by the version, insert the history entry. */
    private void perform(long id, HttpServletRequest req, HttpServletResponse resp) throws IOException, SQLException {
        ActionJson in = BaselineServer.JSON.readValue(req.getInputStream(), ActionJson.class);
        if (blank(in.action()) || blank(in.userId()) || (in.comment() != null && in.comment().length() > 4000)) {
            BaselineServer.problem(resp, 400, "action and userId are required, a comment has at most 4000 characters");
            return;
        }
        long now = System.currentTimeMillis();
        // a refusal leaves nothing changed: committing the transaction then only ends the read
        Object out = BaselineServer.transaction(pool, c -> {
            RecordJson r;
            try (PreparedStatement ps = c.prepareStatement(SELECT_RECORD)) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    r = rs.next() ? record(rs) : null;
                }
            }
            if (r == null) {
                return new Problem(404, "workflow record " + id + " not found");
            }
            Workflow wf = workflows.get(r.workflowId());
            Action action = wf == null ? null : wf.actions().get(in.action());
            if (action == null) {
                return new Problem(400, "action: workflow " + r.workflowId() + " defines no action '" + in.action() + "'");
            }
            if (!action.from().contains(r.state())) {
                return new Problem(409, "record " + id + " is in state '" + r.state() + "'");
            }
            if (!action.allows(effectiveRoles(in.roles(), in.userId().equals(r.authorId())))) {
                return new Problem(403, "roles " + in.roles() + " may not perform '" + action.id() + "'");
            }
            try (PreparedStatement ps = c.prepareStatement(UPDATE_STATE)) {
                ps.setString(1, action.to());
                ps.setLong(2, now);
                ps.setLong(3, id);
                ps.setLong(4, r.version());
                if (ps.executeUpdate() == 0) {
                    return new Problem(409, "record " + id + " was changed meanwhile");
                }
            }
            insertHistory(c, id, action.id(), in.userId(), r.state(), action.to(), now, in.comment());
            return new RecordJson(r.id(), r.workflowId(), r.lmsRecordId(), r.courseId(), r.activityId(),
                    r.authorId(), action.to(), r.timeCreated(), Instant.ofEpochMilli(now), r.version() + 1);
        });
        if (out instanceof Problem p) {
            BaselineServer.problem(resp, p.status(), p.detail());
            return;
        }
        resp.setStatus(200);
        BaselineServer.write(resp, out);
    }

    private void insertHistory(Connection c, long recordId, String action, String actor, String from, String to,
            long time, String comment) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INSERT_HISTORY)) {
            ps.setLong(1, recordId);
            ps.setString(2, action);
            ps.setString(3, actor);
            ps.setBoolean(4, false);
            ps.setString(5, from);
            ps.setString(6, to);
            ps.setLong(7, time);
            ps.setString(8, comment);
            ps.setLong(9, historyIds.next(c));
            ps.executeUpdate();
        }
    }

    /** A page of the records waiting for the roles in a course (and activity), with counts per state. */
    private void worklist(HttpServletRequest req, HttpServletResponse resp) throws IOException, SQLException {
        String courseId = req.getParameter("courseId");
        if (blank(courseId)) {
            BaselineServer.problem(resp, 400, "courseId: is required");
            return;
        }
        String activityId = req.getParameter("activityId");
        Set<String> roles = new LinkedHashSet<>();
        String[] given = req.getParameterValues("roles");
        if (given != null) {
            for (String g : given) {
                Arrays.stream(g.split(",")).map(String::strip).filter(r -> !r.isEmpty()).forEach(roles::add);
            }
        }
        roles.remove(AUTHOR);
        int limit;
        long after;
        try {
            limit = req.getParameter("limit") == null ? 50 : Integer.parseInt(req.getParameter("limit"));
            after = req.getParameter("cursor") == null ? 0 : Long.parseLong(req.getParameter("cursor"));
        } catch (NumberFormatException e) {
            BaselineServer.problem(resp, 400, "limit and cursor are numbers");
            return;
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            BaselineServer.problem(resp, 400, "limit: 1 to " + MAX_LIMIT);
            return;
        }
        // (workflow_id = ? AND state IN (...)) OR ... over the workflows where the roles can act at all
        StringBuilder where = new StringBuilder(" WHERE course_id = ?");
        List<Object> args = new ArrayList<>();
        args.add(courseId);
        if (!blank(activityId)) {
            where.append(" AND activity_id = ?");
            args.add(activityId);
        }
        StringBuilder states = new StringBuilder();
        for (Workflow wf : workflows.values()) {
            Set<String> waiting = wf.worklistStates(roles);
            if (waiting.isEmpty()) {
                continue;
            }
            states.append(states.length() == 0 ? "" : " OR ").append("(workflow_id = ? AND state IN (")
                    .append(String.join(", ", java.util.Collections.nCopies(waiting.size(), "?"))).append("))");
            args.add(wf.id());
            args.addAll(waiting);
        }
        List<RecordJson> items = new ArrayList<>();
        Map<String, Object> counts = new LinkedHashMap<>();
        Map<String, Long> byState = new LinkedHashMap<>();
        long total = 0;
        String next = null;
        if (states.length() > 0) {
            where.append(" AND (").append(states).append(')');
            try (Connection c = pool.getConnection()) {
                try (PreparedStatement ps = c.prepareStatement("SELECT " + RECORD_COLUMNS + " FROM workflow_record"
                        + where + (after > 0 ? " AND id > ?" : "") + " ORDER BY id FETCH FIRST " + (limit + 1)
                        + " ROWS ONLY")) {
                    int i = bind(ps, args);
                    if (after > 0) {
                        ps.setLong(i, after);
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            items.add(record(rs));
                        }
                    }
                }
                try (PreparedStatement ps = c.prepareStatement("SELECT state, COUNT(*) FROM workflow_record" + where
                        + " GROUP BY state")) {
                    bind(ps, args);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            byState.merge(rs.getString(1), rs.getLong(2), Long::sum);
                            total += rs.getLong(2);
                        }
                    }
                }
            }
            if (items.size() > limit) {
                items.remove(limit);
                next = Long.toString(items.get(limit - 1).id());
            }
        }
        counts.put("total", total);
        counts.put("states", byState);
        resp.setStatus(200);
        BaselineServer.write(resp, new WorklistJson(items, counts, next));
    }

    private static int bind(PreparedStatement ps, List<Object> args) throws SQLException {
        int i = 1;
        for (Object a : args) {
            ps.setObject(i++, a);
        }
        return i;
    }

    static RecordJson record(ResultSet rs) throws SQLException {
        return new RecordJson(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), Instant.ofEpochMilli(rs.getLong(8)),
                Instant.ofEpochMilli(rs.getLong(9)), rs.getLong(10));
    }

    private static Set<String> effectiveRoles(List<String> roles, boolean author) {
        Set<String> effective = new LinkedHashSet<>();
        if (roles != null) {
            effective.addAll(roles);
        }
        effective.remove(AUTHOR);
        if (author) {
            effective.add(AUTHOR);
        }
        return effective;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
