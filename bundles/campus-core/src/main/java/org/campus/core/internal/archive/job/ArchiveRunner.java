package org.campus.core.internal.archive.job;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import org.campus.api.job.JobLogLevel;
import org.campus.api.provider.ProviderLease;
import org.campus.api.provider.ProviderRegistry;
import org.campus.api.provider.ProviderUnavailableException;
import org.campus.core.internal.archive.format.ArchiveAssembler;
import org.campus.core.internal.archive.format.ArchiveHeader;
import org.campus.core.internal.archive.format.ArchiveLayout;
import org.campus.core.internal.archive.format.ArchivePieces;
import org.campus.core.internal.archive.format.CopyMonitor;
import org.campus.core.internal.archive.format.Segment;
import org.campus.core.internal.archive.format.SegmentWriter;
import org.campus.core.internal.archive.job.ArchiveRepository.ActivityRow;
import org.campus.core.internal.archive.job.ArchiveRepository.Row;
import org.campus.core.internal.archive.job.ArchiveRepository.UploadRow;
import org.campus.core.internal.archive.signing.ArchiveSigner;
import org.campus.core.internal.archive.signing.SignedTimestamp;
import org.campus.core.internal.archive.signing.TimestampException;
import org.campus.core.internal.db.JdbcTransactions;
import org.campus.spi.archiver.ActivityArchiver;
import org.campus.spi.archiver.ActivityRef;
import org.campus.spi.archiver.ArchiveResult;
import org.campus.spi.archiver.UploadedFile;
import org.campus.spi.job.JobContext;
import org.campus.spi.job.JobResult;
import org.campus.spi.storage.ArchiveMetadata;
import org.campus.spi.storage.StorageDriver;
import org.campus.spi.storage.StoredArchive;

/**
 * Runs one attempt of an archive job, in idempotent steps that a later attempt resumes from:
 * <ol>
 * <li>each activity through its archiver into a segment file of the work directory (an activity is
 * recorded archived with the job's checkpoint, once its segment is synced; a resumed attempt keeps
 * those and archives the others again from scratch);</li>
 * <li>the archive assembled from the segments into the work directory, its size and SHA-256
 * recorded;</li>
 * <li>when asked, the time-stamp: a TSA that is down or answers garbage makes the attempt retry
 * (the engine's backoff and attempts), a reply that fails a check fails the job; nothing is stored
 * unsigned;</li>
 * <li>the token and its chain, then the archive, stored by the storage driver (whole or absent,
 * and a name stored again is replaced), the locations recorded; the work directory deleted.</li>
 * </ol>
 * A missing archiver or storage driver fails the job with its name in the reason.
 */
final class ArchiveRunner {

    static final String PARAMETER_ARCHIVE_ID = "archiveId";
    static final String TOKEN_SUFFIX = ".tst";
    static final String CHAIN_SUFFIX = ".chain.pem";

    private final JdbcTransactions tx;
    private final ArchiveRepository repository;
    private final ProviderRegistry registry;
    private final ArchiveSigner signer;
    private final ArchiveWorkspace workspace;
    private final int level;
    private final boolean storeIncompressible;
    private final ArchiveWorkers workers;
    private final Clock clock;

    ArchiveRunner(DataSource dataSource, ArchiveRepository repository, ProviderRegistry registry, ArchiveSigner signer,
            ArchiveWorkspace workspace, int level, boolean storeIncompressible, ArchiveWorkers workers, Clock clock) {
        this.workers = workers;
        this.tx = new JdbcTransactions(dataSource);
        this.repository = repository;
        this.registry = registry;
        this.signer = signer;
        this.workspace = workspace;
        this.level = level;
        this.storeIncompressible = storeIncompressible;
        this.clock = clock;
    }

