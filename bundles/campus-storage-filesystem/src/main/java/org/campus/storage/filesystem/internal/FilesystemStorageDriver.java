package org.campus.storage.filesystem.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import org.campus.api.privacy.PersonalData;
import org.campus.api.privacy.PrivacyProvider;
import org.campus.spi.ProviderHealth;
import org.campus.spi.storage.ArchiveMetadata;
import org.campus.spi.storage.StorageDriver;
import org.campus.spi.storage.StorageStatus;
import org.campus.spi.storage.StoredArchive;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A storage driver per configuration of factory PID {@code campus.storage.filesystem}: archives
 * as files under {@code base.dir} (see {@link ArchiveFiles}). It is also the privacy provider of
 * what it keeps: a user's export lists the archives that hold the user's data; a course purge
 * deletes the course's archives; a user's erasure retains them (the default: archives are
 * records kept for their retention time) or deletes them whole, by configuration.
 */
@Component(service = {StorageDriver.class, PrivacyProvider.class}, configurationPid = FilesystemStorageConfig.FACTORY_PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE,
        property = {StorageDriver.PROPERTY_ID + "=filesystem", StorageDriver.PROPERTY_TITLE + "=Local disk"})
@Designate(ocd = FilesystemStorageConfig.class, factory = true)
public class FilesystemStorageDriver implements StorageDriver, PrivacyProvider {

    private static final Logger LOG = LoggerFactory.getLogger(FilesystemStorageDriver.class);
    private static final Logger AUDIT = LoggerFactory.getLogger("campus.audit");

    private final String id;
    private final ArchiveFiles files;
    private final String problem;
    private final int lowSpacePercent;
    private final boolean deleteUserArchives;

    @Activate
    public FilesystemStorageDriver(FilesystemStorageConfig config) {
        this.id = config.storage_id();
        this.lowSpacePercent = config.lowSpacePercent();
        this.deleteUserArchives = "delete".equals(config.privacy_userArchives());
        String dir = config.base_dir() == null ? "" : config.base_dir().trim();
        if (dir.isEmpty()) {
            this.files = null;
            this.problem = "base.dir is not set in etc/" + FilesystemStorageConfig.FACTORY_PID + "-*.cfg";
            LOG.error("Storage '{}' cannot keep archives: {}", id, problem);
            return;
        }
        this.files = new ArchiveFiles(Path.of(dir), config.fsync());
        String trouble = null;
        try {
            int removed = files.prepare(Instant.now());
            LOG.info("Storage '{}' keeps archives under {}{}", id, files.base(),
                    removed == 0 ? "" : " (" + removed + " leftover temporary files removed)");
        } catch (IOException e) {
            trouble = "the base directory " + files.base() + " cannot be prepared: " + e;
            LOG.error("Storage '{}': {}", id, trouble);
        }
        this.problem = trouble;
    }

    private ArchiveFiles files() throws IOException {
        if (files == null) {
            throw new IOException("Storage '" + id + "' cannot keep archives: " + problem);
        }
        return files;
    }

    @Override
    public StoredArchive store(ArchiveMetadata metadata, InputStream data) throws IOException {
        StoredArchive stored = files().store(metadata, data);
        LOG.debug("Storage '{}' stored {} ({} bytes)", id, stored.location(), stored.size());
        return stored;
    }

    @Override
    public InputStream retrieve(String location) throws IOException {
        return files().retrieve(location);
    }

    @Override
    public boolean exists(String location) throws IOException {
        return files().exists(location);
    }

    @Override
    public boolean delete(String location) throws IOException {
        boolean deleted = files().delete(location);
        if (deleted) {
            AUDIT.info("storage '{}': archive {} deleted", id, location);
        }
        return deleted;
    }

    @Override
    public StorageStatus status() {
        return files == null ? StorageStatus.unreachable(problem) : files.status();
    }

    @Override
    public ProviderHealth health() {
        StorageStatus s = status();
        if (!s.reachable()) {
            return ProviderHealth.down(s.detail());
        }
        String free = String.format(Locale.ROOT, "%.1f GiB free of %.1f GiB under %s", s.freeBytes() / 1073741824.0,
                s.totalBytes() / 1073741824.0, files.base());
        if (s.totalBytes() > 0 && s.freeBytes() * 100 < s.totalBytes() * (long) lowSpacePercent) {
            return ProviderHealth.degraded("Low on space: " + free);
        }
        return ProviderHealth.up(free);
    }

    // ---- privacy

    @Override
    public String name() {
        return "storage-" + id;
    }

    @Override
    public String description() {
        return "Archives of LMS courses kept as files under " + (files == null ? "(no base directory)" : files.base())
                + " by storage '" + id + "'. They hold the personal data their archivers wrote (course members and"
                + " their roles, workflow histories, submissions). A user's export lists the archives holding the"
                + " user's data; a course purge deletes the course's archives; erasing a user "
                + (deleteUserArchives ? "deletes the archives holding the user's data." : "keeps the archives,"
                        + " which are records kept for their retention time (privacy.userArchives = retain).");
    }

    @Override
    public PersonalData exportUser(String userId) {
        List<Map<String, Object>> records = new ArrayList<>();
        try {
            for (Map.Entry<String, Properties> o : files().objects(m -> ArchiveFiles.subjects(m).contains(userId))) {
                Map<String, Object> r = new LinkedHashMap<>();
                Properties m = o.getValue();
                r.put("location", o.getKey());
                r.put("jobId", m.getProperty("jobId"));
                r.put("courseId", m.getProperty("courseId"));
                r.put("created", m.getProperty("created"));
                r.put("size", Long.parseLong(m.getProperty("size", "0")));
                r.put("onErasure", deleteUserArchives ? "deleted" : "retained");
                records.add(r);
            }
        } catch (IOException e) {
            throw new IllegalStateException("Storage '" + id + "' cannot list its archives: " + e.getMessage(), e);
        }
        return new PersonalData(name(), description(), records);
    }

    @Override
    public int deleteUser(String userId) {
        List<Map.Entry<String, Properties>> holding = list(m -> ArchiveFiles.subjects(m).contains(userId));
        if (!deleteUserArchives) {
            if (!holding.isEmpty()) {
                AUDIT.info("storage '{}': {} archives holding data of user {} retained (privacy.userArchives = retain)",
                        id, holding.size(), userId);
            }
            return 0;
        }
        return deleteAll(holding, "user " + userId);
    }

    @Override
    public int deleteCourse(String courseId) {
        return deleteAll(list(m -> courseId.equals(m.getProperty("courseId"))), "course " + courseId);
    }

    private List<Map.Entry<String, Properties>> list(java.util.function.Predicate<Properties> filter) {
        try {
            return files().objects(filter);
        } catch (IOException e) {
            throw new IllegalStateException("Storage '" + id + "' cannot list its archives: " + e.getMessage(), e);
        }
    }

    private int deleteAll(List<Map.Entry<String, Properties>> objects, String whose) {
        int deleted = 0;
        for (Map.Entry<String, Properties> o : objects) {
            try {
                if (files().delete(o.getKey())) {
                    deleted++;
                }
            } catch (IOException e) {
                throw new IllegalStateException("Storage '" + id + "' could not delete " + o.getKey() + " after "
                        + deleted + " of " + objects.size() + ": " + e.getMessage(), e);
            }
        }
        if (deleted > 0) {
            AUDIT.info("storage '{}': {} archives of {} deleted", id, deleted, whose);
        }
        return deleted;
    }
}
