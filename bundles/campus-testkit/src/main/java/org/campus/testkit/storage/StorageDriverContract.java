package org.campus.testkit.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.campus.spi.ProviderHealth;
import org.campus.spi.storage.ArchiveMetadata;
import org.campus.spi.storage.NoSuchArchiveException;
import org.campus.spi.storage.StorageDriver;
import org.campus.spi.storage.StorageStatus;
import org.campus.spi.storage.StoredArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link StorageDriver} keeps. Extend it in your driver's tests and implement
 * {@link #createDriver()}; each test gets a fresh driver over fresh, empty storage:
 *
 * <pre>
 * class MyDriverTest extends StorageDriverContract {
 *     &#64;TempDir Path dir;
 *
 *     &#64;Override
 *     protected StorageDriver createDriver() {
 *         return new MyDriver(dir);
 *     }
 * }
 * </pre>
 *
 * It checks: stored bytes come back unchanged, with their size and SHA-256; exists and delete
 * follow the object; a store that fails (the stream breaks, or the bytes differ from the size or
 * SHA-256 announced) leaves nothing visible and an earlier object of the same name as it was;
 * hostile names and locations are refused and reach nothing; large objects stream; stores of
 * different names run at once; status and health answer.
 */
public abstract class StorageDriverContract {

    /** Names no driver may accept; each breaks a rule of {@link org.campus.spi.storage.ArchiveNames}. */
    protected static final List<String> HOSTILE_NAMES = List.of("../escape.tar.gz", "/etc/passwd", "a/../../b",
            "a/../b", "..", ".", "a//b", "a/", "/", ".hidden", "a/.tmp", "a\\b", "C:x", "C:\\x", "x\u0000y",
            "line\nbreak", "", "a b", "%2e%2e/x", "~/x", "a/".repeat(9) + "b", "x".repeat(129), "ü.tar.gz");

    /** Locations no driver made; each tries to reach outside its space. */
    protected static final List<String> HOSTILE_LOCATIONS = List.of("../../../../etc/passwd", "/etc/passwd",
            "a/../../x", "..", "x\u0000y", "\\..\\..\\x", "file:///etc/passwd", "../sentinel.bin");

    /** The driver under test. */
    protected StorageDriver driver;

    /** A new driver over fresh, empty storage; called before each test. */
    protected abstract StorageDriver createDriver() throws Exception;

    /** Releases what {@link #createDriver()} made; called after each test. */
    protected void disposeDriver(StorageDriver driver) throws Exception {
    }

    /**
     * Whether anything of the object {@code name} is visible in the driver's storage, looked at
     * directly (a file, a key), for the whole-or-absent tests; {@code null} when the test cannot
     * tell, which skips those checks.
     */
    protected Boolean anythingVisibleUnder(String name) throws Exception {
        return null;
    }

    @BeforeEach
    void createTheDriver() throws Exception {
        driver = createDriver();
        assertNotNull(driver, "createDriver() returned null");
    }

    @AfterEach
    void disposeTheDriver() throws Exception {
        disposeDriver(driver);
    }

    // ---- helpers

    protected static ArchiveMetadata metadata(String name) {
        return ArchiveMetadata.builder(name).contentType("application/gzip").jobId("1").courseId("7").build();
    }

    protected static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(digest().digest(bytes));
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    protected StoredArchive store(String name, byte[] bytes) throws IOException {
        return driver.store(metadata(name), new ByteArrayInputStream(bytes));
    }

    protected byte[] retrieve(String location) throws IOException {
        try (InputStream in = driver.retrieve(location)) {
            return in.readAllBytes();
        }
    }

    /** A stream of {@code size} pseudo-random bytes, generated as it is read (never held). */
    protected static InputStream generated(long size, long seed) {
        return new InputStream() {
            private long left = size;
            private long state = seed;

            @Override
            public int read() {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(len, left);
                for (int i = 0; i < n; i++) {
                    state = state * 6364136223846793005L + 1442695040888963407L;
                    b[off + i] = (byte) (state >>> 56);
                }
                left -= n;
                return n;
            }
        };
    }

    /** A stream that yields {@code good} bytes, then fails. */
    protected static InputStream breaking(byte[] good) {
        return new InputStream() {
            private int pos;

            @Override
            public int read() throws IOException {
                if (pos >= good.length) {
                    throw new IOException("the connection broke");
                }
                return good[pos++] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (pos >= good.length) {
                    throw new IOException("the connection broke");
                }
                int n = Math.min(len, good.length - pos);
                System.arraycopy(good, pos, b, off, n);
                pos += n;
                return n;
            }
        };
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    // ---- the contract

    @Test
    protected void storedBytesComeBackUnchangedWithTheirSizeAndHash() throws IOException {
        for (int size : new int[] {0, 1, 8191, 1024 * 1024 + 3}) {
            byte[] bytes = new byte[size];
            new java.util.Random(size).nextBytes(bytes);
            String name = "course-7/job-1/size-" + size + ".tar.gz";
            StoredArchive stored = store(name, bytes);

            assertEquals(size, stored.size(), name);
            assertEquals(sha256(bytes), stored.sha256(), name);
            assertArrayEquals(bytes, retrieve(stored.location()), name);
            assertTrue(driver.exists(stored.location()), name);
        }
    }

    @Test
    protected void existsAndDeleteFollowTheObject() throws IOException {
        StoredArchive stored = store("job-2/archive.tar.gz", bytes("content"));
        assertTrue(driver.exists(stored.location()));

        assertTrue(driver.delete(stored.location()), "delete tells that the object was there");
        assertFalse(driver.exists(stored.location()));
        assertFalse(driver.delete(stored.location()), "deleting what is absent is no error and tells so");
        NoSuchArchiveException e = assertThrows(NoSuchArchiveException.class, () -> retrieve(stored.location()));
        assertNotNull(e.getMessage());
    }

    @Test
    protected void storingUnderAnExistingNameReplacesTheObject() throws IOException {
        StoredArchive first = store("job-3/archive.tar.gz", bytes("first"));
        StoredArchive second = store("job-3/archive.tar.gz", bytes("second, longer"));
        assertArrayEquals(bytes("second, longer"), retrieve(second.location()));
        if (first.location().equals(second.location())) {
            assertEquals(sha256(bytes("second, longer")), second.sha256());
        }
    }

    @Test
    protected void aBrokenStreamLeavesTheEarlierObjectAsItWas() throws Exception {
        StoredArchive earlier = store("job-4/archive.tar.gz", bytes("the whole earlier archive"));

        assertThrows(IOException.class, () -> driver.store(metadata("job-4/archive.tar.gz"),
                breaking(bytes("the first half of a new"))));

        assertArrayEquals(bytes("the whole earlier archive"), retrieve(earlier.location()));
        assertTrue(driver.exists(earlier.location()));
    }

    @Test
    protected void aBrokenStreamLeavesNothingOfANewObject() throws Exception {
        assertThrows(IOException.class, () -> driver.store(metadata("job-5/new.tar.gz"), breaking(new byte[100_000])));
        Boolean visible = anythingVisibleUnder("job-5/new.tar.gz");
        assumeTrue(visible != null, "the test cannot look into the storage directly");
        assertFalse(visible, "nothing of a failed store is visible");
    }

    @Test
    protected void bytesThatDifferFromTheAnnouncedSizeOrHashAreRefused() throws Exception {
        StoredArchive earlier = store("job-6/archive.tar.gz", bytes("earlier"));
        byte[] bytes = bytes("nine byte");

        IOException tooShort = assertThrows(IOException.class, () -> driver.store(
                ArchiveMetadata.builder("job-6/archive.tar.gz").size(10).build(), new ByteArrayInputStream(bytes)));
        assertNotNull(tooShort.getMessage());
        assertThrows(IOException.class, () -> driver.store(
                ArchiveMetadata.builder("job-6/archive.tar.gz").size(8).build(), new ByteArrayInputStream(bytes)));
        assertThrows(IOException.class, () -> driver.store(ArchiveMetadata.builder("job-6/archive.tar.gz")
                .sha256(sha256(bytes("other"))).build(), new ByteArrayInputStream(bytes)));
        assertArrayEquals(bytes("earlier"), retrieve(earlier.location()), "the earlier object is untouched");

        assertThrows(IOException.class, () -> driver.store(
                ArchiveMetadata.builder("job-6/fresh.tar.gz").size(10).build(), new ByteArrayInputStream(bytes)));
        Boolean visible = anythingVisibleUnder("job-6/fresh.tar.gz");
        if (visible != null) {
            assertFalse(visible, "nothing of a refused store is visible");
        }

        StoredArchive ok = driver.store(ArchiveMetadata.builder("job-6/fresh.tar.gz").size(9).sha256(sha256(bytes))
                .build(), new ByteArrayInputStream(bytes));
        assertArrayEquals(bytes, retrieve(ok.location()));
    }

    @Test
    protected void hostileNamesAreRefusedAndStoreNothing() throws Exception {
        for (String name : HOSTILE_NAMES) {
            assertThrows(IllegalArgumentException.class, () -> store(name, bytes("x")), "name " + printable(name));
        }
    }

    @Test
    protected void hostileLocationsReachNothing() throws Exception {
        StoredArchive sentinel = store("sentinel.bin", bytes("still here"));
        for (String location : HOSTILE_LOCATIONS) {
            String what = "location " + printable(location);
            try (InputStream in = driver.retrieve(location)) {
                fail("retrieve answered for the " + what);
            } catch (IllegalArgumentException | NoSuchArchiveException expected) {
                // refused
            }
            try {
                assertFalse(driver.exists(location), what);
            } catch (IllegalArgumentException expected) {
                // refused
            }
            try {
                assertFalse(driver.delete(location), what);
            } catch (IllegalArgumentException expected) {
                // refused
            }
        }
        assertArrayEquals(bytes("still here"), retrieve(sentinel.location()));
    }

    @Test
    protected void largeObjectsStreamThrough() throws IOException {
        long size = 64L * 1024 * 1024 + 5;
        MessageDigest sent = digest();
        InputStream source = new java.security.DigestInputStream(generated(size, 42), sent);
        StoredArchive stored = driver.store(ArchiveMetadata.builder("large/archive.tar.gz").size(size).build(), source);
        assertEquals(size, stored.size());
        assertEquals(HexFormat.of().formatHex(sent.digest()), stored.sha256());

        MessageDigest back = digest();
        long read = 0;
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = driver.retrieve(stored.location())) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                back.update(buffer, 0, n);
                read += n;
            }
        }
        assertEquals(size, read);
        assertEquals(stored.sha256(), HexFormat.of().formatHex(back.digest()));
    }

    @Test
    protected void theDriverDoesNotCloseTheStreamItIsGiven() throws IOException {
        boolean[] closed = {false};
        InputStream data = new ByteArrayInputStream(bytes("abc")) {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        driver.store(metadata("job-7/archive.tar.gz"), data);
        assertFalse(closed[0]);
    }

    @Test
    protected void storesOfDifferentNamesRunAtOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<StoredArchive>> futures = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                byte[] bytes = bytes("archive number " + i + " ".repeat(i * 1000));
                String name = "parallel/job-" + i + ".tar.gz";
                Callable<StoredArchive> task = () -> store(name, bytes);
                futures.add(pool.submit(task));
            }
            List<String> locations = new ArrayList<>();
            for (int i = 0; i < futures.size(); i++) {
                StoredArchive stored = futures.get(i).get(60, TimeUnit.SECONDS);
                assertArrayEquals(bytes("archive number " + i + " ".repeat(i * 1000)), retrieve(stored.location()));
                locations.add(stored.location());
            }
            assertEquals(locations.size(), locations.stream().distinct().count(), "one location per name");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    protected void locationsAreShortAndNamesMayRepeatInOtherFolders() throws IOException {
        StoredArchive a = store("a/archive.tar.gz", bytes("a"));
        StoredArchive b = store("b/archive.tar.gz", bytes("b"));
        assertNotEquals(a.location(), b.location());
        assertTrue(a.location().length() <= StorageDriver.MAX_LOCATION_LENGTH);
        assertArrayEquals(bytes("a"), retrieve(a.location()));
        assertArrayEquals(bytes("b"), retrieve(b.location()));
    }

    @Test
    protected void statusAndHealthAnswer() {
        StorageStatus status = driver.status();
        assertNotNull(status);
        assertTrue(status.reachable(), "a fresh driver over working storage is reachable: " + status);
        assertTrue(status.freeBytes() >= -1);
        ProviderHealth health = driver.health();
        assertNotNull(health);
        assertNotEquals(ProviderHealth.Status.DOWN, health.status(), "a reachable store is not down: " + health);
    }

    private static String printable(String s) {
        StringBuilder b = new StringBuilder("'");
        s.codePoints().limit(60).forEach(c -> b.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return b.append('\'').toString();
    }
}
