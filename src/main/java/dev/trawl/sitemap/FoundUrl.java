package dev.trawl.sitemap;

import java.time.Instant;
import java.util.Objects;

/**
 * A page URL a sitemap listed, as the sitemap wrote it, with its lastmod (null when none) and where it came from:
 * the sitemap that listed it, and that sitemap's depth (0: a root, from robots.txt or /sitemap.xml).
 */
public record FoundUrl(String url, Instant lastModified, String sitemap, int depth) {
    public FoundUrl {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(sitemap, "sitemap");
    }
}
