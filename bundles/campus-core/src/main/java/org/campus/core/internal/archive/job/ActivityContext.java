package org.campus.core.internal.archive.job;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.campus.api.job.JobLogLevel;
import org.campus.core.internal.archive.format.SegmentWriter;
import org.campus.spi.LogLevel;
import org.campus.spi.archiver.ActivityRef;
import org.campus.spi.archiver.ArchiveContext;
import org.campus.spi.archiver.ArchiveEntries;
import org.campus.spi.archiver.ArchiveResult;
import org.campus.spi.archiver.EntryBuilder;
import org.campus.spi.archiver.ResultBuilder;
import org.campus.spi.archiver.UploadedFile;
import org.campus.spi.archiver.WorkerChannel;
import org.campus.spi.job.JobContext;

/**
 * What an archiver gets for one activity of one attempt: the job engine's context (progress within
 * the activity's share of the job, cancellation, log, heartbeat), the activity's input, and the
 * segment its entries are written to.
 */
final class ActivityContext implements ArchiveContext {

    /** Progress units of one step of the job (an activity, the assembly, the signature, the store). */
    static final int UNITS = 1000;

    private final JobContext job;
    private final long archiveId;
    private final String courseId;
    private final ActivityRef activity;
    private final Path inline;
    private final List<UploadedFile> uploads;
    private final SegmentWriter segment;
    private final Clock clock;
    private final int base;
    private final int total;
    private final String checkpoint;
    private final WorkerChannel worker;
    private long steps;
    private long done;

    ActivityContext(JobContext job, long archiveId, String courseId, ActivityRef activity, Path inline,
            List<UploadedFile> uploads, SegmentWriter segment, Clock clock, int base, int total, String checkpoint,
            WorkerChannel worker) {
        this.worker = worker;
        this.job = job;
        this.archiveId = archiveId;
        this.courseId = courseId;
        this.activity = activity;
        this.inline = inline;
        this.uploads = List.copyOf(uploads);
        this.segment = segment;
        this.clock = clock;
        this.base = base;
        this.total = total;
        this.checkpoint = checkpoint;
    }

    @Override
    public void initProgress(long steps) {
        this.steps = Math.max(0, steps);
        this.done = 0;
        report();
    }

    @Override
    public void incrementProgress(long steps) {
        done += Math.max(0, steps);
        report();
    }

    private void report() {
        int within = steps <= 0 ? 0 : (int) Math.min(UNITS, done * UNITS / steps);
        job.progress(base + within, total);
    }

    @Override
    public void estimateRemaining(Duration remaining) {
        job.estimatedRemaining(remaining);
    }

    @Override
    public boolean isCancelled() {
        return job.isCancelled();
    }

    @Override
    public void log(LogLevel level, String message, Object... arguments) {
        job.log(JobLogLevel.valueOf(level.name()), "[" + activity.type() + " " + activity.id() + "] " + message,
                arguments);
    }

    @Override
    public void heartbeat() {
        job.heartbeat();
    }

    @Override
    public String jobId() {
        return Long.toString(archiveId);
    }

    @Override
    public String courseId() {
        return courseId;
    }

    @Override
    public ActivityRef activity() {
        return activity;
    }

    @Override
    public Optional<String> checkpoint() {
        return Optional.ofNullable(checkpoint);
    }

    @Override
    public boolean hasInlineData() {
        return inline != null && Files.exists(inline);
    }

    @Override
    public InputStream openInlineData() throws IOException {
        if (!hasInlineData()) {
            throw new IOException("The activity has no inline data");
        }
        return Files.newInputStream(inline);
    }

    @Override
    public List<UploadedFile> uploads() {
        return uploads;
    }

    @Override
    public ArchiveEntries entries() {
        return new ArchiveEntries() {
            @Override
            public EntryBuilder entry(String name) {
                return new Entry(name);
            }

            @Override
            public int count() {
                return segment.count();
            }
        };
    }

    private final class Entry implements EntryBuilder {
        private final String name;
        private String contentType;
        private Instant modified;

        Entry(String name) {
            this.name = Objects.requireNonNull(name, "name");
        }

        @Override
        public EntryBuilder contentType(String type) {
            this.contentType = type;
            return this;
        }

        @Override
        public EntryBuilder lastModified(Instant time) {
            this.modified = time;
            return this;
        }

        @Override
        public void write(InputStream data, long size) throws IOException {
            segment.write(name, contentType, modified == null ? clock.instant() : modified, data, size);
            job.heartbeat();
        }

        @Override
        public OutputStream open() throws IOException {
            return segment.open(name, contentType, modified == null ? clock.instant() : modified);
        }
    }

    @Override
    public void addDataSubject(String lmsUserId) {
        segment.addDataSubject(Objects.requireNonNull(lmsUserId, "lmsUserId"));
    }

    @Override
    public WorkerChannel worker() {
        return worker;
    }

    @Override
    public ResultBuilder result() {
        return new Result();
    }

    /** An archiver's answer. */
    record Answer(Outcome outcome, Optional<String> message, Optional<Duration> retryAfter, Optional<String> checkpoint,
            Optional<Duration> pollAfter) implements ArchiveResult {
    }

    private static final class Result implements ResultBuilder {
        private String message;

        @Override
        public ResultBuilder message(String text) {
            this.message = text;
            return this;
        }

        private ArchiveResult answer(ArchiveResult.Outcome outcome, Duration retry, String checkpoint, Duration poll) {
            return new Answer(outcome, Optional.ofNullable(message), Optional.ofNullable(retry),
                    Optional.ofNullable(checkpoint), Optional.ofNullable(poll));
        }

        @Override
        public ArchiveResult succeeded() {
            return answer(ArchiveResult.Outcome.SUCCEEDED, null, null, null);
        }

        @Override
        public ArchiveResult failed() {
            return answer(ArchiveResult.Outcome.FAILED, null, null, null);
        }

        @Override
        public ArchiveResult failed(Duration retryAfter) {
            return answer(ArchiveResult.Outcome.FAILED, Objects.requireNonNull(retryAfter, "retryAfter"), null, null);
        }

        @Override
        public ArchiveResult cancelled() {
            return answer(ArchiveResult.Outcome.CANCELLED, null, null, null);
        }

        @Override
        public ArchiveResult awaitWorker(String checkpoint, Duration pollAfter) {
            return answer(ArchiveResult.Outcome.AWAITING_WORKER, null, Objects.requireNonNull(checkpoint, "checkpoint"),
                    Objects.requireNonNull(pollAfter, "pollAfter"));
        }
    }
}
