package org.campus.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.Comparator;
import java.util.stream.Stream;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.apache.commons.dbcp2.BasicDataSource;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The bare baseline: one Jetty 9.4 servlet (the Jetty that Pax Web runs inside Karaf) that serves
 * the same two share-progress calls as Campus, on the database of {@link BenchDatabase} (embedded
 * Derby, or PostgreSQL) through plain JDBC and a dbcp2 pool of the size Campus uses. It does the same database work as Campus for each call:
 * <ul>
 * <li>{@code POST /campus/api/v1/share-progress}: the share row and its first status-timeline row,
 * two inserts with ids from the sequences (blocks of 50, as JPA takes them) in one transaction, then 201 with {@code Location} and the record
 * as JSON;</li>
 * <li>{@code GET /campus/api/v1/share-progress/{id}}: one select by primary key, 200 with the record.</li>
 * </ul>
 * JSON goes through Jackson both ways with the JSR-310 module, as in Campus. There is no
 * authentication, no audit log and no event: that is what "bare" means, and what Campus is measured
 * against.
 *
 * <p>Run by {@link ShareProgressBench} in a JVM of its own (see there why):
 * {@code java -cp ... org.campus.bench.BaselineServer <db-dir> [port]}. It prints
 * {@code BASELINE_READY port=<n>} once it serves, and stops when its standard input closes, so that it
 * never outlives the bench that started it.
 */
public final class BaselineServer {

    private static final Logger LOG = LoggerFactory.getLogger(BaselineServer.class);

    /** The line the parent waits for. */
    static final String READY = "BASELINE_READY port=";

    static final String CONTEXT = "/campus";
    static final String PATH = "/api/v1/share-progress";

    /** The argument that keeps the database an earlier baseline left, instead of creating a new one. */
    static final String KEEP = "--keep";