    JobResult run(JobContext context) throws Exception {
        String parameter = context.job().parameter(PARAMETER_ARCHIVE_ID);
        if (parameter == null) {
            return JobResult.failed("the job names no archive job (" + PARAMETER_ARCHIVE_ID + ")");
        }
        long id = Long.parseLong(parameter);
        Optional<Row> found = tx.read("read archive job", c -> repository.find(c, id));
        if (found.isEmpty()) {
            return JobResult.failed("archive job " + id + " is gone");
        }
        Row row = found.get();
        List<ActivityRow> activities = tx.read("read archive activities", c -> repository.activities(c, id));
        Map<Integer, List<UploadRow>> uploads = tx.read("read uploads", c -> repository.uploads(c, id));
        int n = activities.size();
        int total = (n + 2 + (row.sign() ? 1 : 0)) * ActivityContext.UNITS;
        Files.createDirectories(workspace.segment(id, 0).getParent());

        List<Segment> segments = new ArrayList<>();
        Map<String, String[]> archiverVersions = new java.util.LinkedHashMap<>();
        boolean archivedNow = false;
        for (ActivityRow a : activities) {
            int i = a.index();
            Path data = workspace.segment(id, i);
            Path index = workspace.segmentIndex(id, i);
            String folder = ArchiveLayout.activityFolder(i + 1, a.type(), a.id());
            ActivityRow done = a;
            if (!ArchiveRepository.ARCHIVED.equals(a.state()) || !Files.exists(data) || !Files.exists(index)) {
                if (context.isCancelled()) {
                    return JobResult.cancelled();
                }
                context.step("activity " + (i + 1) + " of " + n + ": " + a.type() + " " + a.id());
                context.progress(i * ActivityContext.UNITS, total);
                Outcome outcome = archive(context, row, a, folder, data, index, uploads.getOrDefault(i, List.of()),
                        total);
                if (outcome.result() != null) {
                    return outcome.result();
                }
                done = outcome.activity();
                archivedNow = true;
            }
            segments.add(new Segment(new ArchiveHeader.ActivityInfo(a.type(), a.id(), done.archiver(), folder), data,
                    index));
            archiverVersions.putIfAbsent(done.archiver(), new String[] {String.valueOf(done.archiverBundle()),
                    String.valueOf(done.archiverVersion())});
        }
        List<ArchiveHeader.ArchiverInfo> archivers = new ArrayList<>();
        archiverVersions.forEach((archiverId, bv) -> archivers.add(new ArchiveHeader.ArchiverInfo(archiverId, bv[0],
                bv[1], segments.stream().filter(sg -> archiverId.equals(sg.activity().archiver()))
                        .map(sg -> sg.activity().type()).distinct().toList())));

        List<Path> pieces = new ArrayList<>();
        pieces.add(workspace.head(id));
        segments.forEach(sg -> pieces.add(sg.data()));
        pieces.add(workspace.tail(id));
        Long size = row.size();
        String sha256 = row.sha256();
        if (archivedNow || size == null || (row.sign() && sha256 == null) || !Files.exists(workspace.head(id))
                || !Files.exists(workspace.tail(id)) || !Files.exists(workspace.subjects(id))) {
            if (context.isCancelled()) {
                return JobResult.cancelled();
            }
            context.step("assembling the archive");
            context.progress(n * ActivityContext.UNITS, total);
            ArchivePieces assembled;
            try {
                assembled = assemble(context, row, segments, archivers);
            } catch (InterruptedIOException e) {
                if (context.isCancelled()) {
                    return JobResult.cancelled();
                }
                throw e;
            }
            size = assembled.size();
            sha256 = assembled.sha256();
            long s = size;
            String h = sha256;
            context.checkpoint("assembled", "assembled", c -> {
                ArchiveRepository.resetAssembly(c, id);
                ArchiveRepository.recordAssembled(c, id, s, h);
                return null;
            });
            context.log(JobLogLevel.INFO, "archive assembled: {} bytes, {} entries{}", size, assembled.entries(),
                    sha256 == null ? "" : ", SHA-256 " + sha256);
            row = new Row(row.id(), row.jobId(), row.courseId(), row.owner(), row.state(), row.sign(), row.storage(),
                    row.archiveName(), null, size, sha256, null, null, null, null, row.created(), null, null, row.userId());
        }

        if (row.sign() && (row.timestamped() == null || !Files.exists(workspace.token(id))
                || !Files.exists(workspace.chain(id)))) {
            if (context.isCancelled()) {
                return JobResult.cancelled();
            }
            context.step("time-stamping the archive");
            context.progress((n + 1) * ActivityContext.UNITS, total);
            SignedTimestamp stamp;
            try {
                stamp = signer.timestamp(HexFormat.of().parseHex(sha256));
            } catch (TimestampException e) {
                context.log(JobLogLevel.WARN, "time-stamp refused: {}", e.getMessage());
                String reason = "the archive could not be time-stamped: " + e.getMessage();
                return e.retryable() ? JobResult.retry(reason) : JobResult.failed(reason);
            }
            ArchiveWorkspace.write(workspace.token(id), stamp.token());
            ArchiveWorkspace.write(workspace.chain(id), stamp.chainPem());
            context.checkpoint("time-stamped", "time-stamped",
                    c -> {
                        ArchiveRepository.recordTimestamp(c, id, stamp.time(), stamp.tsa());
                        return null;
                    });
            context.log(JobLogLevel.INFO, "time-stamped at {} by {} (serial {})", stamp.time(), stamp.tsa(),
                    stamp.serial());
        }

        if (context.isCancelled()) {
            return JobResult.cancelled();
        }
        context.step("storing the archive");
        context.progress((n + 1 + (row.sign() ? 1 : 0)) * ActivityContext.UNITS, total);
        ProviderLease<StorageDriver> lease;
        try {
            lease = registry.storageDriver(row.storage());
        } catch (ProviderUnavailableException e) {
            return JobResult.failed(e.getMessage());
        }
        StorageDriver driver = lease.service();
        List<String> subjects = Files.readAllLines(workspace.subjects(id), StandardCharsets.UTF_8).stream()
                .filter(s -> !s.isEmpty()).toList();
        String tokenLocation = null;
        String chainLocation = null;
        if (row.sign()) {
            tokenLocation = store(driver, row, row.archiveName() + TOKEN_SUFFIX, "application/timestamp-token",
                    workspace.token(id), subjects).location();
            chainLocation = store(driver, row, row.archiveName() + CHAIN_SUFFIX, "application/x-pem-file",
                    workspace.chain(id), subjects).location();
        }
        // the driver reads the archive straight from its pieces (no copy of it is made first); the
        // SHA-256 is computed as the bytes pass, and must be the one time-stamped when signed
        ArchiveMetadata metadata = metadata(row, row.archiveName(), ArchiveLayout.CONTENT_TYPE, size, subjects)
                .sha256(sha256).build();
        MessageDigest digest = sha256();
        StoredArchive stored;
        long passed;
        try (PassingInputStream in = new PassingInputStream(ArchivePieces.open(pieces), digest, context)) {
            stored = driver.store(metadata, in);
            passed = in.count;
        } catch (InterruptedIOException e) {
            if (context.isCancelled()) {
                return JobResult.cancelled();
            }
            throw e;
        }
        String computed = HexFormat.of().formatHex(digest.digest());
        if (passed != size || (sha256 != null && !computed.equals(sha256))) {
            return JobResult.retry("the archive's pieces in the work directory changed: " + passed + " bytes with SHA-256 "
                    + computed + " instead of " + size + " bytes" + (sha256 == null ? "" : " with " + sha256));
        }
        if (!computed.equalsIgnoreCase(stored.sha256()) || stored.size() != size) {
            return JobResult.retry(lease.description().label() + " stored " + stored.size() + " bytes with SHA-256 "
                    + stored.sha256() + " instead of " + size + " bytes with " + computed);
        }
        String t = tokenLocation;
        String ch = chainLocation;
        long now = clock.millis();
        long storedSize = size;
        context.checkpoint("stored", "stored", c -> {
            ArchiveRepository.recordStored(c, id, stored.location(), storedSize, computed, t, ch, now);
            return null;
        });
        context.progress(total, total);
        context.log(JobLogLevel.INFO, "stored by {} at {}", lease.description().label(), stored.location());
        try {
            workspace.delete(id);
        } catch (IOException e) {
            context.log(JobLogLevel.WARN, "the work directory could not be deleted: {}", e.getMessage());
        }
        return JobResult.succeeded();
    }

