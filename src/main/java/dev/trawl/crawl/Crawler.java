package dev.trawl.crawl;

import dev.trawl.store.PageStore;
import dev.trawl.store.Stores;
import java.time.Duration;

/**
 * The library's entry point.
 *
 * <pre>{@code
 * var config = CrawlConfig.builder(List.of("https://example.com/")).db("example.db").maxPages(1000).build();
 * try (Crawl crawl = Crawler.start(config)) {
 *     CrawlSummary summary = crawl.await();
 * }
 * }</pre>
 *
 * Starting on a database that already holds the crawl resumes it: stored URLs are not fetched again,
 * pending ones are.
 */
public final class Crawler {
    private Crawler() {}

    /** Opens the store, loads the frontier and starts crawling in the background. */
    public static Crawl start(CrawlConfig config) {
        return start(config, CrawlListener.NONE);
    }

    /**
     * As {@link #start(CrawlConfig)}, reporting events to {@code listener}.
     *
     * @throws IllegalArgumentException when a seed is not an absolute http(s) URL
     * @throws dev.trawl.store.StoreException when the database cannot be opened
     */
    public static Crawl start(CrawlConfig config, CrawlListener listener) {
        return start(config, listener, PageHandler.NONE);
    }

    /**
     * As {@link #start(CrawlConfig)}, handing each fetched page to {@code handler} on the parse pool: the fields it
     * returns are stored with the page, the links it returns are followed.
     */
    public static Crawl start(CrawlConfig config, PageHandler handler) {
        return start(config, CrawlListener.NONE, handler);
    }

    /** As {@link #start(CrawlConfig, PageHandler)}, reporting events to {@code listener} too. */
    public static Crawl start(CrawlConfig config, CrawlListener listener, PageHandler handler) {
        PageStore store = Stores.open(config.db());
        try {
            return new CrawlRun(config, listener, handler, store).start();
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /**
     * Joins the crawl already in a shared database (PostgreSQL) as one more worker, with the options it was started
     * with and this process's own concurrency and time limit. The crawl ends for every worker together: when no URL
     * is pending and none is claimed.
     *
     * @param timeLimit null for none
     * @throws CrawlRefusedException when db is not a shared database, or holds no crawl
     * @throws dev.trawl.store.StoreException when the database cannot be opened
     */
    public static Crawl join(String db, int concurrency, Duration timeLimit, CrawlListener listener) {
        PageStore store = Stores.open(db);
        try {
            if (!store.coordination().acceptsWorkers()) {
                throw new CrawlRefusedException("--db: a worker joins a crawl in PostgreSQL (postgresql://...), and "
                        + Stores.display(db) + " is a SQLite file, which one crawl process uses alone");
            }
            String options = store.coordination().crawlOptions();
            if (options == null) {
                throw new CrawlRefusedException(Stores.display(db) + " holds no crawl to join"
                        + " (start one with 'trawl crawl SEED_URL... --db ...')");
            }
            CrawlConfig config = CrawlOptions.fromJson(options).toBuilder(db).concurrency(concurrency)
                    .timeLimit(timeLimit).build();
            return new CrawlRun(config, listener, PageHandler.NONE, store).start();
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }
}
