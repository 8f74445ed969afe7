package org.campus.testkit.archiver;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.campus.spi.LogLevel;
import org.campus.spi.archiver.ActivityRef;
import org.campus.spi.archiver.ArchiveContext;
import org.campus.spi.archiver.ArchiveEntries;
import org.campus.spi.archiver.ArchiveResult;
import org.campus.spi.archiver.EntryBuilder;
import org.campus.spi.archiver.EntryNames;
import org.campus.spi.archiver.ResultBuilder;
import org.campus.spi.archiver.UploadedFile;
import org.campus.spi.archiver.WorkerChannel;

/**
 * An {@link ArchiveContext} for unit tests of archivers: it holds the input a test gives it and
 * records, in memory, what the archiver does with it (entries, progress, log, data subjects,
 * heartbeats), keeping the rules the core keeps (entry names, exact sizes, one entry at a time).
 * For small test inputs only: it holds every entry's bytes.
 */
public final class RecordingArchiveContext implements ArchiveContext {

    /** An entry as recorded. */
    public record Entry(String name, byte[] bytes, String contentType, Instant lastModified) {
        public String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private final String jobId;
    private final String courseId;
    private final ActivityRef activity;
    private final String checkpoint;
    private final byte[] inlineData;
    private final List<UploadedFile> uploads;
    private final BooleanSupplier cancelled;
    private final String lastReport;
    private final URI callbackUrl;
    private final Map<String, Entry> entries = Collections.synchronizedMap(new LinkedHashMap<>());
    private final List<String> log = Collections.synchronizedList(new ArrayList<>());
    private final Set<String> dataSubjects = Collections.synchronizedSet(new LinkedHashSet<>());
    private final AtomicInteger heartbeats = new AtomicInteger();
    private final AtomicInteger cancelChecks = new AtomicInteger();
    private volatile long steps;
    private volatile long done;
    private volatile boolean entryOpen;

    private RecordingArchiveContext(Builder b) {
        this.jobId = b.jobId;
        this.courseId = b.courseId;
        this.activity = b.activity;
        this.checkpoint = b.checkpoint;
        this.inlineData = b.inlineData;
        this.uploads = List.copyOf(b.uploads);
        this.cancelled = b.cancelled;
        this.lastReport = b.lastReport;
        this.callbackUrl = b.callbackUrl;
    }

    public static Builder builder(String activityType, String activityId) {
        return new Builder(new ActivityRef(activityType, activityId));
    }

    // ---- what the test reads afterwards

    /** The entries written, in order, by name. */
    public Map<String, Entry> entriesWritten() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }

    public Entry entry(String name) {
        Entry e = entries.get(name);
        if (e == null) {
            throw new AssertionError("no entry " + name + "; written: " + entries.keySet());
        }
        return e;
    }

    /** The log lines, as {@code LEVEL message} with the placeholders filled. */
    public List<String> logLines() {
        return List.copyOf(log);
    }

    public Set<String> dataSubjects() {
        return Set.copyOf(dataSubjects);
    }

    public long progressSteps() {
        return steps;
    }

    public long progressDone() {
        return done;
    }

    public int heartbeats() {
        return heartbeats.get();
    }

    /** How often the archiver asked {@link #isCancelled()}. */
    public int cancellationChecks() {
        return cancelChecks.get();
    }

    // ---- ArchiveContext

    @Override
    public String jobId() {
        return jobId;
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
        return inlineData != null;
    }

    @Override
    public InputStream openInlineData() {
        if (inlineData == null) {
            throw new IllegalStateException("The job has no inline data for " + activity);
        }
        return new ByteArrayInputStream(inlineData);
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
                EntryNames.check(name);
                if (entries.containsKey(name)) {
                    throw new IllegalArgumentException("The entry '" + name + "' is already written");
                }
                if (entryOpen) {
                    throw new IllegalStateException("Another entry is still open; close it first");
                }
                return new RecordingEntryBuilder(name);
            }

