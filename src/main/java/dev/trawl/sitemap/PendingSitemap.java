package dev.trawl.sitemap;

import java.util.Objects;

/**
 * A sitemap a walk has still to read: its URL, its index depth (0: a root, from robots.txt or /sitemap.xml) and
 * what listed it (the index's URL, or {@link SitemapDiscovery#FROM_ROBOTS} / {@link SitemapDiscovery#DEFAULT_LOCATION}).
 */
public record PendingSitemap(String url, int depth, String listedBy) {
    public PendingSitemap {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(listedBy, "listedBy");
    }
}
