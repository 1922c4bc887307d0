package dev.trawl.crawl;

import dev.trawl.fetch.HttpAnswer;
import dev.trawl.fetch.RetryPolicy;
import dev.trawl.frontier.CrawlItem;
import dev.trawl.frontier.Lease;
import dev.trawl.frontier.Scheduler;
import dev.trawl.robots.RobotsRules;
import dev.trawl.sitemap.SitemapFetcher.Fetched;
import dev.trawl.url.UrlNormalizer;
import dev.trawl.url.Urls;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Arrays;

/**
 * Runs one lease of a {@link SitemapRequests} errand as a page task runs a page's: robots.txt first (fetched with
 * the lease when not known yet, the host held while it is unreachable, its rules obeyed for the sitemap URL too),
 * then the request through the crawl's fetcher (--timeout, --max-body, the address guard), retried and redirected
 * as a page is, each retry and hop a request of its own in the scheduler. The errand's result is completed once;
 * nothing here throws for a bad answer, and nothing is recorded as a page.
 */
final class SitemapTask {
    /** Redirect hops followed for one sitemap, as for robots.txt (RFC 9309 §2.3.1.2 asks for five). */
    static final int MAX_REDIRECTS = 5;

    private final Scheduler scheduler;
    private final RobotsCache.Source fetcher;
    private final RobotsCache robots;
    private final RetryPolicy retryPolicy;
    private final UrlNormalizer normalizer;
    private final CrawlListener listener;
    private final InstantSource clock;

    /** fetcher: one request keeping a 2xx body, through the crawl's Fetcher (a fake in tests); robots: null to ignore. */
    SitemapTask(Scheduler scheduler, RobotsCache.Source fetcher, RobotsCache robots, RetryPolicy retryPolicy,
                UrlNormalizer normalizer, CrawlListener listener, InstantSource clock) {
        this.scheduler = scheduler;
        this.fetcher = fetcher;
        this.robots = robots;
        this.retryPolicy = retryPolicy;
        this.normalizer = normalizer;
        this.listener = listener;
        this.clock = clock;
    }

    /** Never throws but for interruption; a bug fails the errand, whose walk then ends with it. */
    void run(Lease lease, SitemapRequests.Errand errand) throws InterruptedException {
        try {
            switch (errand) {
                case SitemapRequests.Errand.RobotsLines lines -> robotsLines(lease, lines);
                case SitemapRequests.Errand.Fetch fetch -> fetch(lease, fetch);
            }
        } catch (RuntimeException e) {
            resultOf(errand).completeExceptionally(e);
        } finally {
            scheduler.finish(lease);
        }
    }

    private static java.util.concurrent.CompletableFuture<?> resultOf(SitemapRequests.Errand errand) {
        return switch (errand) {
            case SitemapRequests.Errand.RobotsLines lines -> lines.result();
            case SitemapRequests.Errand.Fetch fetch -> fetch.result();
        };
    }

    private void robotsLines(Lease lease, SitemapRequests.Errand.RobotsLines errand) throws InterruptedException {
        switch (robots.lookup(errand.origin(), () -> scheduler.markStarted(lease))) {
            case RobotsCache.Verdict.Held held -> scheduler.requeue(lease, lease.item(), held.retryIn(), true);
            case RobotsCache.Verdict.GaveUp gaveUp ->
                    errand.result().completeExceptionally(new SitemapRequests.RobotsUnreachable(errand.origin()));
            case RobotsCache.Verdict.Rules verdict -> {
                applyCrawlDelay(errand.origin(), verdict.rules());
                errand.result().complete(verdict.rules().sitemaps());
            }
        }
    }

