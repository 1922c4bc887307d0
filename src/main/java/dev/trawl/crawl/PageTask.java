package dev.trawl.crawl;

import dev.trawl.fetch.FetchError;
import dev.trawl.fetch.Header;
import dev.trawl.fetch.HttpAnswer;
import dev.trawl.fetch.HttpGet;
import dev.trawl.fetch.RetryPolicy;
import dev.trawl.frontier.CrawlItem;
import dev.trawl.frontier.Lease;
import dev.trawl.frontier.Scheduler;
import dev.trawl.frontier.SeenSet;
import dev.trawl.memory.MemoryBudget;
import dev.trawl.robots.RobotsRules;
import dev.trawl.store.PageOutcome;
import dev.trawl.store.PageRecord;
import dev.trawl.store.PageStore;
import dev.trawl.store.PreviousFetch;
import dev.trawl.store.StoredBody;
import dev.trawl.url.DedupKey;
import dev.trawl.url.ScopeRule;
import dev.trawl.url.UrlFilters;
import dev.trawl.url.UrlNormalizer;
import dev.trawl.url.Urls;
import dev.trawl.warc.PayloadDigest;
import java.time.Duration;
import java.time.InstantSource;

/**
 * One request of one item, run on its own virtual thread: robots.txt check, fetch, then either a retry or
 * redirect hop (the item goes back to the scheduler) or the final outcome (parsed, recorded, links queued).
 * A page's failure is recorded as data; nothing here throws for a bad page.
 */
final class PageTask {
    private static final int MAX_REDIRECTS = 10;
    /** What a request takes from the memory budget before it starts, until its response is in: its first buffer. */
    private static final long ADMISSION_BYTES = 16 * 1024;

    /**
     * Everything a task works with; one per crawl, shared by all tasks. fetcher: the crawl's {@code Fetcher}, or
     * scripted answers in tests; clock: every time a decision reads (Retry-After dates, fetched_at).
     */
    record Context(Scheduler scheduler, HttpGet fetcher, RobotsCache robots, PageAnalyzer analyzer,
                   RetryPolicy retryPolicy, UrlNormalizer normalizer, ScopeRule scope, UrlFilters filters,
                   SeenSet seen, PageStore store, CrawlListener listener, InstantSource clock, int maxDepth,
                   Admission admission, MemoryBudget budget, boolean storeBodies, PageRendering rendering,
                   boolean recrawl) {}

