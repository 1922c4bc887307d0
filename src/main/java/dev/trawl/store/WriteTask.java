package dev.trawl.store;

import java.time.Instant;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

/** What the writer thread takes from its queue: data to commit, or a signal about the commits before it. */
sealed interface WriteTask {

    /**
     * A page record, its outlinks already JSON-encoded by the producing thread to spare the writer; bytes is what it
     * counts against the queue's byte bound until it is committed.
     */
    record Page(PageRecord record, String outlinksJson, long bytes) implements WriteTask {}

    /** A sitemap a crawl visited, with the frontier rows of what it listed (--sitemaps); bytes as for a page. */
    record Sitemap(SitemapRecord record, long bytes) implements WriteTask {}

    /** URLs to add as pending unless known (seeds). */
    record Pending(List<FrontierEntry> entries, Instant discoveredAt) implements WriteTask {}

    /** Counted down once every task queued before it is committed. */
    record Barrier(CountDownLatch committed) implements WriteTask {}

    /**
     * Commit what is queued before it, then run {@code work} in a transaction of its own on the writing
     * connection (SQLite has one writer; frontier claims must go through it too), and complete result.
     */
    record Exclusive<T>(SqlWork<T> work, CompletableFuture<T> result) implements WriteTask {}

    /** Work on the writing connection, inside a transaction the writer opens and commits. */
    @FunctionalInterface
    interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Commit what is queued before it, then end the writer thread. */
    record Stop() implements WriteTask {}
}
