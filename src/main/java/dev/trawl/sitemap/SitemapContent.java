package dev.trawl.sitemap;

import java.util.List;
import java.util.Objects;

/**
 * What one fetched sitemap holds. {@code problem} (nullable) is a one-line note on a sitemap that was read in part:
 * entries dropped at {@link SitemapLimits#maxUrlsPerSitemap()}, or an XML error after which the entries read so far
 * were kept.
 */
public sealed interface SitemapContent {
    String sitemapUrl();

    /** A sitemap proper (XML urlset, text, RSS, Atom): page URLs. */
    record Urls(String sitemapUrl, List<SitemapUrl> urls, String problem) implements SitemapContent {
        public Urls {
            Objects.requireNonNull(sitemapUrl, "sitemapUrl");
            urls = List.copyOf(urls);
        }
    }

    /** A sitemap index: the URLs of more sitemaps. */
    record Index(String sitemapUrl, List<SitemapUrl> sitemaps, String problem) implements SitemapContent {
        public Index {
            Objects.requireNonNull(sitemapUrl, "sitemapUrl");
            sitemaps = List.copyOf(sitemaps);
        }
    }

    /** Nothing could be read; reason is one line, e.g. "not valid XML at line 3, column 7: ...". */
    record Unreadable(String sitemapUrl, String reason) implements SitemapContent {
        public Unreadable {
            Objects.requireNonNull(sitemapUrl, "sitemapUrl");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
