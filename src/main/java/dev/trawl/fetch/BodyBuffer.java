package dev.trawl.fetch;

import dev.trawl.memory.MemoryBudget;
import java.net.http.HttpTimeoutException;
import java.util.Arrays;

/**
 * A byte array that grows as bytes arrive, never sized from what a server announces, each growth reserved from the
 * page's {@link MemoryBudget.Claim} before it is made: forty responses that announce 10 MB and then stall hold 16 KB
 * each, not 10 MB. Past {@code limit} bytes it stops with BodyTooLargeException; a page that would pass its share of
 * the budget is too large as well; no memory within the wait is a timeout (the crawl is short of memory for now).
 * While a growth waits for memory the request's {@link Deadline} is paused: the wait is the crawl's, not the server's.
 */
final class BodyBuffer {
    static final int INITIAL = 16 * 1024;
    private static final int MAX_ARRAY = Integer.MAX_VALUE - 8;
    private final long limit;
    private final MemoryBudget.Claim claim;
    private final Deadline deadline;
    private byte[] bytes = new byte[0];
    private int length;

    BodyBuffer(long limit, MemoryBudget.Claim claim) {
        this(limit, claim, null);
    }

    /** @param deadline the request's, paused while a growth waits for memory; null when no request is running */
    BodyBuffer(long limit, MemoryBudget.Claim claim, Deadline deadline) {
        this.limit = limit;
        this.claim = claim;
        this.deadline = deadline;
    }

    /** Makes room for at least one more byte (up to more); returns how many fit now. */
    int room(long more) throws BodyTooLargeException, HttpTimeoutException {
        if (length == bytes.length) grow(1);
        return (int) Math.min(more, bytes.length - length);
    }

    /** Appends src[off, off+len), growing as needed; passing the limit throws. */
    void append(byte[] src, int off, int len) throws BodyTooLargeException, HttpTimeoutException {
        if (length + (long) len > limit) throw new BodyTooLargeException(limit);
        if (length + len > bytes.length) grow(len);
        System.arraycopy(src, off, bytes, length, len);
        length += len;
    }

    /** The array to write into at {@link #length()}; call {@link #advance} with what was written. */
    byte[] array() {
        return bytes;
    }

    void advance(int n) throws BodyTooLargeException {
        length += n;
        if (length > limit) throw new BodyTooLargeException(limit);
    }

    int length() {
        return length;
    }

    /**
     * The bytes, in an array of exactly their length; the claim then holds that array alone. Made by the copy only
     * when the buffer is larger (the copy is adopted: the bytes are in memory already, and the buffer goes).
     */
    byte[] exact() {
        if (bytes.length == length) return bytes;
        byte[] exact = Arrays.copyOf(bytes, length);
        claim.adopt(length);
        claim.release(bytes.length);
        bytes = exact;
        return exact;
    }

    /** Gives the buffer's bytes back to the claim: the body is dropped. */
    void discard() {
        claim.release(bytes.length);
        bytes = new byte[0];
        length = 0;
    }

    /** Doubles (at least by needed), up to limit + 1, which is how a body one byte too long is seen. */
    private void grow(int needed) throws BodyTooLargeException, HttpTimeoutException {
        long cap = Math.min(limit + 1, MAX_ARRAY);
        if (bytes.length >= cap) throw new BodyTooLargeException(Math.min(limit, MAX_ARRAY));
        long wanted = Math.max(Math.max(INITIAL, bytes.length * 2L), (long) length + needed);
        int size = (int) Math.min(cap, wanted);
        if (deadline != null) deadline.pause();
        try {
            if (deadline == null) claim.reserve(size);
            else claim.reserve(size, deadline.nanosToCap());
        } catch (MemoryBudget.OverBudgetException e) {
            if (e.pageShare()) throw new BodyTooLargeException(e.getMessage());
            throw new HttpTimeoutException(e.getMessage());
        } finally {
            if (deadline != null) deadline.resume();
        }
        int old = bytes.length;
        bytes = Arrays.copyOf(bytes, size);
        claim.release(old);
    }
}
