package dev.trawl.memory;

import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The bytes a crawl may hold for the pages it is working on, all pages together: body buffers as they grow,
 * decoded (inflated) bodies, the decoded text and the parse output, until the page's record is handed to the store.
 * Each page charges its own {@link Claim}; a claim may hold at most {@link #perPage()} bytes, so one page can never
 * take the whole budget, and a page that needs more is refused ({@link OverBudgetException#pageShare()}).
 *
 * <p>A new allocation {@link Claim#reserve reserves} first and waits while the budget is spent, for at most
 * {@code maxWait}. Waiting can only end when someone else releases: if every claim that holds bytes is itself
 * waiting, nobody would, so the one asking is let through over the total instead. That bounds what the pages hold
 * at {@code total + perPage}. Bytes already in memory (a body handed over by the transport) are
 * {@link Claim#adopt adopted}, never waited for.
 *
 * <p>The claim of the page being worked on is bound to the thread with {@link #CURRENT}, so the transports and the
 * parser charge it without an extra parameter on every call; outside a page (tests, library calls) it is
 * {@link #UNCOUNTED}.
 */
public final class MemoryBudget {
    /** The page claim of the running task; {@link #current()} reads it. */
    public static final ScopedValue<Claim> CURRENT = ScopedValue.newInstance();

    /** Counts nothing and never refuses: what code outside a page's task charges. */
    public static final Claim UNCOUNTED = new MemoryBudget(Long.MAX_VALUE, Long.MAX_VALUE, Duration.ZERO).new Claim() {
        @Override
        public void reserve(long bytes) {}

        @Override
        public void reserve(long bytes, long longestWaitNanos) {}

        @Override
        public boolean admit(long bytes) {
            return true;
        }

        @Override
        public void adopt(long bytes) {}

        @Override
        public void release(long bytes) {}

        @Override
        public void close() {}
    };

    private final long total;
    private final long perPage;
    private final long maxWaitNanos;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition released = lock.newCondition();
    private long used;
    private long peak;
    private int holders;
    private int waitingHolders;
    private long refused;

    /**
     * @param total   bytes all pages together may hold
     * @param perPage bytes one page may hold (at most total)
     * @param maxWait how long a reservation waits for bytes before it fails
     */
    public MemoryBudget(long total, long perPage, Duration maxWait) {
        if (total < 1 || perPage < 1 || perPage > total) {
            throw new IllegalArgumentException("need 0 < perPage <= total, got " + perPage + " and " + total);
        }
        this.total = total;
        this.perPage = perPage;
        this.maxWaitNanos = maxWait.toNanos();
    }

    /**
     * The budget of a crawl on a heap of maxHeap bytes: a third of it for pages, half of that for one page (with
     * ./trawl's 192 MB heap, 64 MB and 32 MB: a 10 MB body, a copy, and its text decoded to UTF-16 fit in one share).
     */
    public static MemoryBudget forHeap(long maxHeap, Duration maxWait) {
        long total = Math.max(8L << 20, maxHeap / 3);
        return new MemoryBudget(total, total / 2, maxWait);
    }

    /** The claim bound to this thread by the running page task, or {@link #UNCOUNTED}. */
    public static Claim current() {
        return CURRENT.orElse(UNCOUNTED);
    }

    /** A new, empty claim for one page. */
    public Claim open() {
        return new Claim();
    }

    public long total() {
        return total;
    }

    public long perPage() {
        return perPage;
    }

    /** Bytes held now, all claims together. */
    public long used() {
        lock.lock();
        try {
            return used;
        } finally {
            lock.unlock();
        }
    }

    /** The most bytes held at once since the budget was made. */
    public long peak() {
        lock.lock();
        try {
            return peak;
        } finally {
            lock.unlock();
        }
    }

    /** Reservations refused so far (page share passed, or no bytes within the wait). */
    public long refused() {
        lock.lock();
        try {
            return refused;
        } finally {
            lock.unlock();
        }
    }

    /** One page's share of the budget. Not thread-safe for one page's own calls in parallel; they are sequential. */
    public class Claim implements AutoCloseable {
        private long held;

        Claim() {}

        /** Bytes this claim holds. */
        public long held() {
            return held;
        }

        /**
         * Takes bytes for an allocation about to be made, waiting while the budget is spent.
         *
         * @throws OverBudgetException when the page would pass its share, or no bytes came within the wait
         */
        public void reserve(long bytes) throws OverBudgetException {
            reserve(bytes, maxWaitNanos);
        }

        /**
         * As {@link #reserve(long)}, waiting at most longestWaitNanos (and never longer than the budget's own wait): a
         * request whose deadline cannot stretch further waits no longer than that.
         */
        public void reserve(long bytes, long longestWaitNanos) throws OverBudgetException {
            if (bytes <= 0) return;
            long wait = Math.max(0, Math.min(longestWaitNanos, maxWaitNanos));
            lock.lock();
            try {
                if (held + bytes > perPage) {
                    refused++;
                    throw new OverBudgetException(true, "a page may hold " + perPage + " bytes, this one needs "
                            + (held + bytes));
                }
                long deadline = System.nanoTime() + wait;
                while (used + bytes > total && !(held > 0 && waitingHolders + 1 >= holders)) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        refused++;
                        throw new OverBudgetException(false, "no memory for " + bytes + " bytes within "
                                + Duration.ofNanos(wait));
                    }
                    if (held > 0) waitingHolders++;
                    try {
                        released.awaitNanos(left);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        refused++;
                        throw new OverBudgetException(false, "interrupted while waiting for memory");
                    } finally {
                        if (held > 0) waitingHolders--;
                    }
                }
                take(bytes);
            } finally {
                lock.unlock();
            }
        }

        /**
         * Takes bytes for a page about to start, waiting (at most maxWait) until the pages in flight hold no more than
         * half the budget: the other half is theirs to grow into, so a burst of new requests cannot leave every body
         * in flight waiting for memory mid-read. Scrapy's SCRAPER_SLOT_MAX_ACTIVE_SIZE holds new requests back the same
         * way. Returns false, taking nothing, when the wait ended first.
         */
        public boolean admit(long bytes) {
            lock.lock();
            try {
                long deadline = System.nanoTime() + maxWaitNanos;
                while (used + bytes > total / 2) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) return false;
                    try {
                        released.awaitNanos(left);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return false;
                    }
                }
                take(bytes);
                return true;
            } finally {
                lock.unlock();
            }
        }

        /** Counts bytes that are already allocated (handed over, or made by a library): never waits or refuses. */
        public void adopt(long bytes) {
            if (bytes <= 0) return;
            lock.lock();
            try {
                take(bytes);
            } finally {
                lock.unlock();
            }
        }

        private void take(long bytes) {
            if (held == 0) holders++;
            held += bytes;
            used += bytes;
            peak = Math.max(peak, used);
        }

        /** Gives back bytes whose allocation is gone (at most what is held). */
        public void release(long bytes) {
            if (bytes <= 0) return;
            lock.lock();
            try {
                long n = Math.min(bytes, held);
                held -= n;
                used -= n;
                if (held == 0 && n > 0) holders--;
                released.signalAll();
            } finally {
                lock.unlock();
            }
        }

        /** Gives back everything this claim holds; the page is done with its memory. Idempotent. */
        @Override
        public void close() {
            release(held);
        }
    }

    /** A reservation that could not be had. */
    public static final class OverBudgetException extends Exception {
        private static final long serialVersionUID = 1L;
        private final boolean pageShare;

        OverBudgetException(boolean pageShare, String message) {
            super(message, null, false, false);
            this.pageShare = pageShare;
        }

        /** True when the page itself is too costly (it would pass its share); false when the crawl is short of memory. */
        public boolean pageShare() {
            return pageShare;
        }
    }
}
