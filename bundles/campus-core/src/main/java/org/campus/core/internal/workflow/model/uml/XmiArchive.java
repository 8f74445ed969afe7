package org.campus.core.internal.workflow.model.uml;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.CRC32;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

import org.campus.api.InvalidInputException;

/**
 * The one {@code .xmi} file of an ArgoUML {@code .zargo} or Poseidon {@code .zuml} archive, read
 * without trusting the archive. Its central directory is checked first (entry count, exactly one
 * {@code .xmi}, declared sizes, no encryption, no ZIP64, no multi-part archive); then only that
 * entry is inflated, straight from its offset, through a stream that stops at the size limit
 * whatever the archive declared. No other entry is ever inflated, so a zip bomb beside the model
 * costs nothing, and one inside it is cut off after {@link #MAX_XMI_BYTES}.
 */
final class XmiArchive {

    /** ArgoUML writes five or six entries per project, one per diagram besides. */
    static final int MAX_ENTRIES = 1000;

    /** A large UML model is a few MiB of XMI; its DOM takes about ten times that in memory. */
    static final long MAX_XMI_BYTES = 16L * 1024 * 1024;

    private static final int LOCAL_HEADER = 0x04034b50;
    private static final int CENTRAL_HEADER = 0x02014b50;
    private static final int END_OF_CENTRAL_DIRECTORY = 0x06054b50;
    private static final int END_RECORD_SIZE = 22;
    private static final int MAX_COMMENT = 0xFFFF;
    private static final int ENCRYPTED = 1;
    private static final int UTF8_NAMES = 1 << 11;
    private static final int STORED = 0;
    private static final int DEFLATED = 8;

    private final String field;
    private final byte[] zip;

    XmiArchive(String field, byte[] zip) {
        this.field = field;
        this.zip = zip;
    }

    /** Whether the bytes start like a zip archive (a local file header, or the end record of an empty one). */
    static boolean looksLikeZip(byte[] bytes) {
        return bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K'
                && ((bytes[2] == 3 && bytes[3] == 4) || (bytes[2] == 5 && bytes[3] == 6));
    }

    /** The name of the {@code .xmi} entry and a bounded stream of its bytes; close it when done. */
    Entry openXmi() {
        int end = findEndRecord();
        if (u16(end + 4) != 0 || u16(end + 6) != 0 || u16(end + 8) != u16(end + 10)) {
            throw refused("is a multi-part zip archive, which is refused");
        }
        int entries = u16(end + 10);
        long directorySize = u32(end + 12);
        long directoryOffset = u32(end + 16);
        if (entries == 0xFFFF || directorySize == 0xFFFFFFFFL || directoryOffset == 0xFFFFFFFFL) {
            throw refused("is a ZIP64 archive, which is refused: a .zargo or .zuml never needs one");
        }
        if (entries > MAX_ENTRIES) {
            throw refused("is a zip archive of " + entries + " entries; at most " + MAX_ENTRIES + " are accepted");
        }
        if (directoryOffset + directorySize > end) {
            throw corrupt("its central directory lies outside the archive");
        }
        List<CentralEntry> xmiEntries = new ArrayList<>();
        List<String> names = new ArrayList<>();
        int position = (int) directoryOffset;
        for (int i = 0; i < entries; i++) {
            if (position + 46 > end || i32(position) != CENTRAL_HEADER) {
                throw corrupt("its central directory is damaged at entry " + (i + 1));
            }
            int nameLength = u16(position + 28);
            int next = position + 46 + nameLength + u16(position + 30) + u16(position + 32);
            if (next > end) {
                throw corrupt("its central directory is damaged at entry " + (i + 1));
            }
            CentralEntry entry = new CentralEntry(name(position + 46, nameLength, u16(position + 8)),
                    u16(position + 8), u16(position + 10), u32(position + 16), u32(position + 20), u32(position + 24),
                    u32(position + 42));
            names.add(entry.name);
            if (entry.name.toLowerCase(Locale.ROOT).endsWith(".xmi") && !entry.name.endsWith("/")) {
                xmiEntries.add(entry);
            }
            position = next;
        }
        if (xmiEntries.isEmpty()) {
            throw refused("is a zip archive without an .xmi file" + (names.isEmpty() ? " (it is empty)"
                    : " (it holds " + preview(names) + ")") + "; a .zargo or .zuml holds exactly one");
        }
        if (xmiEntries.size() > 1) {
            throw refused("is a zip archive with " + xmiEntries.size() + " .xmi files ("
                    + preview(xmiEntries.stream().map(e -> e.name).toList())
                    + "); a .zargo or .zuml holds exactly one, so which one is the model is unclear");
        }
        CentralEntry xmi = xmiEntries.get(0);
        return new Entry(xmi.name, open(xmi, (int) directoryOffset));
    }

