package dev.trawl.sitemap;

import java.util.Objects;

/**
 * What happened to one sitemap URL of a walk.
 *
 * @param listedBy the index that listed it, or "robots.txt" / "default" for a root
 * @param urls     page URLs it gave (after the per-site bound)
 * @param children child sitemaps it listed (an index)
 * @param problem  null when it was read whole; else one line: why it was not fetched or not read, or what was cut
 */
public record SitemapVisit(String url, int depth, String listedBy, boolean fetched, int urls, int children,
        String problem) {
    public SitemapVisit {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(listedBy, "listedBy");
    }
}
