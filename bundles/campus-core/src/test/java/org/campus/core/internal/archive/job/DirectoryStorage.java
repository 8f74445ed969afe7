package org.campus.core.internal.archive.job;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;

import org.campus.spi.storage.ArchiveMetadata;
import org.campus.spi.storage.ArchiveNames;
import org.campus.spi.storage.NoSuchArchiveException;
import org.campus.spi.storage.StorageDriver;
import org.campus.spi.storage.StorageStatus;
import org.campus.spi.storage.StoredArchive;

/** A storage driver for one test: objects as files under a directory, written to a temporary name and renamed. */
final class DirectoryStorage implements StorageDriver {

    final Path base;
    final AtomicInteger stores = new AtomicInteger();

    DirectoryStorage(Path base) {
        this.base = base;
    }

    @Override
    public StoredArchive store(ArchiveMetadata metadata, InputStream data) throws IOException {
        Path target = base.resolve(ArchiveNames.check(metadata.name()));
        Files.createDirectories(target.getParent());
        Path temp = target.resolveSibling("." + target.getFileName() + ".tmp");
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IOException(e);
        }
        long size;
        try (OutputStream out = new DigestOutputStream(Files.newOutputStream(temp), sha)) {
            size = data.transferTo(out);
        }
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        stores.incrementAndGet();
        return new StoredArchive(metadata.name(), size, HexFormat.of().formatHex(sha.digest()));
    }

    @Override
    public InputStream retrieve(String location) throws IOException {
        Path file = base.resolve(ArchiveNames.check(location));
        if (!Files.exists(file)) {
            throw new NoSuchArchiveException(location);
        }
        return Files.newInputStream(file);
    }

    @Override
    public boolean exists(String location) {
        return Files.exists(base.resolve(ArchiveNames.check(location)));
    }

    @Override
    public boolean delete(String location) throws IOException {
        return Files.deleteIfExists(base.resolve(ArchiveNames.check(location)));
    }

    @Override
    public StorageStatus status() {
        return new StorageStatus(true, -1, -1, "test");
    }
}
