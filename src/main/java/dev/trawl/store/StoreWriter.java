package dev.trawl.store;

import java.sql.SQLException;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.LongConsumer;

/**
 * The single writer, for either database: takes tasks from the queue and commits them in batches of up to
 * {@code maxBatch} records or {@code batchWindow}, whichever comes first. A barrier or stop cuts the batch short
 * so that flush and close do not wait out the window. On the first failure it records a {@link StoreException}
 * and ends; what it committed before stays committed.
 */
final class StoreWriter implements Runnable {
    private final String target;
    private final BatchCommitter.Opener opener;
    private final BlockingQueue<WriteTask> queue;
    private final Batching batching;
    private final InstantSource clock;
    private final Function<Throwable, String> reasons;
    private final LongConsumer committedBytes;
    private volatile StoreException failure;

    /**
     * @param target  the database as messages name it (never with a password)
     * @param reasons turns a driver exception into the short reason that ends a message
     * @param committedBytes told the bytes of the page records of each batch once it is committed
     */
    StoreWriter(String target, BatchCommitter.Opener opener, BlockingQueue<WriteTask> queue, Batching batching,
                InstantSource clock, Function<Throwable, String> reasons, LongConsumer committedBytes) {
        this.target = target;
        this.opener = opener;
        this.queue = queue;
        this.batching = batching;
        this.clock = clock;
        this.reasons = reasons;
        this.committedBytes = committedBytes;
    }

    /** Why the writer stopped, or null while it is healthy. */
    StoreException failure() {
        return failure;
    }

    @Override
    public void run() {
        try (BatchCommitter committer = opener.open()) {
            drain(committer);
        } catch (SQLException | RuntimeException e) {
            failure = new StoreException("cannot write to " + target + ": " + reasons.apply(e), e);
        } catch (InterruptedException e) {
            failure = new StoreException("cannot write to " + target + ": the writer thread was interrupted", e);
        }
    }

    private void drain(BatchCommitter committer) throws SQLException, InterruptedException {
        List<WriteTask> batch = new ArrayList<>(batching.maxBatch());
        while (true) {
            WriteTask control = collect(queue.take(), batch);
            if (!batch.isEmpty()) {
                committer.commit(batch, clock.instant());
                long bytes = 0;
                for (WriteTask task : batch) {
                    if (task instanceof WriteTask.Page page) bytes += page.bytes();
                    if (task instanceof WriteTask.Sitemap sitemap) bytes += sitemap.bytes();
                }
                batch.clear();
                committedBytes.accept(bytes);
            }
            if (control instanceof WriteTask.Barrier barrier) {
                barrier.committed().countDown();
            } else if (control instanceof WriteTask.Exclusive<?> exclusive) {
                runExclusive(exclusive, committer);
            } else if (control instanceof WriteTask.Stop) {
                return;
            }
        }
    }

    /** A failed exclusive task fails its caller, and the writer, like any other write. */
    private static <T> void runExclusive(WriteTask.Exclusive<T> exclusive, BatchCommitter committer) throws SQLException {
        try {
            exclusive.result().complete(committer.exclusive(exclusive.work()));
        } catch (SQLException | RuntimeException e) {
            exclusive.result().completeExceptionally(e);
            throw e;
        }
    }

    /**
     * Adds data tasks to batch, starting with first, until the batch is full, the window has passed or a
     * control task arrives. Returns that control task, or null.
     */
    private WriteTask collect(WriteTask first, List<WriteTask> batch) throws InterruptedException {
        long deadline = System.nanoTime() + batching.batchWindow().toNanos();
        WriteTask task = first;
        while (task != null) {
            if (task instanceof WriteTask.Barrier || task instanceof WriteTask.Stop || task instanceof WriteTask.Exclusive) {
                return task;
            }
            batch.add(task);
            long left = deadline - System.nanoTime();
            if (batch.size() >= batching.maxBatch() || left <= 0) {
                return null;
            }
            task = queue.poll(left, TimeUnit.NANOSECONDS);
        }
        return null;
    }
}
