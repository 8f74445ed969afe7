package org.campus.core.internal.archive.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

import org.campus.spi.archiver.WorkerChannel;

/**
 * The {@link WorkerChannel} of one activity of a job: its callback URL and token (issued when the
 * archiver first asks), and the worker's last report, read from the database on each call.
 */
final class ActivityWorker implements WorkerChannel {

    private final ArchiveWorkers workers;
    private final long id;
    private final int activity;
    private final Path tokenFile;
    private String token;

    ActivityWorker(ArchiveWorkers workers, long id, int activity, Path tokenFile) {
        this.workers = workers;
        this.id = id;
        this.activity = activity;
        this.tokenFile = tokenFile;
    }

    @Override
    public Optional<URI> callbackUrl() {
        return workers.callbackUrl(id, activity);
    }

    @Override
    public synchronized String callbackToken() {
        if (token == null) {
            try {
                token = workers.token(id, activity, tokenFile);
            } catch (IOException e) {
                throw new UncheckedIOException("the worker's token could not be kept in the work directory", e);
            }
        }
        return token;
    }

    @Override
    public Optional<String> lastReport() {
        return workers.last(id, activity).map(ArchiveWorkers.Report::text);
    }

    @Override
    public Optional<Instant> lastReportTime() {
        return workers.last(id, activity).map(ArchiveWorkers.Report::time);
    }
}
