package dev.trawl.store;

import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * The write side both stores share: a bounded queue in front of one {@link StoreWriter} on its own platform
 * thread. Any number of threads may call {@link #write}; it blocks while the queue is full, which is the
 * back-pressure that keeps memory flat when the database is slower than the network.
 */
final class WriteQueue {
    /** How often threads waiting on the writer look up whether it has died. */
    private static final long POLL_MILLIS = 50;

    private final String target;
    private final BlockingQueue<WriteTask> queue;
    private final StoreWriter writer;
    private final Thread writerThread;
    private final Outlinks outlinks = new Outlinks();
    private final InstantSource clock;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final QueuedBytes bytes;

    /** Starts the writer thread, which opens its committer first thing. */
    WriteQueue(String target, BatchCommitter.Opener opener, Batching batching, InstantSource clock,
               Function<Throwable, String> reasons) {
        this(target, opener, batching, clock, reasons, QueuedBytes.DEFAULT_LIMIT);
    }

    /** @param maxQueuedBytes what records waiting for their commit may hold together ({@link QueuedBytes}) */
    WriteQueue(String target, BatchCommitter.Opener opener, Batching batching, InstantSource clock,
               Function<Throwable, String> reasons, long maxQueuedBytes) {
        this.target = target;
        this.clock = clock;
        this.queue = new LinkedBlockingQueue<>(batching.queueCapacity());
        this.bytes = new QueuedBytes(maxQueuedBytes);
        this.writer = new StoreWriter(target, opener, queue, batching, clock, reasons, bytes::release);
        // Daemon: a store the caller forgot to close must not keep the JVM alive; unflushed records are lost
        // then either way.
        this.writerThread = Thread.ofPlatform().name("trawl-store-writer").daemon(true).start(writer);
    }

    /** Adds URLs as pending unless known, through the writer like everything else; committed on return. */
    void addPending(List<FrontierEntry> entries) {
        entries.forEach(e -> Objects.requireNonNull(e.url(), "frontier entry url"));
        boolean interrupted = false;
        while (true) {
            try {
                enqueue(new WriteTask.Pending(List.copyOf(entries), clock.instant()));
                flush();
                break;
            } catch (InterruptedException e) {
                // The contract has no InterruptedException here; finish (the writer is quick), then re-assert.
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Blocks while the queue is full, in records or in bytes. */
    void write(PageRecord record) throws InterruptedException {
        Objects.requireNonNull(record.url(), "page record url");
        record.discovered().forEach(e -> Objects.requireNonNull(e.url(), "discovered entry url"));
        long size = record.estimatedBytes();
        while (!bytes.tryAcquire(size, POLL_MILLIS)) {
            throwIfFailed();
        }
        try {
            enqueue(new WriteTask.Page(record, outlinks.encode(record.outlinks()), size));
        } catch (InterruptedException | RuntimeException e) {
            bytes.release(size);
            throw e;
        }
    }

    /** As {@link #write}, for a sitemap's rows. */
    void writeSitemap(SitemapRecord record) throws InterruptedException {
        long size = record.estimatedBytes();
        while (!bytes.tryAcquire(size, POLL_MILLIS)) {
            throwIfFailed();
        }
        try {
            enqueue(new WriteTask.Sitemap(record, size));
        } catch (InterruptedException | RuntimeException e) {
            bytes.release(size);
            throw e;
        }
    }

    /** The most bytes of records queued at once; for tests. */
    long peakQueuedBytes() {
        return bytes.peak();
    }

    /** Blocks until every task queued so far is committed; throws the writer's failure if it has one. */
    void flush() throws InterruptedException {
        CountDownLatch committed = new CountDownLatch(1);
        enqueue(new WriteTask.Barrier(committed));
        while (!committed.await(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
            throwIfFailed();
        }
    }

    /** Runs work on the writing connection once everything queued before it is committed, and returns its result. */
    <T> T exclusive(WriteTask.SqlWork<T> work) throws InterruptedException {
        var result = new CompletableFuture<T>();
        enqueue(new WriteTask.Exclusive<>(work, result));
        while (true) {
            try {
                return result.get(POLL_MILLIS, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                throwIfFailed();
            } catch (ExecutionException e) {
                throwIfFailed(); // the writer has failed with the same cause, and says so in one line
                throw new StoreException("cannot write to " + target + ": " + e.getCause().getMessage(), e.getCause());
            }
        }
    }

    /** As {@link #exclusive}, for callers whose contract has no InterruptedException: the work is quick. */
    <T> T exclusiveUninterruptibly(WriteTask.SqlWork<T> work) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return exclusive(work);
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) Thread.currentThread().interrupt();
        }
    }

    /**
     * Lets the writer commit what is queued, then waits for it to end; later writes are refused. Idempotent. Returns
     * false if it had already been called. Does not throw the writer's failure: call {@link #throwIfFailed} after
     * releasing the database.
     */
    boolean stop() {
        if (!stopped.compareAndSet(false, true)) {
            return false;
        }
        boolean interrupted = false;
        while (writer.failure() == null && writerThread.isAlive()) {
            try {
                if (queue.offer(new WriteTask.Stop(), POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                    break;
                }
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        while (writerThread.isAlive()) {
            try {
                writerThread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return true;
    }

    /** Whether {@link #stop} has been called. */
    boolean isStopped() {
        return stopped.get();
    }

    /** Throws why the writer stopped, if it failed. */
    void throwIfFailed() {
        StoreException failure = writer.failure();
        if (failure != null) {
            throw failure;
        }
    }

    /** Blocks while the queue is full, checking that the writer is still there to empty it. */
    private void enqueue(WriteTask task) throws InterruptedException {
        if (stopped.get()) {
            throw new IllegalStateException("store " + target + " is closed");
        }
        throwIfFailed();
        while (!queue.offer(task, POLL_MILLIS, TimeUnit.MILLISECONDS)) {
            throwIfFailed();
        }
    }
}
