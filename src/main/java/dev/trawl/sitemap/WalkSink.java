package dev.trawl.sitemap;

import java.util.List;

/**
 * Hears a walk one sitemap at a time, with everything that sitemap gave at once, so that a crawl can store it in one
 * transaction: a walk cut short (kill -9, --time-limit) then loses at most the sitemap it was reading.
 */
@FunctionalInterface
public interface WalkSink {
    /**
     * visit: what happened to the sitemap (read, unreadable, or not fetched because of a bound); urls: the page URLs
     * it gave, within the site's bound (empty unless it was read); children: the sitemaps of an index that the walk
     * queued, new to it, to read later (empty unless it is an index within the depth bound).
     */
    void visited(SitemapVisit visit, List<FoundUrl> urls, List<PendingSitemap> children) throws InterruptedException;
}
