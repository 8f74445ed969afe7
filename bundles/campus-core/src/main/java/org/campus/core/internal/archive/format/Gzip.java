package org.campus.core.internal.archive.format;

import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.zip.GZIPOutputStream;

/** Small helpers: a gzip member at a chosen level, a SHA-256 digest. */
final class Gzip {

    private Gzip() {
    }

    static Member member(OutputStream out, int level) throws IOException {
        if (level < 0 || level > 9) {
            throw new IllegalArgumentException("a deflate level is 0 to 9");
        }
        return new Member(out, level);
    }

    /** A gzip member whose deflate level can change between entries. */
    static final class Member extends GZIPOutputStream {
        private int current;

        Member(OutputStream out, int level) throws IOException {
            super(out, 64 * 1024);
            def.setLevel(level);
            current = level;
        }

        /** The level for what is written next (what was written before keeps its own). */
        void level(int level) {
            if (level != current) {
                def.setLevel(level);
                current = level;
            }
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
