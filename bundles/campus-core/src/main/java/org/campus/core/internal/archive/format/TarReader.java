package org.campus.core.internal.archive.format;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads the regular-file entries of a tar stream (ustar with pax extended headers, as
 * {@link TarHeaders} writes them; GNU long names too), checking each header's checksum. Other entry
 * types (directories, links) are skipped. Each entry's data is read through {@link #data()} before
 * the next {@link #next()}; what is left unread is skipped.
 */
final class TarReader {

    /** One regular file entry. */
    record Entry(String name, long size, long mtimeSeconds) {
    }

    private final InputStream in;
    private final byte[] header = new byte[TarHeaders.RECORD];
    private long remaining;
    private long padding;
    private boolean end;

    TarReader(InputStream in) {
        this.in = in;
    }

    /** The next regular file entry, or {@code null} at the end of the archive. */
    Entry next() throws IOException {
        skipRest();
        Map<String, String> pax = new HashMap<>();
        String longName = null;
        while (!end) {
            if (!readRecord()) {
                end = true;
                return null;
            }
            if (isZero(header)) {
                // the end-of-archive marker (a second zero record may follow; nothing after it counts)
                end = true;
                return null;
            }
            checkChecksum();
            byte type = header[156];
            long size = parseOctal(124, 12);
            switch (type) {
                case 'x' -> pax.putAll(parsePax(readSmall(size)));
                case 'g' -> readSmall(size);
                case 'L' -> longName = cString(readSmall(size), 0, (int) size);
                case '0', 0 -> {
                    String name = pax.containsKey("path") ? pax.get("path")
                            : longName != null ? longName : ustarName();
                    if (pax.containsKey("size")) {
                        size = Long.parseLong(pax.get("size"));
                    }
                    long mtime = pax.containsKey("mtime") ? (long) Double.parseDouble(pax.get("mtime"))
                            : parseOctal(136, 12);
                    remaining = size;
                    padding = (TarHeaders.RECORD - size % TarHeaders.RECORD) % TarHeaders.RECORD;
                    return new Entry(name, size, mtime);
                }
                default -> {
                    remaining = size;
                    padding = (TarHeaders.RECORD - size % TarHeaders.RECORD) % TarHeaders.RECORD;
                    skipRest();
                    pax.clear();
                    longName = null;
                }
            }
        }
        return null;
    }

    /** The current entry's data; ends with the entry. The caller does not close it. */
    InputStream data() {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (remaining <= 0) {
                    return -1;
                }
                int n = in.read(b, off, (int) Math.min(len, remaining));
                if (n < 0) {
                    throw new EOFException("The archive ends inside an entry");
                }
                remaining -= n;
                return n;
            }
        };
    }

    /** Reads whatever follows the end of the archive (e.g. so that a digest covers the whole stream). */
    void drain() throws IOException {
        byte[] buffer = new byte[64 * 1024];
        while (in.read(buffer) >= 0) {
            // discard
        }
    }

    private void skipRest() throws IOException {
        long toSkip = remaining + padding;
        remaining = 0;
        padding = 0;
        byte[] buffer = new byte[8192];
        while (toSkip > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, toSkip));
            if (n < 0) {
                throw new EOFException("The archive ends inside an entry");
            }
            toSkip -= n;
        }
    }

    private boolean readRecord() throws IOException {
        int read = 0;
        while (read < header.length) {
            int n = in.read(header, read, header.length - read);
            if (n < 0) {
                if (read == 0) {
                    return false;
                }
                throw new EOFException("The archive ends inside a header");
            }
            read += n;
        }
        return true;
    }

    private byte[] readSmall(long size) throws IOException {
        if (size > 1024 * 1024) {
            throw new IOException("An extended header of " + size + " bytes is more than this reader accepts");
        }
        byte[] data = new byte[(int) size];
        int read = 0;
        while (read < data.length) {
            int n = in.read(data, read, data.length - read);
            if (n < 0) {
                throw new EOFException("The archive ends inside an extended header");
            }
            read += n;
        }
        remaining = 0;
        padding = (TarHeaders.RECORD - size % TarHeaders.RECORD) % TarHeaders.RECORD;
        skipRest();
        return data;
    }

    private static Map<String, String> parsePax(byte[] data) throws IOException {
        Map<String, String> records = new HashMap<>();
        int pos = 0;
        while (pos < data.length) {
            int space = pos;
            while (space < data.length && data[space] != ' ') {
                space++;
            }
            int length;
            try {
                length = Integer.parseInt(new String(data, pos, space - pos, StandardCharsets.US_ASCII));
            } catch (NumberFormatException e) {
                throw new IOException("A malformed pax record");
            }
            if (length <= space - pos + 1 || pos + length > data.length || data[pos + length - 1] != '\n') {
                throw new IOException("A malformed pax record");
            }
            String record = new String(data, space + 1, pos + length - space - 2, StandardCharsets.UTF_8);
            int eq = record.indexOf('=');
            if (eq < 0) {
                throw new IOException("A malformed pax record");
            }
            records.put(record.substring(0, eq), record.substring(eq + 1));
            pos += length;
        }
        return records;
    }

    private String ustarName() {
        String name = cString(header, 0, 100);
        boolean ustar = header[257] == 'u' && header[258] == 's' && header[259] == 't' && header[260] == 'a'
                && header[261] == 'r';
        String prefix = ustar ? cString(header, 345, 155) : "";
        return prefix.isEmpty() ? name : prefix + "/" + name;
    }

    private static String cString(byte[] bytes, int offset, int max) {
        int end = offset;
        while (end < offset + max && end < bytes.length && bytes[end] != 0) {
            end++;
        }
        return new String(bytes, offset, end - offset, StandardCharsets.UTF_8);
    }

    private long parseOctal(int offset, int width) throws IOException {
        if ((header[offset] & 0x80) != 0) {
            // GNU base-256 for large numbers
            long value = header[offset] & 0x7f;
            for (int i = 1; i < width; i++) {
                value = (value << 8) | (header[offset + i] & 0xff);
            }
            return value;
        }
        long value = 0;
        boolean digits = false;
        for (int i = offset; i < offset + width; i++) {
            byte b = header[i];
            if (b >= '0' && b <= '7') {
                value = value * 8 + (b - '0');
                digits = true;
            } else if (b == ' ' || b == 0) {
                if (digits) {
                    break;
                }
            } else {
                throw new IOException("A malformed number in a tar header");
            }
        }
        return value;
    }

    private void checkChecksum() throws IOException {
        long stored = parseOctal(148, 8);
        long sum = 0;
        for (int i = 0; i < header.length; i++) {
            sum += (i >= 148 && i < 156) ? ' ' : header[i] & 0xff;
        }
        if (sum != stored) {
            throw new IOException("A tar header with a wrong checksum: not a tar archive, or a damaged one");
        }
    }

    private static boolean isZero(byte[] record) {
        for (byte b : record) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }
}
