package org.campus.storage.filesystem.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.campus.api.privacy.PersonalData;
import org.campus.spi.ProviderHealth;
import org.campus.spi.storage.ArchiveMetadata;
import org.campus.spi.storage.StoredArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the file system driver does beyond the contract: links, leftovers, configuration, privacy. */
class FilesystemStorageDriverTest {

    @TempDir
    Path dir;

    private FilesystemStorageDriver driver(String userArchives) {
        return new FilesystemStorageDriver(TestConfig.of(dir.resolve("base"), userArchives, 5));
    }

    private static StoredArchive store(FilesystemStorageDriver d, ArchiveMetadata m, String content) throws IOException {
        return d.store(m, new ByteArrayInputStream(content.getBytes()));
    }

    @Test
    void aLinkPlantedUnderTheBaseLeadsNowhere() throws Exception {
        FilesystemStorageDriver d = driver("retain");
        Path outside = Files.createDirectories(dir.resolve("outside"));
        Files.writeString(outside.resolve("secret.txt"), "secret");
        Files.createSymbolicLink(dir.resolve("base/link"), outside);
        Files.createSymbolicLink(dir.resolve("base/file-link"), outside.resolve("secret.txt"));

        assertThrows(IllegalArgumentException.class,
                () -> store(d, ArchiveMetadata.builder("link/x.tar.gz").build(), "x"));
        assertThrows(IllegalArgumentException.class, () -> d.retrieve("link/secret.txt"));
        assertFalse(d.exists("file-link"), "a link is no stored archive");
        assertThrows(org.campus.spi.storage.NoSuchArchiveException.class, () -> d.retrieve("file-link"));
        assertFalse(d.delete("file-link"));
        assertThrows(IllegalArgumentException.class, () -> d.delete("link/secret.txt"));
        assertEquals("secret", Files.readString(outside.resolve("secret.txt")));
        assertFalse(Files.exists(outside.resolve("x.tar.gz")));
    }

    @Test
    void hostileLocationsLeaveAFileBesideTheBaseAlone() throws Exception {
        FilesystemStorageDriver d = driver("retain");
        Path sentinel = Files.writeString(dir.resolve("sentinel.bin"), "beside the base");
        for (String location : List.of("../sentinel.bin", "base/../../sentinel.bin", dir.resolve("sentinel.bin").toString())) {
            assertThrows(IllegalArgumentException.class, () -> d.delete(location), location);
            assertThrows(IllegalArgumentException.class, () -> d.retrieve(location), location);
        }
        assertEquals("beside the base", Files.readString(sentinel));
    }

    @Test
    void writesNothingButTheObjectAndItsMetadataAndRemovesOldLeftovers() throws Exception {
        FilesystemStorageDriver d = driver("retain");
        store(d, ArchiveMetadata.builder("course-7/job-1/a.tar.gz").courseId("7").build(), "a");
        try (var files = Files.walk(dir.resolve("base"))) {
            assertEquals(List.of(".campus-meta/course-7/job-1/a.tar.gz.properties", "course-7/job-1/a.tar.gz"),
                    files.filter(Files::isRegularFile).map(p -> dir.resolve("base").relativize(p).toString()).sorted()
                            .toList());
        }

        Path stale = Files.writeString(dir.resolve("base/course-7/.b.tar.gz.123.tmp"), "half");
        Path fresh = Files.writeString(dir.resolve("base/course-7/.c.tar.gz.456.tmp"), "being written");
        Files.setLastModifiedTime(stale, FileTime.from(Instant.now().minus(Duration.ofDays(2))));
        driver("retain");
        assertFalse(Files.exists(stale), "a crash's leftover older than a day is removed at start");
        assertTrue(Files.exists(fresh), "a temporary file another writer may still use is kept");
    }

    @Test
    void withoutBaseDirectoryItIsDownAndRefusesToStore() {
        FilesystemStorageDriver d = new FilesystemStorageDriver(TestConfig.of(null, "retain", 5));
        assertEquals(ProviderHealth.Status.DOWN, d.health().status());
        assertTrue(d.health().detail().contains("base.dir"), d.health().detail());
        assertFalse(d.status().reachable());
        IOException e = assertThrows(IOException.class, () -> store(d, ArchiveMetadata.builder("a.tar.gz").build(), "a"));
        assertTrue(e.getMessage().contains("base.dir"), e.getMessage());
    }

