package dev.trawl.sitemap;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Which sitemaps to read for one site, and the walk through them: the {@code Sitemap:} lines of its robots.txt, in
 * their order, then {@code /sitemap.xml} of the site's origin unless robots.txt named it already. Immutable; a walk
 * ({@link #walk}) runs on the calling thread and fetches one sitemap at a time, so at most one sitemap's bytes are
 * held at once.
 */
public final class SitemapDiscovery {
    /** listedBy of a root from robots.txt, and of the origin's /sitemap.xml. */
    public static final String FROM_ROBOTS = "robots.txt";
    public static final String DEFAULT_LOCATION = "default";

    private final Map<String, String> roots; // url -> where it came from, in order

    private SitemapDiscovery(Map<String, String> roots) {
        this.roots = roots;
    }

    /**
     * origin: the site's {@code scheme://host[:port]}; robotsSitemaps: the Sitemap: URLs of its robots.txt (already
     * resolved against the robots.txt URL, as crawler-commons gives them; empty when there is none).
     */
    public static SitemapDiscovery forSite(String origin, List<String> robotsSitemaps) {
        Map<String, String> roots = new LinkedHashMap<>();
        for (String url : robotsSitemaps) {
            roots.putIfAbsent(url.strip(), FROM_ROBOTS);
        }
        roots.putIfAbsent(defaultLocation(origin), DEFAULT_LOCATION);
        return new SitemapDiscovery(roots);
    }

    private static String defaultLocation(String origin) {
        try {
            URI uri = new URI(Objects.requireNonNull(origin, "origin"));
            if (uri.getScheme() == null || uri.getRawAuthority() == null) {
                throw new IllegalArgumentException("not an origin (scheme://host[:port]): " + origin);
            }
            return uri.getScheme() + "://" + uri.getRawAuthority() + "/sitemap.xml";
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not an origin (scheme://host[:port]): " + origin, e);
        }
    }

    /** The sitemap URLs a walk starts from, in order. */
    public List<String> roots() {
        return List.copyOf(roots.keySet());
    }

    /**
     * Fetches and reads the roots and, breadth first, the sitemaps their indexes list, within limits; each page URL
     * found goes to sink as it is read. Returns what happened to every sitemap URL met. Throws only
     * InterruptedException (from the fetcher), leaving what was already given to sink given.
     */
    public List<SitemapVisit> walk(SitemapFetcher fetcher, SitemapReader reader, SitemapLimits limits,
            Consumer<FoundUrl> sink) throws InterruptedException {
        return walk(fetcher, reader, limits, WalkHistory.NONE, (visit, urls, children) -> urls.forEach(sink));
    }

    /**
     * As {@link #walk(SitemapFetcher, SitemapReader, SitemapLimits, Consumer)}, going on from what earlier walks of
     * this site did (history: its visited sitemaps are not fetched again, its queued ones are read after the roots
     * not visited yet), and telling sink about each sitemap with all it gave at once.
     */
    public List<SitemapVisit> walk(SitemapFetcher fetcher, SitemapReader reader, SitemapLimits limits,
            WalkHistory history, WalkSink sink) throws InterruptedException {
        SitemapWalk walk = new SitemapWalk(fetcher, reader, limits, history, sink);
        List<PendingSitemap> start = new ArrayList<>();
        roots.forEach((url, from) -> start.add(new PendingSitemap(url, 0, from)));
        return walk.run(start, history.queued());
    }
}
