package org.campus.core.internal.job;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;

/** The engine's settings from {@link JobsConfig}, checked, with the limits it derives from them. */
public record JobSettings(int poolSize, Duration heartbeatInterval, int missedHeartbeats, DeadJobAction deadJobAction,
        int maxAttempts, Duration retryBackoff, Duration maxRetryBackoff, Duration pollInterval, String nodeName,
        Duration executorWait, Duration shutdownWait) {

    /** What becomes of a running job that stopped reporting. */
    public enum DeadJobAction {
        RETRY, FAIL
    }

    /** db-scheduler refuses fewer. */
    static final int MIN_MISSED_HEARTBEATS = 4;
    static final int MAX_NODE_NAME = 128;

    public JobSettings {
        if (poolSize < 1 || poolSize > 256) {
            throw new IllegalArgumentException("poolSize must be between 1 and 256, not " + poolSize);
        }
        if (heartbeatInterval.toMillis() < 10) {
            throw new IllegalArgumentException("heartbeatIntervalMs must be at least 10");
        }
        if (missedHeartbeats < MIN_MISSED_HEARTBEATS) {
            throw new IllegalArgumentException("missedHeartbeats must be at least " + MIN_MISSED_HEARTBEATS);
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        if (retryBackoff.isNegative() || maxRetryBackoff.compareTo(retryBackoff) < 0) {
            throw new IllegalArgumentException("retryBackoffSeconds must be 0 to maxRetryBackoffSeconds");
        }
        if (pollInterval.toMillis() < 10) {
            throw new IllegalArgumentException("pollIntervalMs must be at least 10");
        }
        if (nodeName == null || nodeName.isBlank() || nodeName.length() > MAX_NODE_NAME
                || nodeName.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("nodeName must be 1 to " + MAX_NODE_NAME + " printable characters");
        }
        if (executorWait.isNegative() || shutdownWait.isNegative()) {
            throw new IllegalArgumentException("executorWaitSeconds and shutdownWaitSeconds must not be negative");
        }
    }

    static JobSettings of(JobsConfig c) {
        DeadJobAction action;
        try {
            action = DeadJobAction.valueOf(c.deadJobAction().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("deadJobAction must be retry or fail, not " + c.deadJobAction());
        }
        String node = c.nodeName() == null || c.nodeName().isBlank() ? hostName() : c.nodeName().strip();
        return new JobSettings(c.poolSize(), Duration.ofMillis(c.heartbeatIntervalMs()), c.missedHeartbeats(), action,
                c.maxAttempts(), Duration.ofSeconds(c.retryBackoffSeconds()),
                Duration.ofSeconds(c.maxRetryBackoffSeconds()), Duration.ofMillis(c.pollIntervalMs()), node,
                Duration.ofSeconds(c.executorWaitSeconds()), Duration.ofSeconds(c.shutdownWaitSeconds()));
    }

    private static String hostName() {
        try {
            String name = InetAddress.getLocalHost().getHostName();
            return name.length() > MAX_NODE_NAME ? name.substring(0, MAX_NODE_NAME) : name;
        } catch (UnknownHostException e) {
            return "campus";
        }
    }

    /** How long a running job may go without reporting before it is taken for dead. */
    public Duration deadAfter() {
        return heartbeatInterval.multipliedBy(missedHeartbeats);
    }

    /** The wait before the next attempt once {@code failedAttempts} attempts have failed (from 1). */
    public Duration backoffAfter(int failedAttempts) {
        Duration wait = retryBackoff;
        for (int i = 1; i < failedAttempts && wait.compareTo(maxRetryBackoff) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxRetryBackoff) > 0 ? maxRetryBackoff : wait;
    }

    /** How often a running attempt writes its progress and heartbeat, and reads its cancel flag. */
    public Duration reportInterval() {
        Duration half = heartbeatInterval.dividedBy(2);
        return half.compareTo(Duration.ofSeconds(1)) < 0 ? half : Duration.ofSeconds(1);
    }
}
