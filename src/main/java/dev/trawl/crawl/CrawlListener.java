package dev.trawl.crawl;

import dev.trawl.parse.ParseListener;
import dev.trawl.store.PageRecord;

/**
 * Hears what a crawl does, for statistics and progress, the reader of each parsed page included (ParseListener).
 * Called from many threads at once: implementations must be thread-safe and quick (no I/O), since they run on the
 * fetch path.
 */
public interface CrawlListener extends ParseListener {
    /** A request is about to be sent (pages, redirect hops, retries and robots.txt alike). */
    default void requestStarted() {}

    /** A request will be tried again later. */
    default void retryScheduled() {}

    /**
     * robots.txt of an origin ("http://host:port") was unreachable (5xx, or no response) for the failures-th time in
     * a row; its URLs are held back. gaveUp: that was the last attempt of this run, so they stay pending.
     */
    default void robotsUnavailable(String origin, int failures, boolean gaveUp) {}

    /**
     * A line about the crawl's WARC archive (--warc) for the user: a file a killed crawl left open, completed at the
     * start; what was written, at the end.
     */
    default void archiveNote(String line) {}

    /**
     * A sitemap of --sitemaps was visited and its rows handed to the store: listed, the page URLs it gave; added,
     * those new to the crawl's frontier; problem, null when it was read whole, else why not (one line).
     */
    default void sitemapVisited(String url, int listed, int added, String problem) {}

    /** A URL's outcome was handed to the store. */
    default void recorded(PageRecord record) {}

    CrawlListener NONE = new CrawlListener() {};
}
