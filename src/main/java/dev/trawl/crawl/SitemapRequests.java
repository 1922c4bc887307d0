package dev.trawl.crawl;

import dev.trawl.frontier.CrawlItem;
import dev.trawl.frontier.Lease;
import dev.trawl.frontier.Scheduler;
import dev.trawl.sitemap.SitemapFetcher;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The requests of --sitemaps, sent through the crawl's own scheduler so that they keep its limits (--per-host,
 * --delay, robots.txt's Crawl-delay, --concurrency) like any page: the walk asks here and waits, the request rides
 * the scheduler as a {@link CrawlItem} and is run by a {@link SitemapTask} when its host's turn comes.
 *
 * <p>Such an item's {@code url} is a token, {@code sitemap-request:N}, never a page URL (those are absolute http(s)
 * URLs), by which the dispatcher tells it from a page; its {@code current} is what is requested. It takes no page
 * budget (--max-pages counts pages) and writes no page row.
 */
final class SitemapRequests {
    private static final String TOKEN = "sitemap-request:";

    /** What a request is for. */
    sealed interface Errand {
        /** The origin's robots.txt rules, for their Sitemap: lines (fetched like a page's, or already known). */
        record RobotsLines(String origin, CompletableFuture<List<String>> result) implements Errand {}

        /** One sitemap file, for the walk of site (an origin). */
        record Fetch(String site, String url, CompletableFuture<SitemapFetcher.Fetched> result) implements Errand {}
    }

    /**
     * robots.txt of the site being walked was unreachable on every try of this run: its walk ends without recording
     * the sitemap it was at, so that the next run, which tries robots.txt again, reads it (as the site's pages stay
     * pending). A sitemap on another host whose robots.txt is unreachable is only that sitemap's failure.
     */
    static final class RobotsUnreachable extends RuntimeException {
        RobotsUnreachable(String origin) {
            super("robots.txt of " + origin + " unreachable on every try", null, false, false);
        }
    }

    private final Scheduler scheduler;
    private final ConcurrentHashMap<String, Errand> waiting = new ConcurrentHashMap<>();
    private final AtomicLong next = new AtomicLong();

    SitemapRequests(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    /** The errand a lease is for, or null when it is a page's. */
    Errand errandOf(Lease lease) {
        String url = lease.item().url();
        return url.startsWith(TOKEN) ? waiting.get(url) : null;
    }

    /** The Sitemap: lines of origin's robots.txt; waits for the request's turn. */
    List<String> robotsLines(String origin) throws InterruptedException {
        var result = new CompletableFuture<List<String>>();
        return await(origin + "/robots.txt", new Errand.RobotsLines(origin, result), result);
    }

    /** Fetches a sitemap for site's walk; waits for the request's turn. */
    SitemapFetcher.Fetched fetch(String site, String url) throws InterruptedException {
        var result = new CompletableFuture<SitemapFetcher.Fetched>();
        return await(url, new Errand.Fetch(site, url, result), result);
    }

    /**
     * Queues the errand and waits for its result. The crawl ending first (no more items taken) ends the wait as an
     * interruption: the walk stops there, and what it stored stays.
     */
    private <T> T await(String requestUrl, Errand errand, CompletableFuture<T> result) throws InterruptedException {
        String token = TOKEN + next.incrementAndGet();
        waiting.put(token, errand);
        try {
            scheduler.addOutsideBudget(new CrawlItem(token, 0, requestUrl, List.of(), 0));
            return result.get();
        } catch (IllegalStateException e) {
            throw new InterruptedException("the crawl is ending: " + requestUrl + " not requested");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RobotsUnreachable unreachable) throw unreachable;
            throw new IllegalStateException("sitemap request failed: " + requestUrl, e.getCause());
        } finally {
            waiting.remove(token);
        }
    }
}
