package dev.trawl.crawl;

import dev.trawl.store.PageStore;
import dev.trawl.store.Stores;

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
        PageStore store = Stores.open(config.db());
        try {
            return new CrawlRun(config, listener, store).start();
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }
}
