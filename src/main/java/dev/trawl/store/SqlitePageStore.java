package dev.trawl.store;

import java.sql.Connection;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * A {@link PageStore} in one SQLite file, in WAL mode. Any number of threads may call {@link #write}; one
 * platform thread owns the writing connection and commits their records in batches. Reads use short-lived
 * connections of their own. Create with {@link Stores#open}.
 */
public final class SqlitePageStore implements PageStore {
    /** How often threads waiting on the writer look up whether it has died. */
    private static final long POLL_MILLIS = 50;

    private final SqliteFile file;
    private final Connection connection;
    private final BlockingQueue<WriteTask> queue;
    private final StoreWriter writer;
    private final Thread writerThread;
    private final SqliteReads reads;
    private final Outlinks outlinks = new Outlinks();
    private final InstantSource clock;
    private final AtomicBoolean closed = new AtomicBoolean();

    private SqlitePageStore(SqliteFile file, Connection connection, SqliteSettings settings, InstantSource clock) {
        this.file = file;
        this.connection = connection;
        this.clock = clock;
        this.queue = new LinkedBlockingQueue<>(settings.queueCapacity());
        this.writer = new StoreWriter(file, connection, queue, settings, clock);
        this.reads = new SqliteReads(file);
        // Daemon: a store the caller forgot to close must not keep the JVM alive; unflushed records are lost
        // then either way.
        this.writerThread = Thread.ofPlatform().name("trawl-store-writer").daemon(true).unstarted(writer);
    }

    /**
     * Opens or creates the database at path and migrates it to the current schema.
     *
     * @throws StoreException "cannot open database PATH: reason"
     */
    static SqlitePageStore open(String path, SqliteSettings settings, InstantSource clock) {
        SqliteFile file = new SqliteFile(path, settings);
        SqlitePageStore store = new SqlitePageStore(file, file.openWriter(), settings, clock);
        store.writerThread.start();
        return store;
    }

    @Override
    public void loadFrontier(FrontierVisitor visitor) {
        reads.loadFrontier(visitor);
    }

    /** Goes through the writer like everything else, so there is only ever one writing connection. */
    @Override
    public void addPending(List<FrontierEntry> entries) {
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

    @Override
    public void write(PageRecord record) throws InterruptedException {
        Objects.requireNonNull(record.url(), "page record url");
        record.discovered().forEach(e -> Objects.requireNonNull(e.url(), "discovered entry url"));
        enqueue(new WriteTask.Page(record, outlinks.encode(record.outlinks())));
    }

    @Override
    public void flush() throws InterruptedException {
        CountDownLatch committed = new CountDownLatch(1);
        enqueue(new WriteTask.Barrier(committed));
        while (!committed.await(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
            throwIfFailed();
        }
    }

    @Override
    public List<FrontierEntry> claimPending(int max) throws InterruptedException {
        return exclusive(connection -> FrontierClaims.claim(connection, Dialect.SQLITE, max));
    }

    /** One process per SQLite file: whatever is claimed was claimed by a crawl that ended without finishing. */
    @Override
    public void releaseStaleClaims() {
        try {
            exclusive(FrontierClaims::releaseAll);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("cannot write to " + file.path() + ": interrupted", e);
        }
    }

    /** Runs work on the writing connection after everything queued before it is committed. */
    private <T> T exclusive(WriteTask.SqlWork<T> work) throws InterruptedException {
        var result = new java.util.concurrent.CompletableFuture<T>();
        enqueue(new WriteTask.Exclusive<>(work, result));
        while (true) {
            try {
                return result.get(POLL_MILLIS, TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                throwIfFailed();
            } catch (java.util.concurrent.ExecutionException e) {
                throwIfFailed();
                throw new StoreException("cannot write to " + file.path() + ": " + e.getCause().getMessage(), e.getCause());
            }
        }
    }

    @Override
    public long countAttempted() {
        return reads.countAttempted();
    }

    @Override
    public void exportRows(Consumer<ExportRow> sink) {
        reads.exportRows(sink);
    }

    /** Idempotent. Throws the writer's failure, if it had one, after releasing the database. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        boolean interrupted = false;
        try {
            interrupted = stopWriter();
        } finally {
            SqliteFile.closeQuietly(connection);
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        throwIfFailed();
    }

    /** Queues a stop and waits for the writer to end; returns whether this thread was interrupted meanwhile. */
    private boolean stopWriter() {
        boolean interrupted = false;
        while (writer.failure() == null) {
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
        return interrupted;
    }

    /** Blocks while the queue is full, checking that the writer is still there to empty it. */
    private void enqueue(WriteTask task) throws InterruptedException {
        if (closed.get()) {
            throw new IllegalStateException("store " + file.path() + " is closed");
        }
        throwIfFailed();
        while (!queue.offer(task, POLL_MILLIS, TimeUnit.MILLISECONDS)) {
            throwIfFailed();
        }
    }

    private void throwIfFailed() {
        StoreException failure = writer.failure();
        if (failure != null) {
            throw failure;
        }
    }
}