    private StoredArchive store(StorageDriver driver, Row row, String name, String contentType, Path file,
            List<String> subjects) throws IOException {
        ArchiveMetadata metadata = metadata(row, name, contentType, Files.size(file), subjects).build();
        try (InputStream in = Files.newInputStream(file)) {
            return driver.store(metadata, in);
        }
    }

    private static ArchiveMetadata.Builder metadata(Row row, String name, String contentType, long size,
            List<String> subjects) {
        return ArchiveMetadata.builder(name).contentType(contentType).size(size).jobId(Long.toString(row.id()))
                .courseId(row.courseId().value()).created(row.created()).dataSubjects(subjects);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /**
     * The archive on its way to the driver: hashed and counted as it passes, and stopped (the next read
     * throws) when the job is cancelled or its node stops.
     */
    private static final class PassingInputStream extends java.io.FilterInputStream {
        private final MessageDigest digest;
        private final JobContext context;
        long count;
        private long sinceCheck;

        PassingInputStream(InputStream in, MessageDigest digest, JobContext context) {
            super(in);
            this.digest = digest;
            this.context = context;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) {
                digest.update(b, off, n);
                count += n;
                sinceCheck += n;
                if (sinceCheck >= 8 * 1024 * 1024) {
                    sinceCheck = 0;
                    if (context.isCancelled()) {
                        throw new InterruptedIOException("the job was cancelled or its node is stopping");
                    }
                }
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            throw new IOException("the archive is read through, not skipped");
        }

        @Override
        public boolean markSupported() {
            return false;
        }
    }

    /** What archiving one activity came to: the recorded activity, or the attempt's result. */
    private record Outcome(ActivityRow activity, JobResult result) {
    }

    private Outcome archive(JobContext context, Row row, ActivityRow a, String folder, Path data, Path index,
            List<UploadRow> uploadRows, int total) throws IOException, SQLException, InterruptedException {
        ActivityRef ref = new ActivityRef(a.type(), a.id());
        String where = "activity " + (a.index() + 1) + " (" + a.type() + " " + a.id() + ")";
        ProviderLease<ActivityArchiver> lease;
        try {
            lease = registry.archiverFor(a.type());
        } catch (ProviderUnavailableException e) {
            String reason = e.getMessage() + "; needed for " + where;
            recordFailure(row.id(), a, reason);
            return new Outcome(null, JobResult.failed(reason));
        }
        String label = lease.description().label();
        List<UploadedFile> uploads = uploadRows.stream().filter(UploadRow::complete)
                .map(u -> (UploadedFile) new StoredUpload(u.name(), u.size(), Optional.ofNullable(u.contentType()),
                        u.sha256(), workspace.upload(row.id(), u.id())))
                .toList();
        Path inline = a.inlineData() ? workspace.inline(row.id(), a.index()) : null;
        CopyMonitor monitor = bytes -> {
            if (context.isCancelled()) {
                throw new InterruptedIOException("the job was cancelled or its node is stopping");
            }
        };
        Files.deleteIfExists(data);
        Files.deleteIfExists(index);
        Path spool = workspace.spool(row.id());
        try (SegmentWriter segment = new SegmentWriter(data, index, folder, level, storeIncompressible, spool,
                monitor)) {
            String checkpoint = null;
            Instant handedOver = null;
            ActivityWorker worker = new ActivityWorker(workers, row.id(), a.index(),
                    workspace.workerToken(row.id(), a.index()));
            while (true) {
                ActivityContext ac = new ActivityContext(context, row.id(), row.courseId().value(), ref, inline,
                        uploads, segment, clock, a.index() * ActivityContext.UNITS, total, checkpoint, worker);
                // reports that arrive while the archiver runs wake the next wait at once
                int seen = workers.reports(row.id(), a.index());
                ArchiveResult result;
                try {
                    result = lease.service().archive(ac);
                } catch (InterruptedIOException e) {
                    if (context.isCancelled()) {
                        return new Outcome(null, JobResult.cancelled());
                    }
                    return new Outcome(null, JobResult.retry(label + " was interrupted on " + where + ": "
                            + e.getMessage()));
                } catch (IOException e) {
                    return new Outcome(null, JobResult.retry(label + " failed on " + where + ": " + e.getMessage()));
                } catch (RuntimeException e) {
                    if (!lease.isAvailable()) {
                        return new Outcome(null, JobResult.failed(label + " went away while archiving " + where));
                    }
                    String reason = label + " failed on " + where + ": " + e;
                    recordFailure(row.id(), a, reason);
                    return new Outcome(null, JobResult.failed(reason));
                }
                if (!lease.isAvailable()) {
                    return new Outcome(null, JobResult.failed(label + " went away while archiving " + where));
                }
                String message = result.message().orElse(null);
                switch (result.outcome()) {
                    case SUCCEEDED -> {
                        segment.finish();
                        int entries = segment.count();
                        String bundle = lease.description().bundle();
                        String version = lease.description().version();
                        String archiverId = lease.description().id();
                        context.checkpoint(where, "archived " + (a.index() + 1), c -> {
                            ArchiveRepository.recordActivity(c, row.id(), a.index(), ArchiveRepository.ARCHIVED,
                                    archiverId, bundle, version, entries, message);
                            return null;
                        });
                        context.log(JobLogLevel.INFO, "{}: {} entries by {} ({} stored without compression: their"
                                + " first block did not compress)", where, entries, label, segment.storedCount());
                        return new Outcome(new ActivityRow(a.index(), a.type(), a.id(), a.inlineData(),
                                ArchiveRepository.ARCHIVED, archiverId, bundle, version, entries, message), null);
                    }
                    case CANCELLED -> {
                        return new Outcome(null, JobResult.cancelled());
                    }
                    case AWAITING_WORKER -> {
                        checkpoint = result.checkpoint().orElse(null);
                        if (handedOver == null) {
                            handedOver = clock.instant();
                        } else if (workers.silentTooLong(row.id(), a.index(), handedOver)) {
                            String reason = label + " on " + where + ": its worker has not reported for "
                                    + workers.silence().toMinutes() + " minutes (worker.silenceMinutes)";
                            recordFailure(row.id(), a, reason);
                            return new Outcome(null, JobResult.failed(reason));
                        }
                        if (!await(context, row.id(), a.index(), seen,
                                result.pollAfter().orElse(Duration.ofSeconds(5)))) {
                            return new Outcome(null, JobResult.cancelled());
                        }
                    }
                    default -> {
                        String reason = label + " failed on " + where + (message == null ? "" : ": " + message);
                        if (result.retryAfter().isPresent()) {
                            return new Outcome(null, JobResult.retry(reason));
                        }
                        recordFailure(row.id(), a, reason);
                        return new Outcome(null, JobResult.failed(reason));
                    }
                }
            }
        } finally {
            ArchiveWorkspace.deleteTree(spool);
        }
    }

    /**
     * Waits for a worker until it reports (more than the {@code seen} reports) or {@code pollAfter} has
     * passed, reporting the job alive; false when the job must stop. A report received on this node
     * wakes the wait at once; one received on another node is seen within a second.
     */
    private boolean await(JobContext context, long id, int activity, int seen, Duration pollAfter)
            throws InterruptedException {
        long end = System.nanoTime() + pollAfter.toNanos();
        while (System.nanoTime() < end) {
            if (context.isCancelled()) {
                return false;
            }
            context.heartbeat();
            if (workers.reports(id, activity) > seen) {
                context.log(JobLogLevel.DEBUG, "activity {}: the worker reported", activity + 1);
                return true;
            }
            workers.await(id, activity, Math.min(1000, Math.max(1, (end - System.nanoTime()) / 1_000_000)));
        }
        return true;
    }

    private void recordFailure(long id, ActivityRow a, String reason) {
        tx.write("record a failed activity", c -> {
            ArchiveRepository.recordActivity(c, id, a.index(), ArchiveRepository.FAILED, a.archiver(),
                    a.archiverBundle(), a.archiverVersion(), 0, reason);
            return null;
        });
    }

    private ArchivePieces assemble(JobContext context, Row row, List<Segment> segments,
            List<ArchiveHeader.ArchiverInfo> archivers) throws IOException {
        ArchiveHeader header = new ArchiveHeader(Long.toString(row.id()), row.courseId().value(), row.created(),
                "Campus", archivers, segments.stream().map(Segment::activity).toList());
        long id = row.id();
        Path headTemp = workspace.head(id).resolveSibling("." + workspace.head(id).getFileName() + ".tmp");
        Path tailTemp = workspace.tail(id).resolveSibling("." + workspace.tail(id).getFileName() + ".tmp");
        Path spool = workspace.spool(id);
        try {
            Files.deleteIfExists(workspace.head(id));
            Files.deleteIfExists(workspace.tail(id));
            ArchivePieces prepared = new ArchiveAssembler(level, clock).prepare(header, segments, headTemp, tailTemp,
                    spool, false);
            ArchiveWorkspace.commit(headTemp, workspace.head(id));
            ArchiveWorkspace.commit(tailTemp, workspace.tail(id));
            List<Path> files = new ArrayList<>();
            files.add(workspace.head(id));
            segments.forEach(sg -> files.add(sg.data()));
            files.add(workspace.tail(id));
            String sha256 = null;
            if (row.sign()) {
                // the time-stamp covers the archive's SHA-256, so it is needed before anything is stored
                MessageDigest digest = sha256();
                try (PassingInputStream in = new PassingInputStream(ArchivePieces.open(files), digest, context)) {
                    byte[] buffer = new byte[256 * 1024];
                    while (in.read(buffer, 0, buffer.length) >= 0) {
                        // hashed as it passes
                    }
                }
                sha256 = HexFormat.of().formatHex(digest.digest());
            }
            ArchiveWorkspace.write(workspace.subjects(id),
                    String.join("\n", prepared.dataSubjects()).getBytes(StandardCharsets.UTF_8));
            return new ArchivePieces(files, prepared.size(), sha256, prepared.entries(), prepared.dataSubjects());
        } finally {
            Files.deleteIfExists(headTemp);
            Files.deleteIfExists(tailTemp);
            ArchiveWorkspace.deleteTree(spool);
        }
    }

    /** Reports the attempt alive while the archive is written, and stops it on cancellation. */
    private static final class HeartbeatOutputStream extends java.io.FilterOutputStream {
        private final JobContext context;
        private long sinceReport;

        HeartbeatOutputStream(OutputStream out, JobContext context) {
            super(new java.io.BufferedOutputStream(out, 64 * 1024));
            this.context = context;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            sinceReport += len;
            if (sinceReport >= 8 * 1024 * 1024) {
                sinceReport = 0;
                if (context.isCancelled()) {
                    throw new InterruptedIOException("the job was cancelled or its node is stopping");
                }
            }
        }
    }
}
