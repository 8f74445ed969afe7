package org.campus.testkit.transfer;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.campus.spi.transfer.TransferContext;

/** Cancellation, progress, heartbeat and log, recorded for the test to look at. */
abstract class BaseContext implements TransferContext {

    private final BooleanSupplier cancelled;
    final List<LogLine> log = new ArrayList<>();
    long announcedSteps = -1;
    long doneSteps;
    int heartbeats;

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
        if (announcedSteps < 0) {
            announcedSteps = steps;
        }
    }

    @Override
    public void incrementProgress(long steps) {
        Checks.require(steps >= 0, "steps must not be negative");
        doneSteps += steps;
    }

    @Override
    public void heartbeat() {
        heartbeats++;
    }

    @Override
    public void debug(String message, Object... arguments) {
        log.add(new LogLine("DEBUG", LogLine.format(message, arguments)));
    }

    @Override
    public void info(String message, Object... arguments) {
        log.add(new LogLine("INFO", LogLine.format(message, arguments)));
    }

    @Override
    public void warn(String message, Object... arguments) {
        log.add(new LogLine("WARN", LogLine.format(message, arguments)));
    }

    @Override
    public void error(String message, Object... arguments) {
        log.add(new LogLine("ERROR", LogLine.format(message, arguments)));
    }
}
