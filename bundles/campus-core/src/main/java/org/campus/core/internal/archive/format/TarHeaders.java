package org.campus.core.internal.archive.format;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Writes POSIX tar (pax interchange format) headers for regular files: a ustar header, preceded by
 * a pax extended header ({@code typeflag 'x'}) carrying the {@code path} when the name is not
 * plain ASCII of at most 100 bytes, and the {@code size} when it does not fit ustar's 11 octal
 * digits (8 GiB). Every reader since the 2001 standard (GNU tar, bsdtar, 7-Zip, Python's tarfile,
 * Commons Compress) reads these.
 *
 * <p>Campus writes its own headers instead of using a tar library because an archive is assembled
 * from independently written gzip members of tar entries (one per activity, so that a resumed job
 * keeps the activities it finished): each member must hold whole entries without the
 * end-of-archive records and without padding to a block size, which tar libraries add on finish.
 */
final class TarHeaders {

    static final int RECORD = 512;
    private static final long MAX_OCTAL_SIZE = 077777777777L;
    private static final byte[] ZEROS = new byte[RECORD];

    private TarHeaders() {
    }

    /** Writes the header(s) of a regular file entry; the caller writes the data and then {@link #pad}. */
    static void writeFileHeader(OutputStream out, String name, long size, long mtimeSeconds) throws IOException {
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        boolean plainName = nameBytes.length <= 100 && isAscii(nameBytes);
        boolean plainSize = size <= MAX_OCTAL_SIZE;
        if (!plainName || !plainSize) {
            StringBuilder records = new StringBuilder();
            if (!plainName) {
                records.append(paxRecord("path", name));
            }
            if (!plainSize) {
                records.append(paxRecord("size", Long.toString(size)));
            }
            byte[] pax = records.toString().getBytes(StandardCharsets.UTF_8);
            out.write(header(paxHeaderName(nameBytes), pax.length, mtimeSeconds, (byte) 'x'));
            out.write(pax);
            pad(out, pax.length);
        }
        out.write(header(plainName ? nameBytes : asciiFallback(name), plainSize ? size : 0, mtimeSeconds, (byte) '0'));
    }

    /** Pads an entry's data of {@code size} bytes to a whole record. */
    static void pad(OutputStream out, long size) throws IOException {
        int rest = (int) (size % RECORD);
        if (rest != 0) {
            out.write(ZEROS, 0, RECORD - rest);
        }
    }

    /** The end of an archive: two records of zeros. */
    static void writeEndOfArchive(OutputStream out) throws IOException {
        out.write(ZEROS);
        out.write(ZEROS);
    }

    private static byte[] header(byte[] name, long size, long mtimeSeconds, byte type) {
        byte[] h = new byte[RECORD];
        System.arraycopy(name, 0, h, 0, Math.min(name.length, 100));
        octal(h, 100, 8, 0644);
        octal(h, 108, 8, 0);
        octal(h, 116, 8, 0);
        octal(h, 124, 12, size);
        octal(h, 136, 12, Math.max(0, Math.min(mtimeSeconds, MAX_OCTAL_SIZE)));
        h[156] = type;
        System.arraycopy("ustar\0".getBytes(StandardCharsets.US_ASCII), 0, h, 257, 6);
        h[263] = '0';
        h[264] = '0';
        byte[] owner = "campus".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(owner, 0, h, 265, owner.length);
        System.arraycopy(owner, 0, h, 297, owner.length);
        Arrays.fill(h, 148, 156, (byte) ' ');
        long sum = 0;
        for (byte b : h) {
            sum += b & 0xff;
        }
        // six octal digits, NUL, space: the form every reader accepts
        String digits = String.format("%06o", sum);
        for (int i = 0; i < 6; i++) {
            h[148 + i] = (byte) digits.charAt(i);
        }
        h[154] = 0;
        h[155] = ' ';
        return h;
    }

    /** {@code width - 1} octal digits, zero-padded, then NUL. */
    private static void octal(byte[] h, int offset, int width, long value) {
        String s = Long.toOctalString(value);
        int digits = width - 1;
        for (int i = 0; i < digits; i++) {
            int from = s.length() - digits + i;
            h[offset + i] = (byte) (from < 0 ? '0' : s.charAt(from));
        }
        h[offset + digits] = 0;
    }

    /** One pax record, {@code "<length> <key>=<value>\n"}, where the length counts itself. */
    static String paxRecord(String key, String value) {
        int body = (" " + key + "=" + value + "\n").getBytes(StandardCharsets.UTF_8).length;
        int length = body + Integer.toString(body).length();
        if (Integer.toString(length).length() != Integer.toString(body).length()) {
            length++;
        }
        return length + " " + key + "=" + value + "\n";
    }

    private static byte[] paxHeaderName(byte[] name) {
        return "PaxHeaders/entry".getBytes(StandardCharsets.US_ASCII);
    }

    /** What a reader that ignores pax headers sees: the name with non-ASCII replaced, at most 100 bytes. */
    private static byte[] asciiFallback(String name) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < name.length() && b.length() < 100; i++) {
            char c = name.charAt(i);
            b.append(c >= 0x20 && c < 0x7f ? c : '_');
        }
        return b.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static boolean isAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0x20 || b == 0x7f) {
                return false;
            }
        }
        return true;
    }
}
