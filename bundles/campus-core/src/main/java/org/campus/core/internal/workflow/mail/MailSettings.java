package org.campus.core.internal.workflow.mail;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.campus.core.internal.workflow.model.MailAddresses;

/**
 * The sender's settings, checked. {@link #toString()} leaves the secrets out.
 *
 * @param callbackUrl {@code null} when no callback is configured
 */
public record MailSettings(boolean enabled, String smtpHost, int smtpPort, String from, String username,
        String password, boolean startTls, Duration connectTimeout, Duration readTimeout, int maxAttempts,
        Duration retryBackoff, Duration pollInterval, URI callbackUrl, String callbackToken) {

    static final Duration MAX_BACKOFF = Duration.ofDays(1);

    static MailSettings of(WorkflowMailConfig c) {
        String url = c.callbackUrl() == null || c.callbackUrl().isBlank() ? null : c.callbackUrl().strip();
        return new MailSettings(c.enabled(), c.smtpHost(), c.smtpPort(), c.from(), c.username(), c.password(),
                c.startTls(), Duration.ofMillis(c.connectTimeoutMs()), Duration.ofMillis(c.readTimeoutMs()),
                c.maxAttempts(), Duration.ofSeconds(c.retryBackoffSeconds()), Duration.ofMillis(c.pollIntervalMs()),
                url == null ? null : parseUri(url), c.callbackToken());
    }

    private static URI parseUri(String url) {
        try {
            return URI.create(url);
        } catch (IllegalArgumentException e) {
            return URI.create("invalid:" + url.hashCode());
        }
    }

    /** Why these settings cannot send, one line per problem (never naming a secret); empty when they can. */
    List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (smtpHost == null || smtpHost.isBlank()) {
            problems.add("smtpHost is required");
        }
        if (smtpPort < 1 || smtpPort > 65535) {
            problems.add("smtpPort must be between 1 and 65535");
        }
        String fromProblem = MailAddresses.problem(from);
        if (fromProblem != null) {
            problems.add("from " + fromProblem);
        }
        if (maxAttempts < 1) {
            problems.add("maxAttempts must be at least 1");
        }
        if (retryBackoff.isNegative()) {
            problems.add("retryBackoffSeconds must not be negative");
        }
        if (pollInterval.toMillis() < 10) {
            problems.add("pollIntervalMs must be at least 10");
        }
        if (connectTimeout.toMillis() < 1 || readTimeout.toMillis() < 1) {
            problems.add("connectTimeoutMs and readTimeoutMs must be positive");
        }
        if (callbackUrl != null && !("http".equals(callbackUrl.getScheme()) || "https".equals(callbackUrl.getScheme()))
                || callbackUrl != null && callbackUrl.getHost() == null) {
            problems.add("callbackUrl must be an http or https URL");
        }
        return problems;
    }

    boolean authenticates() {
        return username != null && !username.isEmpty();
    }

    /** The wait after attempt number {@code attempts} failed: the backoff, doubled for each further attempt. */
    Duration backoffAfter(int attempts) {
        Duration wait = retryBackoff;
        for (int i = 1; i < attempts && wait.compareTo(MAX_BACKOFF) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait;
    }

    @Override
    public String toString() {
        return "MailSettings[enabled=" + enabled + ", smtp=" + smtpHost + ":" + smtpPort + ", from=" + from
                + ", user=" + (authenticates() ? username : "(none)") + ", startTls=" + startTls
                + ", maxAttempts=" + maxAttempts + ", retryBackoff=" + retryBackoff + ", pollInterval=" + pollInterval
                + ", callback=" + (callbackUrl == null ? "(none)" : callbackUrl.getScheme() + "://"
                + callbackUrl.getAuthority() + callbackUrl.getPath()) + "]";
    }
}
