package org.campus.core.internal.archive.format;

import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import java.util.zip.ZipException;

/**
 * Decompresses a gzip stream of one or more members (RFC 1952), checking each member's CRC-32 and
 * length, until the underlying stream ends. Unlike {@link java.util.zip.GZIPInputStream} of Java 17,
 * which decides whether another member follows from {@code available()} and so may stop at a
 * member boundary of a network or storage stream (JDK-7036144), it reads on until the end.
 */
final class GzipMembersInputStream extends FilterInputStream {

    private static final int FTEXT = 1;
    private static final int FHCRC = 2;
    private static final int FEXTRA = 4;
    private static final int FNAME = 8;
    private static final int FCOMMENT = 16;

    private final PushbackInputStream source;
    private final Inflater inflater = new Inflater(true);
    private final CRC32 crc = new CRC32();
    private final byte[] buffer = new byte[64 * 1024];
    private final byte[] single = new byte[1];
    private int lastInputLength;
    private boolean inMember;
    private boolean ended;
    private long memberBytes;

    GzipMembersInputStream(InputStream in) {
        this(new PushbackInputStream(in, 64 * 1024));
    }

    private GzipMembersInputStream(PushbackInputStream in) {
        super(in);
        this.source = in;
    }

    @Override
    public int read() throws IOException {
        int n = read(single, 0, 1);
        return n < 0 ? -1 : single[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (true) {
            if (ended) {
                return -1;
            }
            if (!inMember && !startMember()) {
                ended = true;
                return -1;
            }
            try {
                int n = inflater.inflate(b, off, len);
                if (n > 0) {
                    crc.update(b, off, n);
                    memberBytes += n;
                    return n;
                }
                if (inflater.finished()) {
                    endMember();
                    continue;
                }
                if (inflater.needsDictionary()) {
                    throw new ZipException("gzip member needs a preset dictionary");
                }
                if (inflater.needsInput()) {
                    int r = source.read(buffer);
                    if (r < 0) {
                        throw new EOFException("The gzip stream ends in the middle of a member");
                    }
                    lastInputLength = r;
                    inflater.setInput(buffer, 0, r);
                }
            } catch (DataFormatException e) {
                throw new ZipException("Corrupt gzip data: " + e.getMessage());
            }
        }
    }

    /** Reads a member header; {@code false} at the clean end of the stream. */
    private boolean startMember() throws IOException {
        int first = source.read();
        if (first < 0) {
            return false;
        }
        int second = source.read();
        if (first != 0x1f || second != 0x8b) {
            throw new ZipException("Not gzip data (no member header)");
        }
        if (readByte() != 8) {
            throw new ZipException("Unsupported gzip compression method");
        }
        int flags = readByte();
        skip(6); // mtime, extra flags, OS
        if ((flags & FEXTRA) != 0) {
            int length = readByte() | (readByte() << 8);
            skip(length);
        }
        if ((flags & FNAME) != 0) {
            skipZeroTerminated();
        }
        if ((flags & FCOMMENT) != 0) {
            skipZeroTerminated();
        }
        if ((flags & FHCRC) != 0) {
            skip(2);
        }
        if ((flags & ~(FTEXT | FHCRC | FEXTRA | FNAME | FCOMMENT)) != 0) {
            throw new ZipException("Reserved gzip header flags set");
        }
        inflater.reset();
        crc.reset();
        memberBytes = 0;
        inMember = true;
        return true;
    }

    private void endMember() throws IOException {
        int remaining = inflater.getRemaining();
        if (remaining > 0) {
            // what the inflater did not use belongs to the trailer and the next member
            source.unread(buffer, lastInputLength - remaining, remaining);
        }
        long expectedCrc = readUInt32();
        long expectedSize = readUInt32();
        if (expectedCrc != crc.getValue()) {
            throw new ZipException("gzip member CRC mismatch");
        }
        if (expectedSize != (memberBytes & 0xffffffffL)) {
            throw new ZipException("gzip member length mismatch");
        }
        inMember = false;
    }

    private int readByte() throws IOException {
        int b = source.read();
        if (b < 0) {
            throw new EOFException("The gzip stream ends in a member header or trailer");
        }
        return b;
    }

    private long readUInt32() throws IOException {
        return (readByte() | (readByte() << 8) | (readByte() << 16) | ((long) readByte() << 24)) & 0xffffffffL;
    }

    private void skip(int n) throws IOException {
        for (int i = 0; i < n; i++) {
            readByte();
        }
    }

    private void skipZeroTerminated() throws IOException {
        while (readByte() != 0) {
            // skip
        }
    }

    @Override
    public int available() {
        return 0;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    @Override
    public void close() throws IOException {
        inflater.end();
        super.close();
    }
}
