package dev.trawl.crawl;

import dev.trawl.fetch.Fetcher;
import dev.trawl.fetch.RetryPolicy;
import dev.trawl.frontier.Lease;
import dev.trawl.frontier.Scheduler;
import dev.trawl.store.PageStore;
import dev.trawl.url.UrlNormalizer;
import dev.trawl.url.Urls;
import java.time.InstantSource;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * --sitemaps in one crawl, as {@link CrawlRun} sees it: the walk of the seeds' sites ({@link SitemapWalker}), its
 * requests in the crawl's scheduler ({@link SitemapRequests}), and the task that runs them ({@link SitemapTask}).
 *
 * <p>Which sites: the seeds' origins, each once. Hosts found later are not walked: with --scope domain or any, the
 * sitemaps of every host met would cost requests and memory without bound, and a site's own sitemaps are where
 * its seed is.
 */
final class Sitemaps {
    private final SitemapRequests requests;
    private final SitemapWalker walker;
    private final Scheduler scheduler;
    private SitemapTask task;

    private Sitemaps(Scheduler scheduler, SitemapRequests requests, SitemapWalker walker) {
        this.scheduler = scheduler;
        this.requests = requests;
        this.walker = walker;
    }

    /** The sitemaps of the seeds' sites, or null when the crawl does not read any (no --sitemaps, --max-depth 0). */
    static Sitemaps of(CrawlConfig config, List<String> seeds, Scheduler scheduler, PageStore store,
                       SitemapIntake intake, UrlNormalizer normalizer, Consumer<RuntimeException> onFailure) {
        if (!config.sitemaps() || config.maxDepth() < SitemapIntake.DEPTH) return null;
        Set<String> sites = new LinkedHashSet<>();
        seeds.forEach(seed -> sites.add(Urls.origin(seed)));
        var requests = new SitemapRequests(scheduler);
        var walker = new SitemapWalker(List.copyOf(sites), requests, !config.ignoreRobots(), store, intake, normalizer,
                onFailure);
        return new Sitemaps(scheduler, requests, walker);
    }

    /** Starts the walk, its requests run with the crawl's fetcher and robots.txt rules (null: --ignore-robots). */
    void start(Fetcher fetcher, RobotsCache robots, RetryPolicy retryPolicy, UrlNormalizer normalizer,
               CrawlListener listener, InstantSource clock) {
        task = new SitemapTask(scheduler, url -> fetcher.get(url, (status, type) -> status >= 200 && status < 300),
                robots, retryPolicy, normalizer, listener, clock);
        walker.start();
    }

    /** Runs the lease if it is a sitemap request (true), else leaves it to the page task (false). */
    boolean runs(Lease lease) throws InterruptedException {
        SitemapRequests.Errand errand = requests.errandOf(lease);
        if (errand == null) return false;
        task.run(lease, errand);
        return true;
    }

    /** Whether URLs may still come from sitemaps: the crawl is not over before. */
    boolean isWalking() {
        return walker.isWalking();
    }

    /** Ends the walk, if it has not ended, and waits for it. */
    void stop() throws InterruptedException {
        walker.stop();
    }
}
