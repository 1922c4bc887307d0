package dev.trawl.crawl;

import dev.trawl.fetch.FetchError;
import dev.trawl.fetch.Fetcher;
import dev.trawl.fetch.HttpAnswer;
import dev.trawl.fetch.RetryPolicy;
import dev.trawl.frontier.CrawlItem;
import dev.trawl.frontier.Lease;
import dev.trawl.frontier.Scheduler;
import dev.trawl.frontier.SeenSet;
import dev.trawl.memory.MemoryBudget;
import dev.trawl.parse.ParsedPage;
import dev.trawl.robots.RobotsRules;
import dev.trawl.store.FrontierEntry;
import dev.trawl.store.PageRecord;
import dev.trawl.store.PageStore;
import dev.trawl.url.ScopeRule;
import dev.trawl.url.UrlFilters;
import dev.trawl.url.UrlNormalizer;
import dev.trawl.url.Urls;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;

/**
 * One request of one item, run on its own virtual thread: robots.txt check, fetch, then either a retry or
 * redirect hop (the item goes back to the scheduler) or the final outcome (parsed, recorded, links queued).
 * A page's failure is recorded as data; nothing here throws for a bad page.
 */
final class PageTask {
    private static final int MAX_REDIRECTS = 10;
    /** What a request takes from the memory budget before it starts, until its response is in: its first buffer. */
    private static final long ADMISSION_BYTES = 16 * 1024;

    /** Everything a task works with; one per crawl, shared by all tasks. */
    record Context(Scheduler scheduler, Fetcher fetcher, RobotsCache robots, PageAnalyzer analyzer,
                   RetryPolicy retryPolicy, UrlNormalizer normalizer, ScopeRule scope, UrlFilters filters,
                   SeenSet seen, PageStore store, CrawlListener listener, InstantSource clock, int maxDepth,
                   MemoryBudget budget) {}

    private final Context ctx;

    PageTask(Context ctx) {
        this.ctx = ctx;
    }

    /**
     * Runs with a memory claim of its own bound to the thread ({@link MemoryBudget#CURRENT}): the body, its decoding
     * and its parse are charged to it, and all of it is given back once the record is handed to the store.
     */
    void run(Lease lease) throws InterruptedException {
        try (MemoryBudget.Claim claim = ctx.budget().open()) {
            ScopedValue.where(MemoryBudget.CURRENT, claim).call(() -> {
                runClaimed(lease);
                return null;
            });
        }
    }

    private void runClaimed(Lease lease) throws InterruptedException {
        CrawlItem item = lease.item();
        String url = item.current();
        if (ctx.robots() != null) {
            var lookup = ctx.robots().lookup(Urls.origin(url), () -> ctx.scheduler().markStarted(lease));
            RobotsRules rules = lookup.rules();
            applyCrawlDelay(url, rules);
            if (lookup.fetchedNow()) { // this lease's request went to robots.txt; the page waits its turn again
                ctx.scheduler().requeue(lease, item, Duration.ZERO, false);
                return;
            }
            if (!rules.allows(url)) {
                ctx.scheduler().release(lease);
                if (item.isFirstRequest()) ctx.scheduler().refundPage();
                record(lease, item, failure(item, "robots", null));
                return;
            }
        }
        admit();
        ctx.listener().requestStarted();
        ctx.scheduler().markStarted(lease);
        long started = System.nanoTime();
        HttpAnswer answer = ctx.fetcher().get(url, (status, type) -> status >= 200 && status < 300 && PageAnalyzer.isHtml(type));
        MemoryBudget.current().release(ADMISSION_BYTES);
        ctx.scheduler().release(lease);
        handle(lease, item, answer, Duration.ofNanos(System.nanoTime() - started));
    }

    /**
     * Waits, before the request and its deadline start, until the pages in flight leave half the memory budget free
     * ({@link MemoryBudget.Claim#admit}): new requests wait here rather than mid-body, where the wait would eat their
     * --timeout. If the wait ends first, the request goes anyway and its body waits as it grows.
     */
    private static void admit() {
        if (!MemoryBudget.current().admit(ADMISSION_BYTES)) {
            MemoryBudget.current().adopt(ADMISSION_BYTES); // released after the response like an admitted one
        }
    }

    private void applyCrawlDelay(String url, RobotsRules rules) {
        // Crawl-delay only ever slows a host down below --delay's pace, never speeds it up.
        if (rules.crawlDelay().compareTo(Duration.ZERO) > 0) {
            ctx.scheduler().raiseHostDelay(Urls.host(url), rules.crawlDelay());
        }
    }

