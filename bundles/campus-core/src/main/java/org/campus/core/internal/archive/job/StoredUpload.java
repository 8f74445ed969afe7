package org.campus.core.internal.archive.job;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.campus.spi.archiver.UploadedFile;

/** A complete uploaded file in a job's work directory, as an archiver sees it. */
record StoredUpload(String name, long size, Optional<String> contentType, String sha256, Path file)
        implements UploadedFile {

    @Override
    public InputStream open() throws IOException {
        return Files.newInputStream(file);
    }
}
