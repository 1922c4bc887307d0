package dev.trawl.store;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The bytes of page records between {@link WriteQueue#write} and their commit, against a bound: the write queue
 * counts records (4096), but one record may hold 10,000 links, so the bytes need a bound of their own. A record
 * waits while the bound is reached; one larger than the whole bound goes alone, when nothing else is queued.
 */
final class QueuedBytes {
    /** What the pages waiting for the writer (and in its batch) may hold: a twelfth of the heap, 16 MB of 192. */
    static final long DEFAULT_LIMIT = Math.max(4L << 20, Runtime.getRuntime().maxMemory() / 12);

    private final long limit;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition freed = lock.newCondition();
    private long queued;
    private long peak;

    QueuedBytes(long limit) {
        if (limit < 1) throw new IllegalArgumentException("limit must be >= 1, got " + limit);
        this.limit = limit;
    }

    /** Takes bytes, waiting at most millis for room; false when there was none in that time (try again). */
    boolean tryAcquire(long bytes, long millis) throws InterruptedException {
        lock.lock();
        try {
            long nanos = TimeUnit.MILLISECONDS.toNanos(millis);
            while (queued > 0 && queued + bytes > limit) {
                if (nanos <= 0) return false;
                nanos = freed.awaitNanos(nanos);
            }
            queued += bytes;
            peak = Math.max(peak, queued);
            return true;
        } finally {
            lock.unlock();
        }
    }

    void release(long bytes) {
        if (bytes <= 0) return;
        lock.lock();
        try {
            queued -= bytes;
            freed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** The most bytes queued at once; for tests. */
    long peak() {
        lock.lock();
        try {
            return peak;
        } finally {
            lock.unlock();
        }
    }
}