    private static final String INSERT_SHARE = "INSERT INTO share_progress (course_id, user_id, share_type, cm_id,"
            + " id_numeric, status, resource_url, error_message, time_created, time_modified, source_deleted,"
            + " time_source_deleted, version, id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_EVENT = "INSERT INTO share_progress_event (share_id, status, event_time,"
            + " resource_url, message, id) VALUES (?, ?, ?, ?, ?, ?)";

    /** Ids in blocks of 50 from one of the migration's sequences, as Campus's JPA layer takes them. */
    static final class IdBlock {
        private static final int SIZE = 50;
        private final String sequence;
        private long next = 1;
        private long last = 0;

        IdBlock(String sequence) {
            this.sequence = sequence;
        }

        synchronized long next(Connection c) throws SQLException {
            if (next > last) {
                boolean postgresql = c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT)
                        .contains("postgres");
                String sql = postgresql ? "SELECT nextval('" + sequence + "')" : "VALUES NEXT VALUE FOR " + sequence;
                try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
                    r.next();
                    last = r.getLong(1);
                    next = last - SIZE + 1;
                }
            }
            return next++;
        }
    }
    private static final String SELECT_SHARE = "SELECT id, course_id, user_id, share_type, cm_id, id_numeric, status,"
            + " resource_url, error_message, time_created, time_modified, source_deleted, time_source_deleted,"
            + " version FROM share_progress WHERE id = ?";

    /** The bits of share_progress.id_numeric (V7): which LMS ids came as JSON numbers. */
    private static final int COURSE_NUMERIC = 1;
    private static final int USER_NUMERIC = 2;
    private static final int CM_NUMERIC = 4;

    static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** The request body of a create. */
    public record NewShareJson(Long courseId, Long userId, String type, Long cmId) {
    }

    /** A share as Campus returns it (the fields of org.campus.api.sharing.ShareProgress). */
    public record ShareJson(long id, long courseId, long userId, String type, Long cmId, String status,
            String resourceUrl, String errorMessage, Instant timeCreated, Instant timeModified,
            boolean sourceDeleted, Instant timeSourceDeleted, long version) {
    }

    private final Server server;
    private final BasicDataSource pool;
    private final BenchDatabase db;

    private BaselineServer(Server server, BasicDataSource pool, BenchDatabase db) {
        this.server = server;
        this.pool = pool;
        this.db = db;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            LOG.error("usage: BaselineServer <db-dir> [port] [{}]", KEEP);
            System.exit(64);
        }
        Path dbDir = Paths.get(args[0]).toAbsolutePath();
        int port = args.length > 1 ? Integer.parseInt(args[1]) : 0;
        boolean keep = args.length > 2 && KEEP.equals(args[2]);
        BaselineServer baseline = start(dbDir, port, keep);
        Runtime.getRuntime().addShutdownHook(new Thread(baseline::stop, "baseline-stop"));
        System.out.println(READY + baseline.port());
        System.out.flush();
        // stop when the parent closes our stdin (or dies)
        try (InputStream in = System.in) {
            while (in.read() >= 0) {
                // nothing to read; EOF is the signal
            }
        } catch (IOException e) {
            // parent gone: stop as well
        }
        System.exit(0);
    }

    /**
     * Creates a fresh database in {@code dbDir} (or, with {@code keep}, opens the one there) and serves on
     * 127.0.0.1:{@code port} (0: a free one).
     */
    static BaselineServer start(Path dbDir, int port, boolean keep) throws Exception {
        BenchDatabase db = BenchDatabase.fromSystemProperties();
        boolean fresh = !keep || (!db.postgresql && !Files.isDirectory(dbDir.resolve("baseline")));
        if (fresh) {
            deleteTree(dbDir);
        }
        Files.createDirectories(dbDir);
        System.setProperty("derby.system.home", dbDir.toString());
        System.setProperty("derby.stream.error.file", dbDir.resolve("derby.log").toString());

        // as Campus's org.ops4j.datasource-campus: dbcp2, maxTotal 16, maxIdle 16, minIdle 2
        BasicDataSource pool = new BasicDataSource();
        pool.setDriverClassName(db.driverClass());
        pool.setUrl(db.baselineUrl());
        if (db.postgresql) {
            pool.setUsername(db.user());
            pool.setPassword(db.password());
        }
        pool.setMaxTotal(16);
        pool.setMaxIdle(16);
        pool.setMinIdle(2);
        if (fresh) {
            if (db.postgresql) {
                // an empty database: what an earlier run left in it goes
                try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
                    s.execute("DROP SCHEMA public CASCADE");
                    s.execute("CREATE SCHEMA public");
                }
            }
            createSchema(pool, db);
        }

        Server server = new Server(); // default QueuedThreadPool, as Pax Web's default Jetty
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler(ServletContextHandler.NO_SESSIONS);
        context.setContextPath(CONTEXT);
        ServletHolder holder = new ServletHolder(new ShareProgressServlet(pool));
        context.addServlet(holder, PATH);
        context.addServlet(holder, PATH + "/*");
        ServletHolder workflows = new ServletHolder(new WorkflowBaselineServlet(pool));
        for (String path : WorkflowBaselineServlet.PATHS) {
            context.addServlet(workflows, path);
            context.addServlet(workflows, path + "/*");
        }
        server.setHandler(context);
        server.setStopAtShutdown(false);
        server.start();
        return new BaselineServer(server, pool, db);
    }

    int port() {
        return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }

    synchronized void stop() {
        try {
            if (server.isStarted()) {
                server.stop();
            }
        } catch (Exception e) {
            LOG.warn("Jetty stop failed: {}", e.toString());
        }
        try {
            pool.close();
        } catch (SQLException e) {
            LOG.warn("pool close failed: {}", e.toString());
        }
        if (db.postgresql) {
            return;
        }
        try {
            java.sql.DriverManager.getConnection("jdbc:derby:;shutdown=true");
        } catch (SQLException expected) {
            // Derby reports a clean shutdown as an exception (XJ015)
        }
    }

    private static void createSchema(BasicDataSource pool, BenchDatabase db) throws SQLException {
        try (Connection c = pool.getConnection()) {
            CampusSchema.create(c, db);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }

    /** Work inside one JDBC transaction. */
    interface SqlWork<T> {
        T run(Connection c) throws SQLException;
    }

    /** Runs {@code work} in one transaction on a pooled connection: commit when it returns, rollback when it throws. */
    static <T> T transaction(BasicDataSource pool, SqlWork<T> work) throws SQLException {
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    private static final java.util.concurrent.atomic.AtomicInteger LOGGED = new java.util.concurrent.atomic.AtomicInteger();

    /** Logs the first few database failures in full (to the baseline's log), then only counts them. */
    static void logFailure(String call, SQLException e) {
        if (LOGGED.incrementAndGet() <= 5) {
            LOG.error("{} failed, SQLState {}", call, e.getSQLState(), e);
        }
    }

    static void write(HttpServletResponse resp, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        resp.setContentType("application/json");
        resp.setContentLength(bytes.length);
        resp.getOutputStream().write(bytes);
    }

    static void problem(HttpServletResponse resp, int status, String detail) throws IOException {
        resp.setStatus(status);
        byte[] bytes = JSON.writeValueAsBytes(java.util.Map.of("status", status, "detail", detail));
        resp.setContentType("application/problem+json");
        resp.setContentLength(bytes.length);
        resp.getOutputStream().write(bytes);
    }

    /** The two calls, in plain servlet API and JDBC. */
    static final class ShareProgressServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;

        private final transient BasicDataSource pool;
        /** Ids in blocks of 50 from the migration's sequences, as Campus's JPA layer takes them. */
        private final transient IdBlock shareIds = new IdBlock("share_progress_seq");
        private final transient IdBlock eventIds = new IdBlock("share_progress_event_seq");

        ShareProgressServlet(BasicDataSource pool) {
            this.pool = pool;
        }

        @Override
        protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            String path = req.getPathInfo();
            if (path != null && !path.equals("/")) {
                problem(resp, 405, "POST only on the collection");
                return;
            }
            NewShareJson in;
            try {
                in = JSON.readValue(req.getInputStream(), NewShareJson.class);
            } catch (JsonProcessingException e) {
                problem(resp, 400, "malformed JSON: " + e.getOriginalMessage());
                return;
            }
            String invalid = validate(in);
            if (invalid != null) {
                problem(resp, 400, invalid);
                return;
            }
            long now = System.currentTimeMillis();
            long id;
            try {
                id = transaction(pool, c -> {
                    long newId = shareIds.next(c);
                    try (PreparedStatement ps = c.prepareStatement(INSERT_SHARE)) {
                        // LMS ids are kept as strings, with a bit for each that came as a JSON number (V7)
                        ps.setString(1, Long.toString(in.courseId()));
                        ps.setString(2, Long.toString(in.userId()));
                        ps.setString(3, in.type());
                        if (in.cmId() == null) {
                            ps.setNull(4, Types.VARCHAR);
                            ps.setInt(5, COURSE_NUMERIC | USER_NUMERIC);
                        } else {
                            ps.setString(4, Long.toString(in.cmId()));
                            ps.setInt(5, COURSE_NUMERIC | USER_NUMERIC | CM_NUMERIC);
                        }
                        ps.setString(6, "in_progress");
                        ps.setNull(7, Types.VARCHAR);
                        ps.setNull(8, Types.VARCHAR);
                        ps.setLong(9, now);
                        ps.setLong(10, now);
                        ps.setBoolean(11, false);
                        ps.setNull(12, Types.BIGINT);
                        ps.setLong(13, 1L);
                        ps.setLong(14, newId);
                        ps.executeUpdate();
                    }
                    try (PreparedStatement ps = c.prepareStatement(INSERT_EVENT)) {
                        ps.setLong(1, newId);
                        ps.setString(2, "in_progress");
                        ps.setLong(3, now);
                        ps.setNull(4, Types.VARCHAR);
                        ps.setNull(5, Types.VARCHAR);
                        ps.setLong(6, eventIds.next(c));
                        ps.executeUpdate();
                    }
                    return newId;
                });
            } catch (SQLException e) {
                logFailure("POST", e);
                problem(resp, 500, "database: " + e.getMessage() + " (SQLState " + e.getSQLState() + ")");
                return;
            }
            Instant t = Instant.ofEpochMilli(now);
            ShareJson out = new ShareJson(id, in.courseId(), in.userId(), in.type(), in.cmId(), "in_progress",
                    null, null, t, t, false, null, 1L);
            resp.setStatus(201);
            resp.setHeader("Location", req.getContextPath() + PATH + "/" + id);
            write(resp, out);
        }

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            String path = req.getPathInfo();
            long id;
            try {
                id = Long.parseLong(path == null ? "" : path.substring(1));
            } catch (NumberFormatException e) {
                problem(resp, 404, "no such share");
                return;
            }
            ShareJson out;
            try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement(SELECT_SHARE)) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        problem(resp, 404, "share " + id + " not found");
                        return;
                    }
                    // the baseline only ever stores numbers (id_numeric says so); Campus gives each back as it came
                    String cmId = rs.getString(5);
                    Long cm = cmId == null ? null : Long.valueOf(cmId);
                    long deletedAt = rs.getLong(13);
                    Instant timeSourceDeleted = rs.wasNull() ? null : Instant.ofEpochMilli(deletedAt);
                    out = new ShareJson(rs.getLong(1), Long.parseLong(rs.getString(2)), Long.parseLong(rs.getString(3)),
                            rs.getString(4), cm, rs.getString(7), rs.getString(8), rs.getString(9),
                            Instant.ofEpochMilli(rs.getLong(10)), Instant.ofEpochMilli(rs.getLong(11)),
                            rs.getBoolean(12), timeSourceDeleted, rs.getLong(14));
                }
            } catch (SQLException e) {
                logFailure("GET", e);
                problem(resp, 500, "database: " + e.getMessage() + " (SQLState " + e.getSQLState() + ")");
                return;
            }
            resp.setStatus(200);
            write(resp, out);
        }

        /** The checks Campus's ShareRules make on a new share. */
        private static String validate(NewShareJson in) {
            if (in == null) {
                return "a JSON object is required";
            }
            if (in.courseId() == null || in.courseId() <= 0) {
                return "courseId: must be a positive id";
            }
            if (in.userId() == null || in.userId() <= 0) {
                return "userId: must be a positive id";
            }
            if ("activity".equals(in.type())) {
                if (in.cmId() == null || in.cmId() <= 0) {
                    return "cmId: an activity share needs a positive cmId";
                }
            } else if ("course".equals(in.type())) {
                if (in.cmId() != null) {
                    return "cmId: a course share has no cmId";
                }
            } else {
                return "type: must be activity or course";
            }
            return null;
        }
    }
}
