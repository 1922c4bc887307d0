package dev.trawl.sitemap;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What earlier walks of one site did, for a walk that resumes them: the sitemaps already visited (not fetched
 * again), the ones queued and not read yet (read after the roots not yet visited, in this order: keep it breadth
 * first), and the counts the site's bounds go on from.
 *
 * @param fetched sitemaps fetched so far (towards {@link SitemapLimits#maxSitemapsPerSite()})
 * @param urls    URLs given so far (towards {@link SitemapLimits#maxUrlsPerSite()})
 */
public record WalkHistory(Set<String> visited, List<PendingSitemap> queued, int fetched, long urls) {
    /** A site never walked. */
    public static final WalkHistory NONE = new WalkHistory(Set.of(), List.of(), 0, 0);

    public WalkHistory {
        visited = Set.copyOf(Objects.requireNonNull(visited, "visited"));
        queued = List.copyOf(Objects.requireNonNull(queued, "queued"));
        if (fetched < 0 || urls < 0) {
            throw new IllegalArgumentException("counts must be >= 0, got " + fetched + " sitemaps, " + urls + " URLs");
        }
    }
}