    @Test
    void healthTellsFreeSpaceAndDegradesWhenLow() throws Exception {
        // no low-space threshold, so that a full disk on the test machine does not decide
        FilesystemStorageDriver relaxed = new FilesystemStorageDriver(TestConfig.of(dir.resolve("base"), "retain", 0));
        assertEquals(ProviderHealth.Status.UP, relaxed.health().status());
        assertTrue(relaxed.health().detail().contains("GiB free"), relaxed.health().detail());
        FilesystemStorageDriver picky = new FilesystemStorageDriver(TestConfig.of(dir.resolve("base"), "retain", 101));
        assertEquals(ProviderHealth.Status.DEGRADED, picky.health().status());

        FilesystemStorageDriver gone = driver("retain");
        Files.delete(dir.resolve("base"));
        assertEquals(ProviderHealth.Status.DOWN, gone.health().status());
    }

    @Test
    void privacyExportListsTheUsersArchivesAndACoursePurgeDeletesTheCourses() throws Exception {
        FilesystemStorageDriver d = driver("retain");
        StoredArchive c7 = store(d, ArchiveMetadata.builder("course-7/job-1/a.tar.gz").jobId("1").courseId("7")
                .dataSubjects(List.of("5", "9")).build(), "a");
        StoredArchive c7b = store(d, ArchiveMetadata.builder("course-7/job-2/a.tar.gz").jobId("2").courseId("7")
                .dataSubjects(List.of("9")).build(), "b");
        StoredArchive c8 = store(d, ArchiveMetadata.builder("course-8/job-3/a.tar.gz").jobId("3").courseId("8")
                .dataSubjects(List.of("5")).build(), "c");

        PersonalData five = d.exportUser("5");
        assertEquals("storage-test-fs", five.provider());
        assertEquals(List.of("1", "3"), five.records().stream().map(r -> (String) r.get("jobId")).sorted().toList());
        assertEquals("retained", five.records().get(0).get("onErasure"));
        assertTrue(d.exportUser("nobody").records().isEmpty());

        assertEquals(0, d.deleteUser("5"), "archives are retained by default");
        assertTrue(d.exists(c7.location()));

        assertEquals(2, d.deleteCourse("7"));
        assertFalse(d.exists(c7.location()));
        assertFalse(d.exists(c7b.location()));
        assertTrue(d.exists(c8.location()));
        assertEquals(List.of("3"), d.exportUser("5").records().stream().map(r -> (String) r.get("jobId")).toList());
        assertEquals(0, d.deleteCourse("7"));
    }

    @Test
    void erasingAUserDeletesTheArchivesHoldingTheUsersDataWhenConfigured() throws Exception {
        FilesystemStorageDriver d = driver("delete");
        StoredArchive mine = store(d, ArchiveMetadata.builder("j1.tar.gz").courseId("7").dataSubjects(List.of("5"))
                .build(), "a");
        StoredArchive other = store(d, ArchiveMetadata.builder("j2.tar.gz").courseId("7").dataSubjects(List.of("6"))
                .build(), "b");

        assertEquals(1, d.deleteUser("5"));
        assertFalse(d.exists(mine.location()));
        assertTrue(d.exists(other.location()));
        assertTrue(d.description().contains("deletes the archives"));
        Map<String, Object> record = d.exportUser("6").records().get(0);
        assertEquals("deleted", record.get("onErasure"));
    }

    @Test
    void retrieveStreamsTheStoredFile() throws Exception {
        FilesystemStorageDriver d = driver("retain");
        StoredArchive s = store(d, ArchiveMetadata.builder("x/y.tar.gz").build(), "payload");
        try (InputStream in = d.retrieve(s.location())) {
            assertArrayEquals("payload".getBytes(), in.readAllBytes());
        }
        assertEquals("x/y.tar.gz", s.location());
    }
}