    /**
     * On a recrawl, the URL's response stored before, looked up by the request that runs now and bound around its
     * handling, so that the record made at its end can say what changed without threading it through every path.
     */
    private static final ScopedValue<PreviousFetch> PREVIOUS = ScopedValue.newInstance();

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
        if (ctx.robots() != null && !obeysRobots(lease, item, url)) return;
        admit();
        ctx.listener().requestStarted();
        ctx.scheduler().markStarted(lease);
        // One indexed read per request of a recrawl (a redirect hop or retry reads again): nothing crawl-wide in memory.
        PreviousFetch previous = ctx.recrawl() ? ctx.store().previousFetch(item.url()) : null;
        long started = System.nanoTime();
        HttpAnswer answer = fetch(url, previous);
        MemoryBudget.current().release(ADMISSION_BYTES);
        ctx.scheduler().release(lease);
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        boolean conditional = ConditionalRequest.isConditional(previous, url);
        ScopedValue.where(PREVIOUS, previous).call(() -> {
            handle(lease, item, answer, elapsed, conditional);
            return null;
        });
    }

    /**
     * The request, conditional on a recrawl; with --warc, the earlier capture of the URL is bound around it
     * ({@link WarcRecorder#PREVIOUS_CAPTURE}), so that an unchanged payload or a 304 is archived as a revisit record.
     */
    private HttpAnswer fetch(String url, PreviousFetch previous) throws InterruptedException {
        var headers = ConditionalRequest.headers(previous, url);
        java.util.function.BiPredicate<Integer, String> keepBody =
                (status, type) -> status >= 200 && status < 300 && PageAnalyzer.isHtml(type);
        var earlier = ConditionalRequest.earlierCapture(previous, url);
        if (earlier == null) return ctx.fetcher().get(url, headers, keepBody);
        return ScopedValue.where(WarcRecorder.PREVIOUS_CAPTURE, earlier).call(() -> ctx.fetcher().get(url, headers, keepBody));
    }

    /**
     * Whether the request may go ahead as robots.txt says; when not, the item has been handled: recorded as denied,
     * handed back to wait its turn (robots.txt just took its request slot, or is unreachable for now: the host is
     * held, RFC 9309 §2.3.1.4), or let go unrecorded, pending for the next run (robots.txt unreachable every time).
     */
    private boolean obeysRobots(Lease lease, CrawlItem item, String url) throws InterruptedException {
        switch (ctx.robots().lookup(Urls.origin(url), () -> ctx.scheduler().markStarted(lease))) {
            case RobotsCache.Verdict.Held held -> {
                ctx.scheduler().requeue(lease, item, held.retryIn(), true);
                return false;
            }
            case RobotsCache.Verdict.GaveUp gaveUp -> {
                ctx.scheduler().release(lease);
                if (item.isFirstRequest()) ctx.scheduler().refundPage();
                ctx.scheduler().finish(lease); // not recorded: the store keeps it pending (claimed until this run ends)
                return false;
            }
            case RobotsCache.Verdict.Rules verdict -> {
                RobotsRules rules = verdict.rules();
                applyCrawlDelay(url, rules);
                if (verdict.fetchedNow()) { // this lease's request went to robots.txt; the page waits its turn again
                    ctx.scheduler().requeue(lease, item, Duration.ZERO, false);
                    return false;
                }
                if (!rules.allows(url)) {
                    ctx.scheduler().release(lease);
                    if (item.isFirstRequest()) ctx.scheduler().refundPage();
                    record(lease, item, new PageOutcome.Denied());
                    return false;
                }
                return true;
            }
        }
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

    private void handle(Lease lease, CrawlItem item, HttpAnswer answer, Duration elapsed, boolean conditional)
            throws InterruptedException {
        switch (answer) {
            case HttpAnswer.Failure f when f.error().isTransient() && ctx.retryPolicy().mayRetry(item.attempt()) ->
                    retry(lease, item, ctx.retryPolicy().backoff(item.attempt()), false);
            case HttpAnswer.Failure f -> record(lease, item, new PageOutcome.Failed(f.error().code()));
            case HttpAnswer.Response r when r.isRetryable() && ctx.retryPolicy().mayRetry(item.attempt()) -> {
                var asked = RetryPolicy.retryAfter(r.retryAfter(), ctx.clock().instant());
                retry(lease, item, asked.orElseGet(() -> ctx.retryPolicy().backoff(item.attempt())),
                        asked.isPresent() || r.status() == 429);
            }
            case HttpAnswer.Response r when r.isRedirect() -> redirect(lease, item, r, elapsed);
            case HttpAnswer.Response r when r.status() == 304 && conditional ->
                    record(lease, item, new PageOutcome.NotModified(reply(item, r, elapsed)));
            case HttpAnswer.Response r -> fetched(lease, item, r, elapsed);
        }
    }

    private void retry(Lease lease, CrawlItem item, Duration wait, boolean holdHost) {
        ctx.listener().retryScheduled();
        ctx.scheduler().requeue(lease, item.nextAttempt(), wait, holdHost);
    }

    /**
     * A redirect is followed within the item (the record keeps the chain's end as final_url), but each hop is a URL
     * of the crawl like any link: one already known (fetched, queued, or an earlier hop) is not requested again, the
     * redirect is the outcome and points at it (its outlink); a new one passes the trap rules and the host budget and
     * is stored as done with the item's record, so a later link to it is not fetched either.
     */
    private void redirect(Lease lease, CrawlItem item, HttpAnswer.Response r, Duration elapsed) throws InterruptedException {
        String target = ctx.normalizer().resolve(item.current(), r.location());
        if (target != null && (target.equals(item.current()) || item.redirects().contains(target))) {
            record(lease, item, new PageOutcome.Failed(FetchError.REDIRECT_LOOP.code(), item.current()));
        } else if (target != null && item.redirects().size() >= MAX_REDIRECTS - 1) {
            record(lease, item, new PageOutcome.Failed(FetchError.TOO_MANY_REDIRECTS.code(), item.current()));
        } else if (target == null || !ctx.scope().isInScope(target) || !ctx.filters().accepts(target)) {
            record(lease, item, redirected(item, r, elapsed, target)); // the redirect itself is the outcome
        } else if (ctx.store().coordination().acceptsWorkers() && !Urls.host(target).equals(Urls.host(item.current()))) {
            // Another host may be leased to another worker: the target goes to the shared frontier, where that
            // host's holder fetches it within its limits, and the redirect is this URL's outcome.
            record(lease, item, redirected(item, r, elapsed, target), PageAnalysis.NONE, target);
        } else if (!followsAsBefore(target) && !ctx.admission().mayFollowRedirect(item, target)) {
            record(lease, item, redirected(item, r, elapsed, target)); // known already, or refused
        } else {
            ctx.scheduler().requeue(lease, item.redirectedTo(target), Duration.ZERO, false);
        }
    }

    /**
     * On a recrawl, a redirect to where the URL's stored response came from is followed again, although that URL is
     * known (a hop stored done): else the page would be recorded as the redirect alone, its content left behind.
     */
    private static boolean followsAsBefore(String target) {
        PreviousFetch previous = PREVIOUS.isBound() ? PREVIOUS.get() : null;
        return previous != null && DedupKey.of(target).equals(DedupKey.of(previous.finalUrl()));
    }

    private PageOutcome redirected(CrawlItem item, HttpAnswer.Response r, Duration elapsed, String target) {
        return new PageOutcome.Redirected(reply(item, r, elapsed), target);
    }

    /** A response that is the outcome: parsed (and its fields extracted) when its body was kept. */
    private void fetched(Lease lease, CrawlItem item, HttpAnswer.Response r, Duration elapsed) throws InterruptedException {
        if (r.body() == null) {
            record(lease, item, new PageOutcome.Fetched(reply(item, r, elapsed), null));
            return;
        }
        PageAnalysis analysis = ctx.analyzer().analyze(r, item.current(), item.depth());
        if (analysis.error() != null) {
            record(lease, item, new PageOutcome.Failed(analysis.error()));
        } else {
            analysis = ctx.rendering().apply(analysis, r, item.current(), item.depth(), ctx.analyzer()); // --render
            var outcome = new PageOutcome.Fetched(reply(item, r, elapsed), analysis.page(), analysis.fields(),
                    ctx.storeBodies() ? storedBody(r) : null, analysis.rendered());
            record(lease, item, outcome, analysis, null);
        }
    }

    /** The response's facts; its payload digest when its body was kept (the bytes as received, as WARC has it). */
    private static PageOutcome.Reply reply(CrawlItem item, HttpAnswer.Response r, Duration elapsed) {
        String digest = r.rawBody() == null ? null : PayloadDigest.ofEntity(r.rawBody(), r.rawBodyLength());
        return new PageOutcome.Reply(item.current(), r.status(), r.contentType(), r.bodyLength(), elapsed.toMillis(),
                digest, ConditionalRequest.validators(r.headers()));
    }

    /** The response as received, for --store-bodies: its head as the transport gave it, and its raw body. */
    private static StoredBody storedBody(HttpAnswer.Response r) {
        if (r.rawBody() == null) return null;
        var head = new StringBuilder(r.statusLine()).append("\r\n");
        String contentEncoding = null;
        for (Header header : r.headers()) {
            head.append(header.name()).append(": ").append(header.value()).append("\r\n");
            if (header.name().equalsIgnoreCase("Content-Encoding")) contentEncoding = header.value();
        }
        head.append("\r\n");
        boolean compressed = contentEncoding != null && !contentEncoding.isBlank()
                && !contentEncoding.trim().equalsIgnoreCase("identity");
        return StoredBody.of(head.toString(), r.rawBody(), r.rawBodyLength(), compressed);
    }

    private void record(Lease lease, CrawlItem item, PageOutcome outcome) throws InterruptedException {
        record(lease, item, outcome, PageAnalysis.NONE, null);
    }

    /**
     * Stores the outcome with the links it discovered as pending (and the redirect hops it requested, as done), then
     * the skip rows of links a trap rule refused, then lets the item go. redirectTarget: a redirect not followed
     * here, whose target is queued in the frontier at the item's depth (a redirect is not a link hop).
     */
    private void record(Lease lease, CrawlItem item, PageOutcome outcome, PageAnalysis analysis, String redirectTarget)
            throws InterruptedException {
        Admission.Decided decided = ctx.admission().decide(item, redirectTarget, analysis);
        var record = new PageRecord(item.url(), item.depth(), ctx.clock().instant(), outcome, decided.frontier(),
                PREVIOUS.isBound() ? PREVIOUS.get() : null); // unbound: robots.txt denied it before any request
        ctx.store().write(record); // its discoveries reach the scheduler through the store (FrontierFeeder)
        ctx.listener().recorded(record);
        for (PageRecord skip : decided.skipRows()) ctx.store().write(skip);
        ctx.scheduler().finish(lease);
    }
}