    private void handle(Lease lease, CrawlItem item, HttpAnswer answer, Duration elapsed) throws InterruptedException {
        switch (answer) {
            case HttpAnswer.Failure f when f.error().isTransient() && ctx.retryPolicy().mayRetry(item.attempt()) ->
                    retry(lease, item, ctx.retryPolicy().backoff(item.attempt()), false);
            case HttpAnswer.Failure f -> record(lease, item, failure(item, f.error().code(), null));
            case HttpAnswer.Response r when r.isRetryable() && ctx.retryPolicy().mayRetry(item.attempt()) -> {
                var asked = RetryPolicy.retryAfter(r.retryAfter(), ctx.clock().instant());
                retry(lease, item, asked.orElseGet(() -> ctx.retryPolicy().backoff(item.attempt())),
                        asked.isPresent() || r.status() == 429);
            }
            case HttpAnswer.Response r when r.isRedirect() -> redirect(lease, item, r, elapsed);
            case HttpAnswer.Response r -> record(lease, item, response(item, r, elapsed));
        }
    }

    private void retry(Lease lease, CrawlItem item, Duration wait, boolean holdHost) {
        ctx.listener().retryScheduled();
        ctx.scheduler().requeue(lease, item.nextAttempt(), wait, holdHost);
    }

    private void redirect(Lease lease, CrawlItem item, HttpAnswer.Response r, Duration elapsed) throws InterruptedException {
        String target = ctx.normalizer().resolve(item.current(), r.location());
        if (target != null && (target.equals(item.current()) || item.redirects().contains(target))) {
            record(lease, item, failure(item, FetchError.REDIRECT_LOOP.code(), item.current()));
        } else if (target != null && item.redirects().size() >= MAX_REDIRECTS - 1) {
            record(lease, item, failure(item, FetchError.TOO_MANY_REDIRECTS.code(), item.current()));
        } else if (target == null || !ctx.scope().isInScope(target) || !ctx.filters().accepts(target)) {
            record(lease, item, response(item, r, elapsed)); // the redirect itself is the outcome: not followed
        } else if (ctx.store().isShared() && !Urls.host(target).equals(Urls.host(item.current()))) {
            // Another host may be leased to another worker: the target goes to the shared frontier, where that
            // host's holder fetches it within its limits, and the redirect is this URL's outcome.
            record(lease, item, response(item, r, elapsed).handingOff(target));
        } else {
            ctx.scheduler().requeue(lease, item.redirectedTo(target), Duration.ZERO, false);
        }
    }

    private Outcome response(CrawlItem item, HttpAnswer.Response r, Duration elapsed) throws InterruptedException {
        PageAnalysis analysis = r.body() == null ? PageAnalysis.NONE
                : ctx.analyzer().analyze(r.body(), r.contentType(), item.current(), item.depth());
        if (analysis.error() != null) return failure(item, analysis.error(), null);
        return new Outcome(item.current(), r.status(), r.contentType(), null, analysis, r.bodyLength(), elapsed, null);
    }

    private static Outcome failure(CrawlItem item, String error, String finalUrl) {
        return new Outcome(finalUrl, null, null, error, PageAnalysis.NONE, 0, Duration.ZERO, null);
    }

    /**
     * What is known about an item when it is done. redirectTarget: a redirect not followed here, whose target is
     * queued in the frontier at the item's depth (a redirect is not a link hop).
     */
    private record Outcome(String finalUrl, Integer status, String contentType, String error,
                           PageAnalysis analysis, long bodyBytes, Duration elapsed, String redirectTarget) {
        Outcome handingOff(String target) {
            return new Outcome(finalUrl, status, contentType, error, analysis, bodyBytes, elapsed, target);
        }
    }

    /** Stores the outcome with the links it discovered as pending, then lets the item go. */
    private void record(Lease lease, CrawlItem item, Outcome o) throws InterruptedException {
        List<FrontierEntry> discovered = new ArrayList<>();
        if (o.redirectTarget() != null && ctx.seen().add(o.redirectTarget())) {
            discovered.add(new FrontierEntry(o.redirectTarget(), item.depth()));
        }
        for (String link : o.analysis().followable()) {
            if (ctx.seen().add(link)) discovered.add(new FrontierEntry(link, item.depth() + 1));
        }
        ParsedPage page = o.analysis().page();
        var record = new PageRecord(item.url(), item.depth(), o.finalUrl(), o.status(), o.contentType(),
                page == null ? null : page.title(), o.error(), ctx.clock().instant(),
                page == null ? null : page.description(), page == null ? null : page.canonical(),
                page == null ? null : page.language(), page == null ? null : page.charset(),
                o.bodyBytes(), o.elapsed().toMillis(), page == null ? List.of() : page.outlinks(), discovered,
                page == null ? 0 : page.linksCut());
        ctx.store().write(record); // its discoveries reach the scheduler through the store (FrontierFeeder)
        ctx.listener().recorded(record);
        ctx.scheduler().finish(lease);
    }

}
