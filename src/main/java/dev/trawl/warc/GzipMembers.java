package dev.trawl.warc;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Walks a file of concatenated gzip members (RFC 1952) and finds where the last complete one ends: each member is
 * inflated and its CRC-32 and length checked against its trailer. The archive writes every record as one member,
 * so a file cut by a crash is whole up to that offset and torn after it. The JDK's GZIPInputStream reads members
 * back to back but does not say where one ends, which is the one thing needed here.
 */
final class GzipMembers {
    private static final int FEXTRA = 4;
    private static final int FNAME = 8;
    private static final int FCOMMENT = 16;
    private static final int FHCRC = 2;
    private static final int CHUNK = 64 * 1024;

    private GzipMembers() {}

    /** The length of the longest prefix of the file made of complete, intact gzip members. */
    static long completePrefix(FileChannel file) throws IOException {
        long size = file.size();
        long at = 0;
        while (at < size) {
            long end = memberEnd(file, at, size);
            if (end < 0) {
                break;
            }
            at = end;
        }
        return at;
    }

    /** Where the member starting at {@code start} ends, or -1 when it is not a complete, intact member. */
    private static long memberEnd(FileChannel file, long start, long size) throws IOException {
        long data = headerEnd(file, start, size);
        if (data < 0) {
            return -1;
        }
        Inflater inflater = new Inflater(true);
        try {
            CRC32 crc = new CRC32();
            ByteBuffer in = ByteBuffer.allocate(CHUNK);
            ByteBuffer out = ByteBuffer.allocate(CHUNK);
            long read = data;
            while (!inflater.finished()) {
                if (inflater.needsInput()) {
                    in.clear();
                    int n = file.read(in, read);
                    if (n <= 0) {
                        return -1;
                    }
                    read += n;
                    inflater.setInput(in.flip());
                }
                out.clear();
                inflater.inflate(out);
                crc.update(out.flip());
            }
            long trailer = data + inflater.getBytesRead();
            ByteBuffer tail = read(file, trailer, 8, size);
            if (tail == null) {
                return -1;
            }
            tail.order(ByteOrder.LITTLE_ENDIAN);
            boolean intact = (tail.getInt(0) & 0xffffffffL) == crc.getValue()
                    && (tail.getInt(4) & 0xffffffffL) == (inflater.getBytesWritten() & 0xffffffffL);
            return intact ? trailer + 8 : -1;
        } catch (DataFormatException e) {
            return -1;
        } finally {
            inflater.end();
        }
    }

    /** Where the compressed data of the member at {@code start} begins, past its header; -1 if none is there. */
    private static long headerEnd(FileChannel file, long start, long size) throws IOException {
        ByteBuffer header = read(file, start, 10, size);
        if (header == null || (header.get(0) & 0xff) != 0x1f || (header.get(1) & 0xff) != 0x8b || header.get(2) != 8) {
            return -1;
        }
        int flags = header.get(3);
        long at = start + 10;
        if ((flags & FEXTRA) != 0) {
            ByteBuffer length = read(file, at, 2, size);
            if (length == null) {
                return -1;
            }
            at += 2 + (length.order(ByteOrder.LITTLE_ENDIAN).getShort(0) & 0xffff);
        }
        for (int zeroTerminated : new int[] {FNAME, FCOMMENT}) {
            if ((flags & zeroTerminated) != 0) {
                at = pastZero(file, at, size);
                if (at < 0) {
                    return -1;
                }
            }
        }
        if ((flags & FHCRC) != 0) {
            at += 2;
        }
        return at <= size ? at : -1;
    }

    private static long pastZero(FileChannel file, long at, long size) throws IOException {
        for (; at < size; at++) {
            ByteBuffer one = read(file, at, 1, size);
            if (one != null && one.get(0) == 0) {
                return at + 1;
            }
        }
        return -1;
    }

    private static ByteBuffer read(FileChannel file, long at, int length, long size) throws IOException {
        if (at + length > size) {
            return null;
        }
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (file.read(buffer, at + buffer.position()) < 0) {
                return null;
            }
        }
        return buffer.flip();
    }
}
