package org.campus.core.internal.transfer;

import java.time.Duration;

import org.campus.api.job.JobLogLevel;
import org.campus.spi.LogLevel;
import org.campus.spi.ProviderContext;
import org.campus.spi.job.JobContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A provider's context on a transfer's job (progress, cancellation and log go to the job), or on a
 * request thread (an undo asked by an admin: never cancelled, logged through SLF4J).
 */
class WorkContext implements ProviderContext {

    private static final Logger LOG = LoggerFactory.getLogger(WorkContext.class);

    final JobContext job;
    final String provider;

    WorkContext(JobContext job, String provider) {
        this.job = job;
        this.provider = provider;
    }

    @Override
    public void initProgress(long steps) {
        heartbeat(); // the core counts items itself, over every provider
    }

    @Override
    public void incrementProgress(long steps) {
        heartbeat();
    }

    @Override
    public void estimateRemaining(Duration remaining) {
        if (job != null) {
            job.estimatedRemaining(remaining);
        }
    }

    @Override
    public boolean isCancelled() {
        return job != null && job.isCancelled();
    }

    @Override
    public void log(LogLevel level, String message, Object... arguments) {
        if (job != null) {
            job.log(switch (level) {
                case ERROR -> JobLogLevel.ERROR;
                case WARN -> JobLogLevel.WARN;
                case INFO -> JobLogLevel.INFO;
                default -> JobLogLevel.DEBUG;
            }, provider + ": " + message, arguments);
        } else if (level == LogLevel.ERROR || level == LogLevel.WARN) {
            LOG.warn("transfer provider " + provider + ": " + message, arguments);
        } else {
            LOG.info("transfer provider " + provider + ": " + message, arguments);
        }
    }

    @Override
    public void heartbeat() {
        if (job != null) {
            job.heartbeat();
        }
    }
}
