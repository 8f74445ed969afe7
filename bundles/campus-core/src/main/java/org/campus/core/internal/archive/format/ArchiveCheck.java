package org.campus.core.internal.archive.format;

/**
 * What reading an archive through found.
 *
 * @param problem {@code null} when the archive is whole and every entry matches its manifest;
 *        otherwise exactly what is wrong (the first problem found)
 * @param sha256 the SHA-256 of every byte of the stream read, 64 lower-case hex digits
 * @param size the bytes read
 * @param entries the entries read (the manifest not counted)
 * @param jobId the job the archive names, or {@code null} when it could not be read
 * @param courseId the course the archive names, or {@code null}
 */
public record ArchiveCheck(String problem, String sha256, long size, int entries, String jobId, String courseId) {

    public boolean consistent() {
        return problem == null;
    }
}
