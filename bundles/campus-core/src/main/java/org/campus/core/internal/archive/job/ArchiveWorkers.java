package org.campus.core.internal.archive.job;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import org.campus.api.archive.WorkerReport;
import org.campus.core.internal.db.CampusSchema;
import org.campus.core.internal.db.JdbcTransactions;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The external workers of archive jobs: each activity's callback token (issued when its archiver
 * first asks, kept hashed in {@code archive_worker} (V18) and in the job's work directory for the
 * archiver's next call), the worker's reports, and the wake-up of the job thread that awaits them.
 * A report received on this node wakes the waiting thread at once; one received on another node is
 * seen by the waiting thread's next look at the database (once a second).
 */
@Component(service = ArchiveWorkers.class, configurationPid = ArchiveConfig.PID)
public class ArchiveWorkers {

    private static final Logger LOG = LoggerFactory.getLogger(ArchiveWorkers.class);

    /** Every callback token starts so (then 43 characters of base64url): told apart from API keys at once. */
    static final String TOKEN_PREFIX = "cw_";
    static final java.util.regex.Pattern TOKEN = java.util.regex.Pattern.compile(
            org.campus.api.archive.CallbackTokenException.TOKEN_FORMAT);

    /** The path of a report under the API base. */
    static final String REPORTS_PATH = "/archive/jobs/%d/activities/%d/reports";
    static final String API_BASE = "/campus/api/v1";

    private final JdbcTransactions tx;
    private final String configuredBase;
    private final ConfigurationAdmin configurations;
    private final Clock clock;
    private final Duration silence;
    private final SecureRandom random = new SecureRandom();
    /** The monitors job threads wait on, per job and activity; this node's only. */
    private final Map<String, Object> signals = new ConcurrentHashMap<>();

    /** A worker's last report and how many arrived. */
    record Report(String text, Instant time, int count) {
    }

    @Activate
    public ArchiveWorkers(ArchiveConfig config, @Reference CampusSchema schema,
            @Reference(target = "(osgi.jndi.service.name=campus)") DataSource dataSource,
            @Reference(cardinality = ReferenceCardinality.OPTIONAL, policyOption = ReferencePolicyOption.GREEDY)
            ConfigurationAdmin configurations) {
        this(dataSource, config.worker_callbackBaseUrl(), Duration.ofMinutes(Math.max(0, config.worker_silenceMinutes())),
                configurations, Clock.systemUTC());
    }

    ArchiveWorkers(DataSource dataSource, String callbackBaseUrl, Duration silence, ConfigurationAdmin configurations,
            Clock clock) {
        this.tx = new JdbcTransactions(dataSource);
        this.configuredBase = callbackBaseUrl == null ? "" : callbackBaseUrl.trim();
        this.silence = silence;
        this.configurations = configurations;
        this.clock = clock;
    }

    /**
     * Whether the worker of an activity handed over at {@code handedOver} has been silent for longer
     * than {@code worker.silenceMinutes}: no report since the later of the hand-over and its last report.
     */
    boolean silentTooLong(long id, int activity, Instant handedOver) {
        if (silence.isZero()) {
            return false;
        }
        Instant lastHeard = last(id, activity).map(Report::time).filter(t -> t.isAfter(handedOver)).orElse(handedOver);
        return Duration.between(lastHeard, clock.instant()).compareTo(silence) > 0;
    }

    Duration silence() {
        return silence;
    }

    /**
     * The API base workers call: {@code worker.callbackBaseUrl}, else {@code http://localhost:<port>}
     * with Karaf's HTTP port ({@code org.osgi.service.http.port} of {@code etc/org.ops4j.pax.web.cfg},
     * 8181 when it cannot be read) and {@code /campus/api/v1}.
     */
    String base() {
        if (!configuredBase.isEmpty()) {
            return configuredBase.endsWith("/") ? configuredBase.substring(0, configuredBase.length() - 1)
                    : configuredBase;
        }
        return "http://localhost:" + httpPort() + API_BASE;
    }

    private String httpPort() {
        if (configurations != null) {
            try {
                Configuration[] found = configurations.listConfigurations("(service.pid=org.ops4j.pax.web)");
                if (found != null && found.length > 0 && found[0].getProperties() != null) {
                    Object port = found[0].getProperties().get("org.osgi.service.http.port");
                    if (port != null && String.valueOf(port).trim().matches("[0-9]{1,5}")) {
                        return String.valueOf(port).trim();
                    }
                }
            } catch (IOException | org.osgi.framework.InvalidSyntaxException e) {
                LOG.debug("Karaf's HTTP port could not be read: {}", e.toString());
            }
        }
        String port = System.getProperty("org.osgi.service.http.port");
        return port != null && port.matches("[0-9]{1,5}") ? port : "8181";
    }

    Optional<URI> callbackUrl(long id, int activity) {
        return Optional.of(URI.create(base() + String.format(java.util.Locale.ROOT, REPORTS_PATH, id, activity)));
    }

