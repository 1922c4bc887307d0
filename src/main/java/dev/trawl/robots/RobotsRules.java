package dev.trawl.robots;

import java.time.Duration;
import java.util.List;

/** The verdicts of one origin's robots.txt for trawl's user agent. Immutable, thread-safe. */
public interface RobotsRules {
    /** Whether the canonical URL (on this rules' origin) may be fetched. */
    boolean allows(String url);

    /** The Crawl-delay that applies to trawl, or Duration.ZERO when none is given. */
    Duration crawlDelay();

    /** The robots.txt's Sitemap: URLs, resolved against the robots.txt URL, in order; none when there was no file. */
    default List<String> sitemaps() {
        return List.of();
    }
}
