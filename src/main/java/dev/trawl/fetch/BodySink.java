package dev.trawl.fetch;

import java.io.IOException;
import java.util.Arrays;

/**
 * Where a response body goes as it is read: into a growing array when it is kept, nowhere when it is not.
 * Either way its raw bytes are counted, and passing the limit stops the read with BodyTooLargeException, so a
 * huge or endless body costs at most about {@code limit} bytes of memory.
 */
final class BodySink {
    private static final int MAX_ARRAY = Integer.MAX_VALUE - 8;
    private static final int INITIAL = 16 * 1024;
    private final boolean keep;
    private final long limit;
    private byte[] bytes;
    private int length;
    private long received;

    /** @param expectedLength the Content-Length, or -1: sizes the array once when it is known */
    BodySink(boolean keep, long limit, long expectedLength) {
        this.keep = keep;
        this.limit = limit;
        if (keep) {
            long initial = expectedLength >= 0 && expectedLength <= limit ? expectedLength : Math.min(INITIAL, limit + 1);
            bytes = new byte[(int) Math.min(initial, MAX_ARRAY)];
        }
    }

    /** Moves up to max body bytes from the connection here; returns how many, or -1 at end of stream. */
    long readFrom(BodySource connection, long max) throws IOException {
        long n;
        if (keep) {
            if (length == bytes.length) grow();
            n = connection.read(bytes, length, (int) Math.min(max, bytes.length - length));
            if (n > 0) length += (int) n;
        } else {
            n = connection.skip(max);
        }
        if (n > 0) {
            received += n;
            if (received > limit) throw new BodyTooLargeException(limit);
        }
        return n;
    }

    private void grow() throws BodyTooLargeException {
        if (bytes.length >= MAX_ARRAY) throw new BodyTooLargeException(Math.min(limit, MAX_ARRAY));
        long wanted = Math.max(INITIAL, bytes.length * 2L);
        bytes = Arrays.copyOf(bytes, (int) Math.min(MAX_ARRAY, Math.min(wanted, limit + 1)));
    }

    RawBody result() {
        return new RawBody(keep ? bytes : null, keep ? length : 0, received);
    }
}