    /**
     * The activity's callback token: the one issued before when the work directory still has it and
     * the database still knows its hash, else a new one (which replaces the former).
     */
    String token(long id, int activity, Path file) throws IOException {
        Optional<String> hash = tx.read("reading a worker's token", c -> storedHash(c, id, activity));
        if (hash.isPresent() && Files.isRegularFile(file)) {
            String token = Files.readString(file, StandardCharsets.US_ASCII).trim();
            if (MessageDigest.isEqual(hash.get().getBytes(StandardCharsets.US_ASCII),
                    sha256(token).getBytes(StandardCharsets.US_ASCII))) {
                return token;
            }
        }
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = TOKEN_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Files.createDirectories(file.getParent());
        Path temp = file.resolveSibling("." + file.getFileName() + ".tmp");
        Files.deleteIfExists(temp);
        try {
            Files.createFile(temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(temp);
        }
        Files.writeString(temp, token, StandardCharsets.US_ASCII);
        Files.move(temp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        String h = sha256(token);
        long now = clock.millis();
        tx.write("issuing a worker's token", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "DELETE FROM archive_worker WHERE archive_id = ? AND activity_index = ?")) {
                ps.setLong(1, id);
                ps.setInt(2, activity);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO archive_worker (archive_id, activity_index,"
                    + " token_hash, reports, time_created) VALUES (?, ?, ?, 0, ?)")) {
                ps.setLong(1, id);
                ps.setInt(2, activity);
                ps.setString(3, h);
                ps.setLong(4, now);
                ps.executeUpdate();
            }
            return null;
        });
        return token;
    }

    private static Optional<String> storedHash(Connection c, long id, int activity) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT token_hash FROM archive_worker WHERE archive_id = ? AND activity_index = ?")) {
            ps.setLong(1, id);
            ps.setInt(2, activity);
            try (ResultSet r = ps.executeQuery()) {
                return r.next() ? Optional.of(r.getString(1).trim()) : Optional.empty();
            }
        }
    }

    /** Where a valid token belongs. */
    record Holder(long id, int activity) {
    }

    /**
     * Whether {@code token} is the one of this job's activity: its SHA-256 compared in constant time
     * with the stored one. Otherwise where the token belongs, if anywhere; a token no activity was
     * given is a {@link org.campus.api.archive.CallbackTokenException}.
     */
    Optional<Holder> authenticate(Connection c, long id, int activity, String token) throws SQLException {
        if (token == null || !TOKEN.matcher(token).matches()) {
            throw new org.campus.api.archive.CallbackTokenException("A worker reports with its activity's callback"
                    + " token: 'Authorization: Bearer <token>'");
        }
        String given = sha256(token);
        Optional<String> hash = storedHash(c, id, activity);
        if (hash.isPresent() && MessageDigest.isEqual(hash.get().getBytes(StandardCharsets.US_ASCII),
                given.getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT archive_id, activity_index FROM archive_worker WHERE token_hash = ?")) {
            ps.setString(1, given);
            try (ResultSet r = ps.executeQuery()) {
                if (r.next()) {
                    return Optional.of(new Holder(r.getLong(1), r.getInt(2)));
                }
            }
        }
        throw new org.campus.api.archive.CallbackTokenException("The callback token is not valid (the job it was"
                + " given for may be deleted)");
    }

    /** Stores the report (after {@link #authenticate}), in the caller's transaction. */
    void record(Connection c, long id, int activity, WorkerReport report) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE archive_worker SET report = ?, report_state = ?,"
                + " report_progress = ?, time_report = ?, reports = reports + 1"
                + " WHERE archive_id = ? AND activity_index = ?")) {
            ps.setString(1, report.text());
            ps.setString(2, report.state());
            if (report.progress() == null) {
                ps.setNull(3, java.sql.Types.INTEGER);
            } else {
                ps.setInt(3, report.progress());
            }
            ps.setLong(4, clock.millis());
            ps.setLong(5, id);
            ps.setInt(6, activity);
            ps.executeUpdate();
        }
    }

    /** Wakes the job thread of this node that awaits this activity's worker, if any. */
    void wake(long id, int activity) {
        Object signal = signals.get(key(id, activity));
        if (signal != null) {
            synchronized (signal) {
                signal.notifyAll();
            }
        }
    }

    /** The last report, if one arrived. */
    Optional<Report> last(long id, int activity) {
        return tx.read("reading a worker's last report", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT report, time_report, reports FROM archive_worker"
                    + " WHERE archive_id = ? AND activity_index = ?")) {
                ps.setLong(1, id);
                ps.setInt(2, activity);
                try (ResultSet r = ps.executeQuery()) {
                    if (!r.next() || r.getString(1) == null) {
                        return Optional.empty();
                    }
                    return Optional.of(new Report(r.getString(1), Instant.ofEpochMilli(r.getLong(2)), r.getInt(3)));
                }
            }
        });
    }

    /** How many reports arrived for the activity (0 before any, or before a token was issued). */
    int reports(long id, int activity) {
        return last(id, activity).map(Report::count).orElse(0);
    }

    /**
     * Waits up to {@code millis} for a report on this node; returns at once when one arrives. The
     * caller looks at {@link #reports} after, which also sees reports received by other nodes.
     */
    void await(long id, int activity, long millis) throws InterruptedException {
        String key = key(id, activity);
        Object signal = signals.computeIfAbsent(key, k -> new Object());
        try {
            synchronized (signal) {
                signal.wait(Math.max(1, millis));
            }
        } finally {
            signals.remove(key, signal);
        }
    }

    private static String key(long id, int activity) {
        return id + "/" + activity;
    }

    static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
