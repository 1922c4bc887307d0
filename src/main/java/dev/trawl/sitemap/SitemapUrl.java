package dev.trawl.sitemap;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of a sitemap: a page URL (or, in an index, a child sitemap's URL) as the sitemap wrote it, and its
 * {@code <lastmod>} (RSS {@code pubDate}, Atom {@code updated}), or null when it has none or it does not parse.
 */
public record SitemapUrl(String url, Instant lastModified) {
    public SitemapUrl {
        Objects.requireNonNull(url, "url");
    }
}