    private InputStream open(CentralEntry entry, int directoryOffset) {
        String what = "its entry '" + entry.name + "'";
        if ((entry.flags & ENCRYPTED) != 0) {
            throw refused("is a zip archive whose .xmi file is encrypted");
        }
        if (entry.method != STORED && entry.method != DEFLATED) {
            throw refused("is a zip archive whose .xmi file uses compression method " + entry.method
                    + "; only stored and deflated entries are read");
        }
        if (entry.compressedSize == 0xFFFFFFFFL || entry.size == 0xFFFFFFFFL || entry.localOffset == 0xFFFFFFFFL) {
            throw refused("is a ZIP64 archive, which is refused: a .zargo or .zuml never needs one");
        }
        if (entry.size > MAX_XMI_BYTES) {
            throw refused("is a zip archive whose .xmi file is " + entry.size + " bytes uncompressed; at most "
                    + MAX_XMI_BYTES + " are accepted");
        }
        long local = entry.localOffset;
        if (local + 30 > directoryOffset || i32((int) local) != LOCAL_HEADER) {
            throw corrupt(what + " has no local header where the directory says");
        }
        long data = local + 30 + u16((int) local + 26) + u16((int) local + 28);
        if (data + entry.compressedSize > directoryOffset) {
            throw corrupt(what + " runs past the start of the central directory");
        }
        InputStream raw = new ByteArrayInputStream(zip, (int) data, (int) entry.compressedSize);
        InputStream inflated;
        if (entry.method == STORED) {
            inflated = raw;
        } else {
            Inflater inflater = new Inflater(true);
            inflated = new InflaterInputStream(raw, inflater) {
                @Override
                public void close() throws IOException {
                    try {
                        super.close();
                    } finally {
                        inflater.end(); // the native memory now, not at garbage collection
                    }
                }
            };
        }
        return new CheckedLimitedStream(inflated, entry.name, entry.size, entry.crc);
    }

    private int findEndRecord() {
        int last = zip.length - END_RECORD_SIZE;
        int first = Math.max(0, last - MAX_COMMENT);
        for (int i = last; i >= first; i--) {
            if (i32(i) == END_OF_CENTRAL_DIRECTORY && i + END_RECORD_SIZE + u16(i + 20) == zip.length) {
                return i;
            }
        }
        throw corrupt("it has no end of central directory record (is it truncated?)");
    }

    private String name(int offset, int length, int flags) {
        return new String(zip, offset, length,
                (flags & UTF8_NAMES) != 0 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
    }

    private int u16(int offset) {
        return (zip[offset] & 0xFF) | (zip[offset + 1] & 0xFF) << 8;
    }

    private long u32(int offset) {
        return i32(offset) & 0xFFFFFFFFL;
    }

    private int i32(int offset) {
        if (offset < 0 || offset + 4 > zip.length) {
            return 0;
        }
        return (zip[offset] & 0xFF) | (zip[offset + 1] & 0xFF) << 8 | (zip[offset + 2] & 0xFF) << 16
                | (zip[offset + 3] & 0xFF) << 24;
    }

    private static String preview(List<String> names) {
        List<String> shown = names.stream().limit(5).map(n -> "'" + n + "'").toList();
        return String.join(", ", shown) + (names.size() > shown.size() ? " and " + (names.size() - shown.size())
                + " more" : "");
    }

    private InvalidInputException refused(String message) {
        return new InvalidInputException(field, message);
    }

    private InvalidInputException corrupt(String why) {
        return new InvalidInputException(field, "is not a readable zip archive: " + why);
    }

    /** The archive's model file. */
    record Entry(String name, InputStream stream) {
    }

    private record CentralEntry(String name, int flags, int method, long crc, long compressedSize, long size,
            long localOffset) {
    }

    /**
     * Stops reading past the declared size (and never past {@link #MAX_XMI_BYTES}), and checks the
     * CRC once the end is reached: a lying or damaged entry fails instead of being half-read.
     */
    private static final class CheckedLimitedStream extends FilterInputStream {
        private final String name;
        private final long declared;
        private final long expectedCrc;
        private final CRC32 crc = new CRC32();
        private long count;
        private boolean checked;

        CheckedLimitedStream(InputStream in, String name, long declared, long expectedCrc) {
            super(in);
            this.name = name;
            this.declared = declared;
            this.expectedCrc = expectedCrc;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n < 0) {
                if (!checked) {
                    checked = true;
                    if (count != declared || crc.getValue() != expectedCrc) {
                        throw new IOException("the archive's entry '" + name + "' is damaged: its size or checksum"
                                + " differs from what the archive declares");
                    }
                }
                return n;
            }
            count += n;
            if (count > declared || count > MAX_XMI_BYTES) {
                throw new IOException("the archive's entry '" + name + "' inflates to more than the "
                        + Math.min(declared, MAX_XMI_BYTES) + " bytes it declares");
            }
            crc.update(buffer, offset, n);
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            int chunk = (int) Math.max(0, Math.min(n, 8192));
            return Math.max(0, read(new byte[chunk], 0, chunk));
        }

        @Override
        public boolean markSupported() {
            return false;
        }
    }
}
