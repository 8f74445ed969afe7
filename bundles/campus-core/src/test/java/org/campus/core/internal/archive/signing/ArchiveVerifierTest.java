package org.campus.core.internal.archive.signing;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

import org.campus.core.internal.archive.format.ArchiveAssembler;
import org.campus.core.internal.archive.format.ArchiveHeader;
import org.campus.core.internal.archive.format.ArchiveLayout;
import org.campus.core.internal.archive.format.AssembledArchive;
import org.campus.core.internal.archive.format.CopyMonitor;
import org.campus.core.internal.archive.format.Segment;
import org.campus.core.internal.archive.format.SegmentWriter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A signed Campus archive verified as a whole: time-stamp and contents. */
class ArchiveVerifierTest {

    private static TestPki pki;
    private static TestTsa tsa;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        pki = new TestPki();
        tsa = new TestTsa(pki);
    }

    @AfterAll
    static void stop() {
        tsa.close();
    }

    private byte[] archive(String content, String sha256InIndex) throws IOException {
        String folder = ArchiveLayout.activityFolder(1, "files", "9");
        Path data = dir.resolve("s" + System.nanoTime());
        Path index = dir.resolve("i" + System.nanoTime());
        try (SegmentWriter w = new SegmentWriter(data, index, folder, 6, dir, CopyMonitor.NONE)) {
            byte[] bytes = content.getBytes();
            w.write("a.txt", "text/plain", Instant.EPOCH, new ByteArrayInputStream(bytes), bytes.length);
            w.finish();
        }
        if (sha256InIndex != null) {
            String text = Files.readString(index);
            Files.writeString(index, text.replaceAll("\"sha256\":\"[0-9a-f]{64}\"", "\"sha256\":\"" + sha256InIndex + "\""));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AssembledArchive a = new ArchiveAssembler(6, Clock.systemUTC()).assemble(
                new ArchiveHeader("1", "2", Instant.EPOCH, null, List.of(), List.of()),
                List.of(new Segment(new ArchiveHeader.ActivityInfo("files", "9", "files", folder), data, index)), out, dir);
        assertTrue(a.size() == out.size());
        return out.toByteArray();
    }

    @Test
    void aSignedArchiveIsValidAndAChangedOneSaysWhatChanged() throws Exception {
        Path root = TestPki.writePem(dir.resolve("root.pem"), pki.root.certificate());
        ArchiveSigner signer = new ArchiveSigner(ArchiveSignerTest.config(tsa.url(), "", false, 2000, root.toString()));
        byte[] original = archive("the original text", null);
        SignedTimestamp stamp = signer.timestamp(java.security.MessageDigest.getInstance("SHA-256").digest(original));

        Verification ok = ArchiveVerifier.verify(signer, new ByteArrayInputStream(original), stamp.token(),
                stamp.chainPem(), dir);
        assertTrue(ok.valid(), ok.reason());

        // the same archive with another text in the entry, whose manifest still lists the original's hash
        String originalHash = HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest("the original text".getBytes()));
        byte[] forged = archive("the forged!! text", originalHash);
        Verification changed = ArchiveVerifier.verify(signer, new ByteArrayInputStream(forged), stamp.token(),
                stamp.chainPem(), dir);
        assertFalse(changed.valid());
        assertTrue(changed.reason().startsWith("The archive's SHA-256 is "), changed.reason());
        assertTrue(changed.reason().contains("Inside the archive: The entry activities/001-files-9/a.txt has SHA-256"),
                changed.reason());
    }
}
