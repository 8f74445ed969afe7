package org.campus.testkit.transfer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.campus.spi.LogLevel;
import org.campus.spi.ProviderContext;

/** Cancellation, progress, heartbeat and log, recorded for the test to look at. */
abstract class BaseContext implements ProviderContext {

    private final BooleanSupplier cancelled;
    final List<LogLine> log = new ArrayList<>();
    long announcedSteps = -1;
    long doneSteps;
    int heartbeats;
    Duration estimate;

    BaseContext(BooleanSupplier cancelled) {
        this.cancelled = cancelled;
    }

    @Override
    public boolean isCancelled() {
        return cancelled.getAsBoolean();
    }

    @Override
    public void initProgress(long steps) {
        Checks.require(steps >= 0, "steps must not be negative");
        announcedSteps = steps;
        doneSteps = 0;
    }

    @Override
    public void incrementProgress(long steps) {
        Checks.require(steps >= 0, "steps must not be negative");
        doneSteps += steps;
    }

    @Override
    public void estimateRemaining(Duration remaining) {
        Checks.require(remaining != null && !remaining.isNegative(), "a remaining time is not negative");
        estimate = remaining;
    }

    @Override
    public void log(LogLevel level, String message, Object... arguments) {
        Checks.require(level != null, "log level is null");
        Checks.require(message != null, "log message is null");
        log.add(new LogLine(level, LogLine.format(message, arguments)));
    }

    @Override
    public void heartbeat() {
        heartbeats++;
    }
}
