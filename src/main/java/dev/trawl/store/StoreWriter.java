package dev.trawl.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The single writer: takes tasks from the queue and commits them in batches of up to {@code maxBatch} records
 * or {@code batchWindow}, whichever comes first. A barrier or stop cuts the batch short so that flush and close
 * do not wait out the window. On the first failure it records a {@link StoreException} and ends; what it
 * committed before stays committed.
 */
final class StoreWriter implements Runnable {
    private final SqliteFile file;
    private final Connection connection;
    private final BlockingQueue<WriteTask> queue;
    private final SqliteSettings settings;
    private final InstantSource clock;
    private volatile StoreException failure;

    StoreWriter(SqliteFile file, Connection connection, BlockingQueue<WriteTask> queue,
                SqliteSettings settings, InstantSource clock) {
        this.file = file;
        this.connection = connection;
        this.queue = queue;
        this.settings = settings;
        this.clock = clock;
    }

    /** Why the writer stopped, or null while it is healthy. */
    StoreException failure() {
        return failure;
    }

    @Override
    public void run() {
        try (BatchStatements statements = new BatchStatements(connection)) {
            drain(statements);
        } catch (SQLException | RuntimeException e) {
            failure = new StoreException("cannot write to " + file.path() + ": " + SqliteErrors.reason(e), e);
        } catch (InterruptedException e) {
            failure = new StoreException("cannot write to " + file.path() + ": the writer thread was interrupted", e);
        }
    }

    private void drain(BatchStatements statements) throws SQLException, InterruptedException {
        List<WriteTask> batch = new ArrayList<>(settings.maxBatch());
        while (true) {
            WriteTask control = collect(queue.take(), batch);
            if (!batch.isEmpty()) {
                statements.commit(batch, clock.instant());
                batch.clear();
            }
            if (control instanceof WriteTask.Barrier barrier) {
                barrier.committed().countDown();
            } else if (control instanceof WriteTask.Exclusive<?> exclusive) {
                runExclusive(exclusive, statements);
            } else if (control instanceof WriteTask.Stop) {
                return;
            }
        }
    }

    /** A failed exclusive task fails its caller, and the writer, like any other write. */
    private static <T> void runExclusive(WriteTask.Exclusive<T> exclusive, BatchStatements statements) throws SQLException {
        try {
            exclusive.result().complete(statements.exclusive(exclusive.work()));
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
        long deadline = System.nanoTime() + settings.batchWindow().toNanos();
        WriteTask task = first;
        while (task != null) {
            if (task instanceof WriteTask.Barrier || task instanceof WriteTask.Stop || task instanceof WriteTask.Exclusive) {
                return task;
            }
            batch.add(task);
            long left = deadline - System.nanoTime();
            if (batch.size() >= settings.maxBatch() || left <= 0) {
                return null;
            }
            task = queue.poll(left, TimeUnit.NANOSECONDS);
        }
        return null;
    }
}