    private void fetch(Lease lease, SitemapRequests.Errand.Fetch errand) throws InterruptedException {
        CrawlItem item = lease.item();
        String url = item.current();
        if (robots != null) {
            String refused = robotsRefusal(lease, item, url, errand.site());
            if (refused == null) return; // handed back to wait its turn
            if (!refused.isEmpty()) {
                errand.result().complete(new Fetched.Failed(refused));
                return;
            }
        }
        listener.requestStarted();
        scheduler.markStarted(lease);
        HttpAnswer answer = fetcher.get(url);
        scheduler.release(lease);
        Fetched outcome = outcome(lease, item, answer);
        if (outcome != null) errand.result().complete(outcome);
    }

    /**
     * "" when robots.txt lets the request go now; a reason when it may not go at all; null when the item was handed
     * back (robots.txt just took the lease's request, or is unreachable for now).
     */
    private String robotsRefusal(Lease lease, CrawlItem item, String url, String site) throws InterruptedException {
        return switch (robots.lookup(Urls.origin(url), () -> scheduler.markStarted(lease))) {
            case RobotsCache.Verdict.Held held -> {
                scheduler.requeue(lease, item, held.retryIn(), true);
                yield null;
            }
            case RobotsCache.Verdict.GaveUp gaveUp -> {
                if (Urls.origin(url).equals(site)) throw new SitemapRequests.RobotsUnreachable(site);
                yield "robots.txt of " + Urls.origin(url) + " unreachable";
            }
            case RobotsCache.Verdict.Rules verdict -> {
                applyCrawlDelay(url, verdict.rules());
                if (verdict.fetchedNow()) {
                    scheduler.requeue(lease, item, Duration.ZERO, false);
                    yield null;
                }
                yield verdict.rules().allows(url) ? "" : "disallowed by robots.txt";
            }
        };
    }

    /** The sitemap's outcome, or null when the item went back to the scheduler (a retry or a redirect hop). */
    private Fetched outcome(Lease lease, CrawlItem item, HttpAnswer answer) {
        switch (answer) {
            case HttpAnswer.Failure f when f.error().isTransient() && retryPolicy.mayRetry(item.attempt()) -> {
                retry(lease, item, retryPolicy.backoff(item.attempt()));
                return null;
            }
            case HttpAnswer.Failure f -> {
                return new Fetched.Failed(f.error().code());
            }
            case HttpAnswer.Response r when r.isRetryable() && retryPolicy.mayRetry(item.attempt()) -> {
                retry(lease, item, RetryPolicy.retryAfter(r.retryAfter(), clock.instant())
                        .orElseGet(() -> retryPolicy.backoff(item.attempt())));
                return null;
            }
            case HttpAnswer.Response r when r.isRedirect() -> {
                String target = normalizer.resolve(item.current(), r.location());
                if (target == null) return new Fetched.Failed("http " + r.status() + " to a URL that is not http(s)");
                if (item.redirects().size() >= MAX_REDIRECTS || item.redirects().contains(target)
                        || target.equals(item.current())) {
                    return new Fetched.Failed("http " + r.status() + ": more than " + MAX_REDIRECTS + " redirects, or a loop");
                }
                scheduler.requeue(lease, item.redirectedTo(target), Duration.ZERO, false);
                return null;
            }
            case HttpAnswer.Response r when r.status() >= 200 && r.status() < 300 && r.body() != null -> {
                byte[] body = r.body().length == r.bodyLength() ? r.body() : Arrays.copyOf(r.body(), r.bodyLength());
                return new Fetched.Body(item.current(), r.contentType(), body);
            }
            case HttpAnswer.Response r -> {
                return new Fetched.Failed("http " + r.status());
            }
        }
    }

    private void retry(Lease lease, CrawlItem item, Duration wait) {
        listener.retryScheduled();
        scheduler.requeue(lease, item.nextAttempt(), wait, false);
    }

    /** As a page's request does: a robots.txt Crawl-delay only ever slows the host down. */
    private void applyCrawlDelay(String url, RobotsRules rules) {
        if (rules.crawlDelay().compareTo(Duration.ZERO) > 0) scheduler.raiseHostDelay(Urls.host(url), rules.crawlDelay());
    }
}
