package dev.trawl.store;

import java.util.List;

/**
 * The sitemap role of a store (--sitemaps): each site's walk through its sitemaps, kept so that a crawl that resumes
 * neither loses nor fetches again the sitemaps it read, and where each URL a sitemap listed came from.
 *
 * <p>Where a URL came from, with the page fetched for it (the export's query): {@code SELECT f.url, s.sitemap,
 * s.lastmod FROM frontier f JOIN sitemap_urls s ON s.url_key = f.url_key} ({@code LEFT JOIN} from pages for all of
 * them; lastmod is ISO-8601 UTC text as {@code fetched_at} is, or null).
 */
public interface SitemapStore {
    /** The rows of one site's sitemaps, in the order they were queued or visited; empty for a site never walked. */
    List<SitemapRow> loadSitemaps(String site) throws InterruptedException;

    /**
     * Queues a visited sitemap for the writer, which commits it in one transaction with its frontier rows; blocks
     * while the queue is full, as {@link PageWrites#write} does.
     */
    void writeSitemap(SitemapRecord record) throws InterruptedException;
}
