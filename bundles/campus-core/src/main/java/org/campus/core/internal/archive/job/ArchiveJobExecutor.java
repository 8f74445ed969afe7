package org.campus.core.internal.archive.job;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import javax.sql.DataSource;

import org.campus.api.ConflictException;
import org.campus.api.archive.ArchiveService;
import org.campus.api.job.Job;
import org.campus.api.provider.ProviderRegistry;
import org.campus.api.provider.ProviderUnavailableException;
import org.campus.core.internal.archive.job.ArchiveRepository.Row;
import org.campus.core.internal.archive.signing.ArchiveSigner;
import org.campus.core.internal.db.CampusSchema;
import org.campus.core.internal.event.Events;
import org.campus.spi.job.JobContext;
import org.campus.spi.job.JobExecutor;
import org.campus.spi.job.JobResult;
import org.campus.spi.storage.StorageDriver;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs archive jobs ({@link ArchiveService#JOB_TYPE}) for the job engine ({@link ArchiveRunner} does
 * the steps), and deletes what an archive job holds when the engine deletes its job. A component of
 * its own, apart from the archive service: the engine tracks its executors, and an executor that
 * also needed the engine would be a circular reference, which DS leaves unbound.
 */
@Component(service = JobExecutor.class, configurationPid = ArchiveConfig.PID,
        property = JobExecutor.TYPE + "=" + ArchiveService.JOB_TYPE)
public class ArchiveJobExecutor implements JobExecutor {

    private static final Logger LOG = LoggerFactory.getLogger(ArchiveJobExecutor.class);

    private final ArchiveRepository repository = new ArchiveRepository();
    private final ProviderRegistry registry;
    private final Events events;
    private final ArchiveWorkspace workspace;
    private final ArchiveRunner runner;

    @Activate
    public ArchiveJobExecutor(ArchiveConfig config, @Reference CampusSchema schema,
            @Reference(target = "(osgi.jndi.service.name=campus)") DataSource dataSource,
            @Reference ProviderRegistry registry, @Reference ArchiveSigner signer, @Reference Events events,
            @Reference ArchiveWorkers workers) {
        this(config, dataSource, registry, signer, events, workers, ArchiveServiceImpl.workDir(config),
                Clock.systemUTC());
    }

    ArchiveJobExecutor(ArchiveConfig config, DataSource dataSource, ProviderRegistry registry, ArchiveSigner signer,
            Events events, Path workDir, Clock clock) {
        this(config, dataSource, registry, signer, events, new ArchiveWorkers(dataSource, "", Duration.ZERO, null, clock), workDir,
                clock);
    }

    ArchiveJobExecutor(ArchiveConfig config, DataSource dataSource, ProviderRegistry registry, ArchiveSigner signer,
            Events events, ArchiveWorkers workers, Path workDir, Clock clock) {
        this.registry = registry;
        this.events = events;
        this.workspace = new ArchiveWorkspace(workDir);
        this.runner = new ArchiveRunner(dataSource, repository, registry, signer, workspace,
                Math.max(0, Math.min(9, config.deflate_level())), config.deflate_storeIncompressible(), workers, clock);
    }

    @Override
    public JobResult execute(JobContext context) throws Exception {
        return runner.run(context);
    }

    @Override
    public void deleting(Job job, Connection connection) throws SQLException {
        Optional<Row> found = repository.findByJob(connection, job.id());
        if (found.isEmpty()) {
            return;
        }
        Row row = found.get();
        if (row.location() != null || row.tokenLocation() != null) {
            StorageDriver driver;
            try {
                driver = registry.storageDriver(row.storage()).service();
            } catch (ProviderUnavailableException e) {
                throw new ConflictException(e.getMessage() + "; archive job " + row.id() + " is stored there");
            }
            try {
                for (String location : new String[] {row.tokenLocation(), row.chainLocation(), row.location()}) {
                    if (location != null) {
                        driver.delete(location);
                    }
                }
            } catch (IOException e) {
                throw new ConflictException("the stored archive of archive job " + row.id() + " could not be deleted: "
                        + e.getMessage());
            }
        }
        repository.delete(connection, row.id());
        try {
            workspace.delete(row.id());
        } catch (IOException e) {
            LOG.warn("The work directory of archive job {} could not be deleted: {}", row.id(), e.getMessage());
        }
        events.post(ArchiveService.TOPIC_DELETED, "id", row.id(), "jobId", job.id(), "courseId",
                row.courseId().value(), "owner", row.owner());
    }
}
