package org.campus.storage.filesystem.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.campus.spi.storage.StorageDriver;
import org.campus.testkit.storage.StorageDriverContract;
import org.junit.jupiter.api.io.TempDir;

/** The storage-driver contract of the test kit, run against the file system driver. */
class FilesystemStorageContractTest extends StorageDriverContract {

    @TempDir
    Path dir;

    private Path base;

    @Override
    protected StorageDriver createDriver() throws Exception {
        base = dir.resolve("archives");
        return new FilesystemStorageDriver(TestConfig.of(base, "retain", 5));
    }

    /** Any file of the object, or a temporary file of it, anywhere under the base. */
    @Override
    protected Boolean anythingVisibleUnder(String name) throws Exception {
        String file = Path.of(name).getFileName().toString();
        try (Stream<Path> all = Files.walk(base)) {
            return all.filter(Files::isRegularFile)
                    .filter(p -> !p.startsWith(base.resolve(ArchiveFiles.META_DIR)))
                    .anyMatch(p -> p.getFileName().toString().contains(file));
        }
    }
}
