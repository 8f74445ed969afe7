package org.campus.core.internal.archive.signing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.HexFormat;

import org.campus.core.internal.archive.format.ArchiveCheck;
import org.campus.core.internal.archive.format.ArchiveChecker;

/**
 * Verifies a stored archive in one pass: reads it through the {@link ArchiveChecker} (which also
 * computes its SHA-256), then checks the time-stamp against that hash. When the time-stamp no
 * longer matches, the reason also says what changed inside (which entry no longer matches the
 * manifest), when the archive can tell.
 */
public final class ArchiveVerifier {

    private ArchiveVerifier() {
    }

    public static Verification verify(ArchiveSigner signer, InputStream archive, byte[] token, byte[] chainPem,
            Path spoolDir) throws IOException {
        ArchiveCheck check = ArchiveChecker.check(archive, spoolDir);
        Verification v = signer.verify(HexFormat.of().parseHex(check.sha256()), token, chainPem);
        if (!v.valid()) {
            return check.consistent() ? v
                    : new Verification(false, v.reason() + ". Inside the archive: " + check.problem(), v.time(), v.tsa());
        }
        if (!check.consistent()) {
            return new Verification(false, "The time-stamp matches the archive, but the archive itself is not"
                    + " consistent: " + check.problem(), v.time(), v.tsa());
        }
        return v;
    }
}
