package org.campus.core.internal.privacy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

import org.campus.api.privacy.PrivacyProvider;
import org.campus.api.privacy.ProviderOutcome;
import org.campus.api.privacy.ProviderOutcome.Outcome;

/**
 * The one owner of tables {@code privacy_provider} (every provider ever seen, until forgotten) and
 * {@code privacy_erasure_outcome} (each provider's outcome in each erasure job), in plain JDBC.
 */
final class PrivacyRecords {

    static final int MAX_REASON = 4000;

    private final DataSource dataSource;

    PrivacyRecords(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Remembers a registered provider, so that every later erasure expects it. */
    void seen(PrivacyProvider provider, long now) throws SQLException {
        String name = provider.name();
        String description = clip(provider.description());
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE privacy_provider SET description = ?, time_last_seen = ? WHERE name = ?")) {
                ps.setString(1, description);
                ps.setLong(2, now);
                ps.setString(3, name);
                if (ps.executeUpdate() == 1) {
                    return;
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO privacy_provider (name, description,"
                    + " time_first_seen, time_last_seen) VALUES (?, ?, ?, ?)")) {
                ps.setString(1, name);
                ps.setString(2, description);
                ps.setLong(3, now);
                ps.setLong(4, now);
                ps.executeUpdate();
            } catch (SQLException e) {
                if (!isDuplicate(e)) {
                    throw e; // else another node (or thread) recorded it first, which is all we want
                }
            }
        }
    }

    /** Every expected provider by name, with its last known description. */
    Map<String, String> expected() throws SQLException {
        Map<String, String> names = new TreeMap<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT name, description FROM privacy_provider");
                ResultSet r = ps.executeQuery()) {
            while (r.next()) {
                names.put(r.getString(1), r.getString(2));
            }
        }
        return names;
    }

    boolean forget(String name) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("DELETE FROM privacy_provider WHERE name = ?")) {
            ps.setString(1, name);
            return ps.executeUpdate() == 1;
        }
    }

    /** The outcomes recorded for an erasure job, by provider name. */
    Map<String, ProviderOutcome> outcomes(long jobId) throws SQLException {
        Map<String, ProviderOutcome> found = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT provider, outcome, deleted, reason, time_recorded FROM privacy_erasure_outcome"
                        + " WHERE job_id = ? ORDER BY provider")) {
            ps.setLong(1, jobId);
            try (ResultSet r = ps.executeQuery()) {
                while (r.next()) {
                    found.put(r.getString(1), new ProviderOutcome(r.getString(1),
                            Outcome.fromCode(r.getString(2)).orElse(Outcome.FAILED), r.getInt(3), r.getString(4),
                            Instant.ofEpochMilli(r.getLong(5))));
                }
            }
        }
        return found;
    }

    /** Records a provider's outcome in the transaction of {@code c} (the erasure job's checkpoint). */
    static Void record(Connection c, long jobId, ProviderOutcome outcome) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "DELETE FROM privacy_erasure_outcome WHERE job_id = ? AND provider = ?")) {
            ps.setLong(1, jobId);
            ps.setString(2, outcome.provider());
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO privacy_erasure_outcome (job_id, provider,"
                + " outcome, deleted, reason, time_recorded) VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, jobId);
            ps.setString(2, outcome.provider());
            ps.setString(3, outcome.outcome().code());
            ps.setInt(4, outcome.deleted());
            ps.setString(5, clip(outcome.reason()));
            ps.setLong(6, outcome.time().toEpochMilli());
            ps.executeUpdate();
        }
        return null;
    }

    private static boolean isDuplicate(SQLException e) {
        return e.getSQLState() != null && e.getSQLState().startsWith("23");
    }

    static String clip(String text) {
        return text == null || text.length() <= MAX_REASON ? text : text.substring(0, MAX_REASON - 1) + "\u2026";
    }
}
