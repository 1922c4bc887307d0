package dev.trawl.crawl;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/** A running crawl: await its summary, watch its progress, or cancel it. Closing cancels and waits. */
public final class Crawl implements AutoCloseable {
    private final CompletableFuture<CrawlSummary> done;
    private final Runnable cancel;
    private final Supplier<CrawlProgress> progress;

    Crawl(CompletableFuture<CrawlSummary> done, Runnable cancel, Supplier<CrawlProgress> progress) {
        this.done = done;
        this.cancel = cancel;
        this.progress = progress;
    }

    /**
     * Waits for the crawl to end. Throws {@link dev.trawl.store.StoreException} when the store failed (the
     * crawl then stops, keeping what was committed).
     */
    public CrawlSummary await() throws InterruptedException {
        try {
            return done.get();
        } catch (ExecutionException e) {
            throw rethrow(e.getCause());
        }
    }

    /** Waits at most {@code limit}; returns null if the crawl is still running then. */
    public CrawlSummary await(Duration limit) throws InterruptedException {
        try {
            return done.get(limit.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            return null;
        } catch (ExecutionException e) {
            throw rethrow(e.getCause());
        }
    }

    /**
     * Stops taking new work. Requests in flight get a moment to finish, then are interrupted; everything
     * fetched is committed and the rest stays pending for a resume.
     */
    public void cancel() {
        cancel.run();
    }

    public boolean isDone() {
        return done.isDone();
    }

    public CrawlProgress progress() {
        return progress.get();
    }

    @Override
    public void close() {
        if (!done.isDone()) cancel();
        try {
            done.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException ignored) {
            // the caller chose not to await the outcome
        }
    }

    private static RuntimeException rethrow(Throwable cause) {
        if (cause instanceof RuntimeException re) return re;
        if (cause instanceof Error err) throw err;
        return new IllegalStateException(cause);
    }
}
