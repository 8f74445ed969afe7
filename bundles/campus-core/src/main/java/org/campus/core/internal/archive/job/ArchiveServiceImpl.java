package org.campus.core.internal.archive.job;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.campus.api.ConflictException;
import org.campus.api.FieldError;
import org.campus.api.ForbiddenException;
import org.campus.api.InvalidInputException;
import org.campus.api.NotFoundException;
import org.campus.api.Page;
import org.campus.api.PageRequest;
import org.campus.api.archive.ArchiveJob;
import org.campus.api.archive.ArchiveService;
import org.campus.api.archive.ArchiveVerification;
import org.campus.api.archive.NewArchiveJob;
import org.campus.api.archive.UploadTooLargeException;
import org.campus.api.archive.WorkerReport;
import org.campus.api.job.Job;
import org.campus.api.job.JobService;
import org.campus.api.job.NewJob;
import org.campus.api.provider.ProviderLease;
import org.campus.api.provider.ProviderRegistry;
import org.campus.api.provider.ProviderUnavailableException;
import org.campus.api.workflow.LmsId;
import org.campus.core.internal.archive.format.ArchiveCheck;
import org.campus.core.internal.archive.format.ArchiveChecker;
import org.campus.core.internal.archive.job.ArchiveRepository.ActivityRow;
import org.campus.core.internal.archive.job.ArchiveRepository.Row;
import org.campus.core.internal.archive.job.ArchiveRepository.UploadRow;
import org.campus.core.internal.archive.signing.ArchiveSigner;
import org.campus.core.internal.archive.signing.ArchiveVerifier;
import org.campus.core.internal.archive.signing.Verification;
import org.campus.core.internal.db.CampusSchema;
import org.campus.core.internal.db.Cursors;
import org.campus.core.internal.db.JdbcTransactions;
import org.campus.core.internal.db.StoredText;
import org.campus.core.internal.event.Events;
import org.campus.spi.archiver.ActivityArchiver;
import org.campus.spi.archiver.ActivityRef;
import org.campus.spi.archiver.ActivityRequest;
import org.campus.spi.archiver.EntryNames;
import org.campus.spi.storage.StorageDriver;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The archive service: creates archive jobs (rows of its own, the inline data and uploads in the
 * job's work directory) and submits them to the job engine, where {@link ArchiveJobExecutor} runs
 * them; reads a job with the engine's row for its state, a page of jobs in three queries.
 */
@Component(service = ArchiveService.class, configurationPid = ArchiveConfig.PID)
@Designate(ocd = ArchiveConfig.class)
public class ArchiveServiceImpl implements ArchiveService {

    /** Uploads are streamed to disk through a buffer of this size (nothing more is held in memory). */
    static final int UPLOAD_BUFFER = 256 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(ArchiveServiceImpl.class);
    private static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9_.-]{0,63}");
    private static final Pattern STORAGE = Pattern.compile("[a-z0-9][a-z0-9.-]{0,63}");
    private static final int MAX_CONTENT_TYPE = 255;

    private final JdbcTransactions tx;
    private final ArchiveRepository repository = new ArchiveRepository();
    private final JobService jobs;
    private final ProviderRegistry registry;
    private final ArchiveSigner signer;
    private final Events events;
    private final ArchiveWorkspace workspace;
    private final ArchiveConfig config;
    private final ArchiveWorkers workers;
    private final Clock clock;

    @Activate
    public ArchiveServiceImpl(ArchiveConfig config, @Reference CampusSchema schema,
            @Reference(target = "(osgi.jndi.service.name=campus)") DataSource dataSource, @Reference JobService jobs,
            @Reference ProviderRegistry registry, @Reference ArchiveSigner signer, @Reference Events events,
            @Reference ArchiveWorkers workers) {
        this(config, dataSource, jobs, registry, signer, events, workers, workDir(config), Clock.systemUTC());
    }

    ArchiveServiceImpl(ArchiveConfig config, DataSource dataSource, JobService jobs, ProviderRegistry registry,
            ArchiveSigner signer, Events events, Path workDir, Clock clock) {
        this(config, dataSource, jobs, registry, signer, events, new ArchiveWorkers(dataSource, "", Duration.ZERO, null, clock),
                workDir, clock);
    }

    ArchiveServiceImpl(ArchiveConfig config, DataSource dataSource, JobService jobs, ProviderRegistry registry,
            ArchiveSigner signer, Events events, ArchiveWorkers workers, Path workDir, Clock clock) {
        this.workers = workers;
        this.config = config;
        this.tx = new JdbcTransactions(dataSource);
        this.jobs = jobs;
        this.registry = registry;
        this.signer = signer;
        this.events = events;
        this.workspace = new ArchiveWorkspace(workDir);
        this.clock = clock;
    }

    static Path workDir(ArchiveConfig config) {
        String dir = config.work_dir() == null ? "" : config.work_dir().trim();
        if (dir.isEmpty()) {
            String data = System.getProperty("karaf.data", System.getProperty("java.io.tmpdir"));
            return Paths.get(data, "campus", "archive-work");
        }
        return Paths.get(dir);
    }

    // ---- creating and starting

    @Override
    public ArchiveJob create(NewArchiveJob request, String owner) {
        String storage = check(request);
        long now = clock.millis();
        List<ActivityRow> rows = new ArrayList<>();
        for (int i = 0; i < request.activities().size(); i++) {
            NewArchiveJob.NewActivity a = request.activities().get(i);
            rows.add(new ActivityRow(i, a.type(), a.id(), a.data() != null, ArchiveRepository.PENDING, null, null, null,
                    0, null));
        }
        String prefix = "courses/" + clean(request.courseId().value()) + "/archive-";
        long[] created = new long[1];
        try {
            tx.write("creating an archive job", c -> {
                long id = repository.insert(c, request.courseId(), owner, request.userId(), request.sign(), storage, prefix, now, rows);
                created[0] = id;
                try {
                    Files.createDirectories(workspace.job(id));
                    for (int i = 0; i < request.activities().size(); i++) {
                        String data = request.activities().get(i).data();
                        if (data != null) {
                            ArchiveWorkspace.write(workspace.inline(id, i), data.getBytes(StandardCharsets.UTF_8));
                        }
                    }
                } catch (IOException e) {
                    throw new SQLException("the job's work directory cannot be written: " + e.getMessage(), e);
                }
                if (!request.awaitUploads()) {
                    submit(c, id, owner);
                }
                return id;
            });
        } catch (RuntimeException e) {
            if (created[0] != 0) {
                deleteQuietly(created[0]);
            }
            throw e;
        }
        long id = created[0];
        ArchiveJob job = find(id).orElseThrow();
        events.post(TOPIC_CREATED, "id", id, "jobId", job.jobId(), "courseId", job.courseId().value(), "owner", owner,
                "state", job.state());
        LOG.debug("archive job {} of course {} created by {}", id, job.courseId(), owner);
        return job;
    }

    private void submit(Connection c, long id, String owner) throws SQLException {
        Job job = jobs.submit(new NewJob(JOB_TYPE, owner, Map.of(ArchiveRunner.PARAMETER_ARCHIVE_ID,
                Long.toString(id))), c);
        if (!repository.markStarted(c, id, job.id())) {
            throw new ConflictException("archive job " + id + " was started or cancelled meanwhile");
        }
    }

    private String check(NewArchiveJob request) {
        List<FieldError> errors = new ArrayList<>();
        if (request.activities().isEmpty()) {
            errors.add(new FieldError("activities", "must list at least one activity"));
        } else if (request.activities().size() > NewArchiveJob.MAX_ACTIVITIES) {
            errors.add(new FieldError("activities", "must list at most " + NewArchiveJob.MAX_ACTIVITIES + " activities"));
        }
        String storage = request.storage() == null ? config.storage_default() : request.storage();
        if (!STORAGE.matcher(storage).matches()) {
            errors.add(new FieldError("storage", "must be a storage driver's id (lower-case letters, digits, '.', '-')"));
        }
        if (request.sign() && !signer.isConfigured()) {
            errors.add(new FieldError("sign", "archives cannot be signed here: " + signer.problem()));
        }
        for (int i = 0; i < request.activities().size() && errors.size() < 50; i++) {
            NewArchiveJob.NewActivity a = request.activities().get(i);
            String at = "activities[" + i + "]";
            if (!TYPE.matcher(a.type()).matches()) {
                errors.add(new FieldError(at + ".type", "must be an activity type: a lower-case letter, then letters,"
                        + " digits, '_', '.' or '-' (at most 64)"));
                continue;
            }
            if (a.id().isEmpty() || a.id().length() > LmsId.MAX_LENGTH || StoredText.hasControl(a.id())) {
                errors.add(new FieldError(at + ".id", "must be 1 to " + LmsId.MAX_LENGTH + " printable characters"));
                continue;
            }
            validate(a, i, request.courseId().value(), errors);
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return storage;
    }

    /** Asks the activity's archiver, when one is registered now, to check its input. */
    private void validate(NewArchiveJob.NewActivity a, int i, String courseId, List<FieldError> errors) {
        ProviderLease<ActivityArchiver> lease;
        try {
            lease = registry.archiverFor(a.type());
        } catch (ProviderUnavailableException e) {
            return; // the job fails naming it, unless one is registered by the time it runs
        }
        byte[] data = a.data() == null ? null : a.data().getBytes(StandardCharsets.UTF_8);
        ActivityRequest request = new ActivityRequest() {
            @Override
            public String courseId() {
                return courseId;
            }

            @Override
            public ActivityRef activity() {
                return new ActivityRef(a.type(), a.id());
            }

            @Override
            public boolean hasInlineData() {
                return data != null;
            }

            @Override
            public InputStream openInlineData() throws IOException {
                if (data == null) {
                    throw new IOException("The activity has no inline data");
                }
                return new ByteArrayInputStream(data);
            }
        };
        try {
            lease.service().validate(request);
        } catch (InvalidInputException e) {
            for (FieldError f : e.errors()) {
                String field = f.field() == null || f.field().isEmpty() ? "" : f.field();
                String prefix = "activities[" + i + "]";
                errors.add(new FieldError(field.isEmpty() ? prefix + ".data"
                        : field.startsWith("[") ? prefix + ".data" + field : prefix + ".data." + field, f.message()));
            }
        } catch (RuntimeException e) {
            LOG.warn("{} failed to check activity {} {}", lease.description().label(), a.type(), a.id(), e);
        }
    }

    private static String clean(String s) {
        StringBuilder b = new StringBuilder("c");
        for (int i = 0; i < s.length() && b.length() < 65; i++) {
            char ch = s.charAt(i);
            b.append((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '.'
                    || ch == '_' || ch == '-' ? ch : '_');
        }
        return b.toString();
    }

    @Override
    public ArchiveJob start(long id) {
        tx.write("starting an archive job", c -> {
            Row row = repository.find(c, id).orElseThrow(() -> NotFoundException.of("archive job", id));
            if (!ArchiveRepository.OPEN.equals(row.state())) {
                throw new ConflictException("archive job " + id + " is " + state(row) + ", not open");
            }
            submit(c, id, row.owner());
            return null;
        });
        return find(id).orElseThrow();
    }

    // ---- uploads

    @Override
    public ArchiveJob.Upload upload(long id, int activity, String name, String contentType, long offset, boolean last,
            InputStream data) throws IOException {
        String problem = name == null ? "is required" : EntryNames.problem(name);
        if (problem != null) {
            throw new InvalidInputException("name", problem);
        }
        if (contentType != null && (contentType.length() > MAX_CONTENT_TYPE || StoredText.hasControl(contentType))) {
            throw new InvalidInputException("contentType", "must be at most " + MAX_CONTENT_TYPE + " printable characters");
        }
        if (offset < 0) {
            throw new InvalidInputException("offset", "must be 0 or more");
        }
        String key = sha256Hex(name.getBytes(StandardCharsets.UTF_8));
        UploadRow upload = tx.write("receiving an upload", c -> {
            Row row = repository.find(c, id).orElseThrow(() -> NotFoundException.of("archive job", id));
            if (!ArchiveRepository.OPEN.equals(row.state())) {
                throw new ConflictException("archive job " + id + " is " + state(row)
                        + "; files are uploaded before it starts");
            }
            List<ActivityRow> activities = repository.activities(c, id);
            if (activity < 0 || activity >= activities.size()) {
                throw new InvalidInputException("activity", "must be the index of one of the job's "
                        + activities.size() + " activities, from 0");
            }
            Optional<UploadRow> existing = repository.upload(c, id, activity, key);
            if (existing.isEmpty()) {
                if (offset != 0) {
                    throw new ConflictException("no bytes of '" + name + "' were received yet; send from offset 0");
                }
                if (repository.countUploads(c, id, activity) >= config.upload_maxFiles()) {
                    throw new ConflictException("activity " + activity + " has " + config.upload_maxFiles()
                            + " files already, the most one activity takes");
                }
                long uploadId = repository.insertUpload(c, id, activity, name, key, contentType, clock.millis());
                return new UploadRow(uploadId, activity, name, contentType, 0, false, null);
            }
            return existing.get();
        });
        if (upload.complete()) {
            throw new ConflictException("'" + name + "' is complete (" + upload.size() + " bytes); delete the job to"
                    + " send it again");
        }
        if (upload.size() != offset) {
            throw new ConflictException("'" + name + "' has " + upload.size() + " bytes; send the next chunk from"
                    + " offset " + upload.size());
        }
        Path file = workspace.upload(id, upload.id());
        Files.createDirectories(file.getParent());
        long max = config.upload_maxFileBytes();
        MessageDigest sha = offset == 0 ? sha256() : null;
        long size;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            ch.truncate(offset); // a chunk sent again after a broken request replaces what arrived of it
            ch.position(offset);
            OutputStream out = Channels.newOutputStream(ch);
            byte[] buffer = new byte[UPLOAD_BUFFER];
            size = offset;
            InputStream in = sha == null ? data : new DigestInputStream(data, sha);
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                size += n;
                if (size > max) {
                    ch.truncate(offset);
                    throw new UploadTooLargeException("'" + name + "' would grow past " + max + " bytes, the largest"
                            + " file an archive job takes (upload.maxFileBytes)");
                }
                out.write(buffer, 0, n);
            }
            if (last) {
                ch.force(true);
            }
        }
        String hash = null;
        if (last) {
            if (sha == null) {
                sha = sha256();
                try (InputStream in = Files.newInputStream(file)) {
                    byte[] buffer = new byte[UPLOAD_BUFFER];
                    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                        sha.update(buffer, 0, n);
                    }
                }
            }
            hash = HexFormat.of().formatHex(sha.digest());
        }
        long total = size;
        String h = hash;
        boolean recorded = tx.write("recording an upload",
                c -> ArchiveRepository.recordChunk(c, upload.id(), offset, total, last, h));
        if (!recorded) {
            throw new ConflictException("another request changed '" + name + "' meanwhile; ask the job for its size"
                    + " and send again from there");
        }
        return new ArchiveJob.Upload(name, contentType, total, last, hash);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static String sha256Hex(byte[] bytes) {
        return HexFormat.of().formatHex(sha256().digest(bytes));
    }

    // ---- reading

    @Override
    public Optional<ArchiveJob> find(long id) {
        return tx.read("reading an archive job", c -> {
            Optional<Row> row = repository.find(c, id);
            if (row.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(job(row.get(), repository.activities(c, id), repository.uploads(c, id)));
        });
    }

    @Override
    public Page<ArchiveJob> list(String courseId, String owner, LmsId userId, PageRequest page) {
        Cursors.Position after = page.cursor() == null ? null : Cursors.decode(page.cursor());
        return tx.read("listing archive jobs", c -> {
            List<Row> rows = repository.list(c, courseId, owner, userId == null ? null : userId.value(), after == null ? null : after.time(),
                    after == null ? null : after.id(), page.limit());
            boolean more = rows.size() > page.limit();
            if (more) {
                rows = rows.subList(0, page.limit());
            }
            Map<Long, List<ActivityRow>> activities = repository.activities(c, rows.stream().map(Row::id).toList());
            List<ArchiveJob> items = new ArrayList<>();
            for (Row r : rows) {
                items.add(job(r, activities.getOrDefault(r.id(), List.of()), Map.of()));
            }
            Row lastRow = rows.isEmpty() ? null : rows.get(rows.size() - 1);
            return new Page<>(items, more ? Cursors.after(lastRow.created().toEpochMilli(), lastRow.id()) : null);
        });
    }

    private static String state(Row row) {
        if (row.engine() != null) {
            return row.engine().state();
        }
        return ArchiveRepository.CANCELLED.equals(row.state()) ? ArchiveRepository.CANCELLED : ArchiveJob.STATE_OPEN;
    }

    static ArchiveJob job(Row row, List<ActivityRow> activities, Map<Integer, List<UploadRow>> uploads) {
        List<ArchiveJob.Activity> list = new ArrayList<>();
        for (ActivityRow a : activities) {
            List<ArchiveJob.Upload> files = uploads.getOrDefault(a.index(), List.of()).stream()
                    .map(u -> new ArchiveJob.Upload(u.name(), u.contentType(), u.size(), u.complete(), u.sha256()))
                    .toList();
            list.add(new ArchiveJob.Activity(a.type(), a.id(), a.inlineData(), a.state(), a.archiver(), a.entries(),
                    files, a.message()));
        }
        ArchiveJob.Stored stored = row.location() == null ? null
                : new ArchiveJob.Stored(row.location(), row.size(), row.sha256(), row.timestamped(), row.tsa());
        String state = state(row);
        int progress = row.engine() == null ? 0 : "completed".equals(state) ? 100 : row.engine().progress();
        return new ArchiveJob(row.id(), row.jobId(), row.courseId(), row.owner(), state, progress, row.sign(),
                row.storage(), list, row.engine() == null ? null : row.engine().reason(), stored, row.created(),
                row.engine() == null ? null : row.engine().ended(), row.userId());
    }

    private Row stored(long id) {
        Row row = tx.read("reading an archive job", c -> repository.find(c, id))
                .orElseThrow(() -> NotFoundException.of("archive job", id));
        if (row.location() == null) {
            throw new ConflictException("archive job " + id + " is " + state(row) + "; it has no stored archive");
        }
        return row;
    }

    private StorageDriver driver(Row row) {
        try {
            return registry.storageDriver(row.storage()).service();
        } catch (ProviderUnavailableException e) {
            throw new ConflictException(e.getMessage() + "; archive job " + row.id() + " is stored there");
        }
    }

    @Override
    public InputStream openArchive(long id) throws IOException {
        Row row = stored(id);
        return driver(row).retrieve(row.location());
    }

    @Override
    public InputStream openTimestamp(long id) throws IOException {
        Row row = tx.read("reading an archive job", c -> repository.find(c, id))
                .orElseThrow(() -> NotFoundException.of("archive job", id));
        if (!row.sign()) {
            throw new NotFoundException("archive job " + id + " was not asked to be signed; it has no time-stamp");
        }
        if (row.tokenLocation() == null) {
            throw new ConflictException("archive job " + id + " is " + state(row) + "; it has no time-stamp yet");
        }
        return driver(row).retrieve(row.tokenLocation());
    }

    @Override
    public ArchiveVerification verify(long id) throws IOException {
        Row row = stored(id);
        StorageDriver driver = driver(row);
        Path spool = Files.createDirectories(workspace.base().resolve("verify"));
        Path dir = Files.createTempDirectory(spool, id + "-");
        try (InputStream archive = driver.retrieve(row.location())) {
            if (row.tokenLocation() == null) {
                ArchiveCheck check = ArchiveChecker.check(archive, dir);
                if (!check.consistent()) {
                    return new ArchiveVerification(false, "The archive is not consistent: " + check.problem(), null,
                            null);
                }
                if (!check.sha256().equalsIgnoreCase(row.sha256())) {
                    return new ArchiveVerification(false, "The archive's SHA-256 is " + check.sha256() + ", not the "
                            + row.sha256() + " recorded when it was stored", null, null);
                }
                return new ArchiveVerification(true, "The archive is unsigned; it matches its manifest and the SHA-256"
                        + " recorded when it was stored", null, null);
            }
            byte[] token;
            byte[] chain;
            try (InputStream t = driver.retrieve(row.tokenLocation());
                    InputStream ch = driver.retrieve(row.chainLocation())) {
                token = t.readNBytes(1024 * 1024);
                chain = ch.readNBytes(1024 * 1024);
            }
            Verification v = ArchiveVerifier.verify(signer, archive, token, chain, dir);
            return new ArchiveVerification(v.valid(), v.reason(), v.time(), v.tsa());
        } finally {
            ArchiveWorkspace.deleteTree(dir);
        }
    }

    // ---- the workers' reports

    @Override
    public void report(long id, int activity, String token, WorkerReport report) {
        tx.write("recording a worker's report", c -> {
            // the token first: who holds none learns nothing of the job (401)
            Optional<ArchiveWorkers.Holder> elsewhere = workers.authenticate(c, id, activity, token);
            Row row = repository.find(c, id).orElseThrow(() -> NotFoundException.of("archive job", id));
            if (activity < 0 || activity >= repository.activities(c, id).size()) {
                throw new NotFoundException("Archive job " + id + " has no activity " + activity);
            }
            if (elsewhere.isPresent()) {
                throw new ForbiddenException("The callback token is another activity's; it reports only for the"
                        + " activity it was given for");
            }
            String state = state(row);
            if (ArchiveJob.STATE_OPEN.equals(state) || "completed".equals(state) || "failed".equals(state)
                    || "cancelled".equals(state)) {
                throw new ConflictException("archive job " + id + " is " + state + "; it takes no worker reports");
            }
            workers.record(c, id, activity, report);
            return null;
        });
        workers.wake(id, activity);
        LOG.debug("archive job {}: the worker of activity {} reported {}", id, activity, report.state());
    }

    // ---- cancel and delete

    @Override
    public ArchiveJob cancel(long id) {
        Row row = tx.read("reading an archive job", c -> repository.find(c, id))
                .orElseThrow(() -> NotFoundException.of("archive job", id));
        if (row.jobId() != null) {
            jobs.cancel(row.jobId());
        } else if (!tx.write("cancelling an archive job", c -> ArchiveRepository.markCancelled(c, id))) {
            throw new ConflictException("archive job " + id + " is " + state(row) + "; only a job that has not ended"
                    + " can be cancelled");
        } else {
            events.post(TOPIC_CANCELLED, "id", id, "courseId", row.courseId().value(), "owner", row.owner(), "state",
                    ArchiveRepository.CANCELLED);
        }
        return find(id).orElseThrow();
    }

    @Override
    public void delete(long id) {
        Row row = tx.read("reading an archive job", c -> repository.find(c, id))
                .orElseThrow(() -> NotFoundException.of("archive job", id));
        if (row.jobId() != null) {
            jobs.delete(row.jobId()); // calls deleting(), which removes what the archive job holds
            return;
        }
        tx.write("deleting an archive job", c -> {
            repository.delete(c, id);
            return null;
        });
        deleteQuietly(id);
        events.post(TOPIC_DELETED, "id", id, "courseId", row.courseId().value(), "owner", row.owner());
    }

    private void deleteQuietly(long id) {
        try {
            workspace.delete(id);
        } catch (IOException e) {
            LOG.warn("The work directory of archive job {} could not be deleted: {}", id, e.getMessage());
        }
    }
}
