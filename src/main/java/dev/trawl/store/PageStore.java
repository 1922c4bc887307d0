package dev.trawl.store;

/**
 * Durable crawl state, in four roles: the frontier ({@link FrontierStore}: every known URL, pending or done), page
 * writes ({@link PageWrites}), reads ({@link PageReads}), and how crawling processes share the frontier
 * ({@link #coordination()}). Every method may throw {@link StoreException}.
 */
public interface PageStore extends FrontierStore, PageWrites, PageReads, SitemapStore, AutoCloseable {

    /**
     * How crawl processes on this store share its frontier: one process alone (a SQLite file) or any number of
     * workers that lease hosts (PostgreSQL). The crawl asks this strategy, never which database it is on.
     */
    Coordination coordination();

    /** Flushes, stops the writer and closes the database. */
    @Override
    void close();
}