            @Override
            public int count() {
                return entries.size();
            }
        };
    }

    private final class RecordingEntryBuilder implements EntryBuilder {
        private final String name;
        private String contentType = "application/octet-stream";
        private Instant lastModified = Instant.now();
        private boolean used;

        RecordingEntryBuilder(String name) {
            this.name = name;
        }

        @Override
        public EntryBuilder contentType(String type) {
            this.contentType = type;
            return this;
        }

        @Override
        public EntryBuilder lastModified(Instant time) {
            this.lastModified = time;
            return this;
        }

        @Override
        public void write(InputStream data, long size) throws IOException {
            use();
            byte[] bytes = data.readNBytes((int) Math.min(size, Integer.MAX_VALUE - 8));
            if (bytes.length != size) {
                throw new IOException("The data of entry '" + name + "' ended after " + bytes.length + " of " + size
                        + " bytes");
            }
            if (data.read() >= 0) {
                throw new IOException("The data of entry '" + name + "' holds more than " + size + " bytes");
            }
            record(bytes);
        }

        @Override
        public OutputStream open() {
            use();
            entryOpen = true;
            return new ByteArrayOutputStream() {
                private boolean closed;

                @Override
                public void close() {
                    if (!closed) {
                        closed = true;
                        entryOpen = false;
                        record(toByteArray());
                    }
                }
            };
        }

        private void use() {
            if (used) {
                throw new IllegalStateException("An entry is written once");
            }
            used = true;
        }

        private void record(byte[] bytes) {
            entries.put(name, new Entry(name, bytes, contentType, lastModified));
            heartbeats.incrementAndGet();
        }
    }

    @Override
    public void addDataSubject(String lmsUserId) {
        dataSubjects.add(lmsUserId);
    }

    @Override
    public WorkerChannel worker() {
        return new WorkerChannel() {
            @Override
            public Optional<URI> callbackUrl() {
                return Optional.ofNullable(callbackUrl);
            }

            @Override
            public String callbackToken() {
                return "test-callback-token";
            }

            @Override
            public Optional<String> lastReport() {
                return Optional.ofNullable(lastReport);
            }

            @Override
            public Optional<Instant> lastReportTime() {
                return lastReport == null ? Optional.empty() : Optional.of(Instant.now());
            }
        };
    }

    @Override
    public ResultBuilder result() {
        return new Results();
    }

    @Override
    public void initProgress(long steps) {
        this.steps = steps;
        this.done = 0;
        heartbeats.incrementAndGet();
    }

    @Override
    public void incrementProgress(long steps) {
        this.done += steps;
        heartbeats.incrementAndGet();
    }

    @Override
    public void estimateRemaining(Duration remaining) {
        heartbeats.incrementAndGet();
    }

    @Override
    public boolean isCancelled() {
        cancelChecks.incrementAndGet();
        return cancelled.getAsBoolean();
    }

    @Override
    public void log(LogLevel level, String message, Object... arguments) {
        StringBuilder b = new StringBuilder(level.name()).append(' ');
        int arg = 0;
        int from = 0;
        for (int at = message.indexOf("{}"); at >= 0; at = message.indexOf("{}", from)) {
            b.append(message, from, at).append(arg < arguments.length ? String.valueOf(arguments[arg++]) : "{}");
            from = at + 2;
        }
        b.append(message.substring(from));
        if (arg < arguments.length && arguments[arguments.length - 1] instanceof Throwable t) {
            b.append(": ").append(t);
        }
        log.add(b.toString());
        heartbeats.incrementAndGet();
    }

    @Override
    public void heartbeat() {
        heartbeats.incrementAndGet();
    }

    /** The results an archiver returns, as plain values. */
    private static final class Results implements ResultBuilder {
        private String message;

        @Override
        public ResultBuilder message(String message) {
            this.message = message;
            return this;
        }

        @Override
        public ArchiveResult succeeded() {
            return new Result(ArchiveResult.Outcome.SUCCEEDED, message, null, null, null);
        }

        @Override
        public ArchiveResult failed() {
            return new Result(ArchiveResult.Outcome.FAILED, message, null, null, null);
        }

        @Override
        public ArchiveResult failed(Duration retryAfter) {
            return new Result(ArchiveResult.Outcome.FAILED, message, retryAfter, null, null);
        }

        @Override
        public ArchiveResult cancelled() {
            return new Result(ArchiveResult.Outcome.CANCELLED, message, null, null, null);
        }

        @Override
        public ArchiveResult awaitWorker(String checkpoint, Duration pollAfter) {
            if (checkpoint == null || checkpoint.length() > 4000) {
                throw new IllegalArgumentException("a checkpoint is 0 to 4000 characters");
            }
            return new Result(ArchiveResult.Outcome.AWAITING_WORKER, message, null, checkpoint, pollAfter);
        }
    }

    private record Result(Outcome outcome, String text, Duration retry, String savedCheckpoint, Duration poll)
            implements ArchiveResult {

        @Override
        public Optional<String> message() {
            return Optional.ofNullable(text);
        }

        @Override
        public Optional<Duration> retryAfter() {
            return Optional.ofNullable(retry);
        }

        @Override
        public Optional<String> checkpoint() {
            return Optional.ofNullable(savedCheckpoint);
        }

        @Override
        public Optional<Duration> pollAfter() {
            return Optional.ofNullable(poll);
        }
    }

    /** Builds a context: the job, the activity's input, and when it is cancelled. */
    public static final class Builder {
        private final ActivityRef activity;
        private String jobId = "1";
        private String courseId = "7";
        private String checkpoint;
        private byte[] inlineData;
        private final List<UploadedFile> uploads = new ArrayList<>();
        private BooleanSupplier cancelled = () -> false;
        private String lastReport;
        private URI callbackUrl;

        private Builder(ActivityRef activity) {
            this.activity = activity;
        }

        public Builder jobId(String jobId) {
            this.jobId = jobId;
            return this;
        }

        public Builder courseId(String courseId) {
            this.courseId = courseId;
            return this;
        }

        public Builder checkpoint(String checkpoint) {
            this.checkpoint = checkpoint;
            return this;
        }

        public Builder inlineData(String json) {
            this.inlineData = json.getBytes(StandardCharsets.UTF_8);
            return this;
        }

        public Builder upload(String name, byte[] bytes, String contentType) {
            EntryNames.check(name);
            uploads.add(new MemoryUpload(name, bytes, contentType));
            return this;
        }

        public Builder upload(String name, Path file, String contentType) throws IOException {
            EntryNames.check(name);
            uploads.add(new FileUpload(name, file, contentType, sha256(file)));
            return this;
        }

        /** Cancelled from the start. */
        public Builder cancelled() {
            this.cancelled = () -> true;
            return this;
        }

        /** Cancelled when {@code when} says so (e.g. after some entries). */
        public Builder cancelledWhen(BooleanSupplier when) {
            this.cancelled = when;
            return this;
        }

        public Builder workerReport(String json) {
            this.lastReport = json;
            return this;
        }

        public Builder callbackUrl(URI url) {
            this.callbackUrl = url;
            return this;
        }

        public RecordingArchiveContext build() {
            return new RecordingArchiveContext(this);
        }
    }

    private record MemoryUpload(String name, byte[] bytes, String type) implements UploadedFile {
        @Override
        public long size() {
            return bytes.length;
        }

        @Override
        public Optional<String> contentType() {
            return Optional.ofNullable(type);
        }

        @Override
        public String sha256() {
            return hex(bytes);
        }

        @Override
        public InputStream open() {
            return new ByteArrayInputStream(bytes);
        }
    }

    private record FileUpload(String name, Path file, String type, String hash) implements UploadedFile {
        @Override
        public long size() {
            try {
                return Files.size(file);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        @Override
        public Optional<String> contentType() {
            return Optional.ofNullable(type);
        }

        @Override
        public String sha256() {
            return hash;
        }

        @Override
        public InputStream open() throws IOException {
            return Files.newInputStream(file);
        }
    }

    private static String hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                d.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(d.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
