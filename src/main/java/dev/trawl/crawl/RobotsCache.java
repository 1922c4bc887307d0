package dev.trawl.crawl;

import dev.trawl.fetch.FetchError;
import dev.trawl.fetch.HttpAnswer;
import dev.trawl.robots.RobotsPolicy;
import dev.trawl.robots.RobotsRules;
import dev.trawl.url.UrlNormalizer;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * robots.txt rules per origin, as RFC 9309 asks a crawler to keep them:
 *
 * <ul>
 *   <li>fetched by the first task that needs them, with the request slot it was leased; tasks that need them
 *       meanwhile wait for that fetch;
 *   <li>used for at most {@link #MAX_AGE} (§2.4), then fetched again;
 *   <li>up to {@value #MAX_REDIRECTS} redirects followed (§2.3.1.2), across origins too; more, or one to a URL
 *       that is not http(s), is "unavailable": allow all;
 *   <li>a 5xx or no response at all (timeout, connect, DNS, a body over --max-body) is "unreachable" (§2.3.1.4):
 *       the origin is disallowed <em>for a while</em>, its URLs stay pending and robots.txt is fetched again after
 *       a {@link RobotsBackoff}; after its last attempt the URLs are left pending for the next run. When rules were
 *       fetched before, they stay in use while robots.txt is unreachable (§2.4).
 *   <li>at most {@link Bounds#maxOrigins()} origins and {@link Bounds#maxBytes()} estimated bytes of rules are kept,
 *       least recently used dropped first ({@link RobotsTable}); a dropped origin's robots.txt is fetched again when
 *       one of its URLs comes up, and a dropped unreachable origin starts its backoff anew.
 * </ul>
 *
 * Times come from the crawl's clock, so that expiry and backoff can be tested without waiting.
 */
final class RobotsCache {
    /** RFC 9309 §2.4: a cached robots.txt should not be used for longer than 24 hours. */
    static final Duration MAX_AGE = Duration.ofHours(24);
    /** RFC 9309 §2.3.1.2: follow at least five consecutive redirects. */
    static final int MAX_REDIRECTS = 5;

    /**
     * How much the cache keeps. A rule set's bytes are estimated from the robots.txt bytes parsed: {@value
     * #BYTES_PER_PARSED_BYTE} per byte (a short "Disallow: /p" line becomes a rule object, its string and a list slot,
     * about 70 bytes for 13) plus {@value #BYTES_PER_ENTRY} for the entry itself.
     */
    record Bounds(int maxOrigins, long maxBytes) {
        /** The cap on origins whatever the heap. */
        static final int MAX_ORIGINS = 20_000;

        /** An eighth of the heap for rules (24 MB with ./trawl's 192 MB), at least 4 MB; 20,000 origins. */
        static Bounds forHeap(long maxHeap) {
            return new Bounds(MAX_ORIGINS, Math.max(4L << 20, maxHeap / 8));
        }
    }

    static final int BYTES_PER_ENTRY = 256;
    static final int BYTES_PER_PARSED_BYTE = 5;

    /** Requests one robots.txt URL, keeping a 2xx body: the crawl's Fetcher, or a fake in tests. */
    @FunctionalInterface
    interface Source {
        HttpAnswer get(String url) throws InterruptedException;
    }

    /** What a task may do about an origin's robots.txt now. */
    sealed interface Verdict {
        /** Rules to obey. fetchedNow: this call fetched them, spending the caller's request slot. */
        record Rules(RobotsRules rules, boolean fetchedNow) implements Verdict {}

        /** robots.txt is unreachable: the origin's URLs wait retryIn, then ask again. */
        record Held(Duration retryIn, int failures) implements Verdict {}

        /** Unreachable on every attempt of this run: the URL stays pending, for the next run to try again. */
        record GaveUp(int failures) implements Verdict {}
    }

    private sealed interface Entry {}

    /** A task is fetching; done completes when the map holds the outcome. */
    private record Fetching(CompletableFuture<Void> done) implements Entry {}

    /** Rules in use until refreshAt; failures counts the failed refreshes since they were fetched. */
    private record Known(RobotsRules rules, Instant refreshAt, int failures, long bytes) implements Entry {}

    /** No rules yet, after failures unreachable fetches in a row; the next try is due at retryAt. */
    private record Unavailable(Instant retryAt, int failures) implements Entry {}

    private final RobotsTable<Entry> byOrigin;
    private final Source source;
    private final RobotsPolicy policy;
    private final UrlNormalizer normalizer;
    private final CrawlListener listener;
    private final InstantSource clock;
    private final RobotsBackoff backoff;

    RobotsCache(Source source, RobotsPolicy policy, UrlNormalizer normalizer, CrawlListener listener,
                InstantSource clock, RobotsBackoff backoff, Bounds bounds) {
        this.byOrigin = new RobotsTable<>(bounds.maxOrigins(), bounds.maxBytes(), RobotsCache::weight);
        this.source = source;
        this.policy = policy;
        this.normalizer = normalizer;
        this.listener = listener;
        this.clock = clock;
        this.backoff = backoff;
    }

    /**
     * The verdict for an origin ("http://host:port"). beforeRequest runs just before each request this call sends
     * (robots.txt and its redirect hops).
     */
    Verdict lookup(String origin, Runnable beforeRequest) throws InterruptedException {
        while (true) {
            Entry seen = byOrigin.get(origin);
            if (seen instanceof Fetching fetching) {
                await(fetching);
                continue;
            }
            if (seen != null && !isDue(seen, clock.instant())) return verdict(seen, false);
            var mine = new Fetching(new CompletableFuture<>());
            boolean won = seen == null ? byOrigin.putIfAbsent(origin, mine) : byOrigin.replace(origin, seen, mine);
            if (!won) continue; // another task got there first: wait for its fetch
            Entry next = seen; // interrupted or failed: as it was, so that waiters do not hang and a later task retries
            try {
                next = refresh(origin, seen, beforeRequest);
            } finally {
                if (next == null) byOrigin.remove(origin, mine);
                else byOrigin.replace(origin, mine, next);
                mine.done().complete(null);
            }
            return verdict(next, true);
        }
    }

    /** Estimated bytes an entry keeps alive; 0 for a fetch in progress, which must stay for its waiters. */
    private static long weight(Entry entry) {
        return switch (entry) {
            case Fetching f -> 0;
            case Unavailable u -> BYTES_PER_ENTRY;
            case Known k -> BYTES_PER_ENTRY + k.bytes();
        };
    }

    /** Origins whose entry is kept now (tests and the bound's measurement). */
    int originsKept() {
        return byOrigin.size();
    }

    /** Estimated bytes kept now. */
    long bytesKept() {
        return byOrigin.bytes();
    }

    private static void await(Fetching fetching) throws InterruptedException {
        try {
            fetching.done().get();
        } catch (ExecutionException e) {
            throw new AssertionError("completed normally only", e);
        }
    }

    private boolean isDue(Entry entry, Instant now) {
        return switch (entry) {
            case Known k -> !now.isBefore(k.refreshAt());
            case Unavailable u -> !backoff.givesUp(u.failures()) && !now.isBefore(u.retryAt());
            case Fetching f -> false;
        };
    }

    private Verdict verdict(Entry entry, boolean fetchedNow) {
        return switch (entry) {
            case Known k -> new Verdict.Rules(k.rules(), fetchedNow);
            case Unavailable u when backoff.givesUp(u.failures()) -> new Verdict.GaveUp(u.failures());
            case Unavailable u -> {
                Duration wait = Duration.between(clock.instant(), u.retryAt());
                yield new Verdict.Held(wait.isNegative() ? Duration.ZERO : wait, u.failures());
            }
            case Fetching f -> throw new IllegalStateException("no verdict while fetching");
        };
    }

    private Entry refresh(String origin, Entry previous, Runnable beforeRequest) throws InterruptedException {
        Fetched fetched = fetch(origin, beforeRequest);
        Instant now = clock.instant();
        if (fetched != null) return new Known(fetched.rules(), now.plus(MAX_AGE), 0, fetched.bytes());
        int failures = switch (previous) {
            case Known k -> k.failures() + 1;
            case Unavailable u -> u.failures() + 1;
            case null, default -> 1;
        };
        Instant retryAt = now.plus(backoff.after(failures));
        if (previous instanceof Known k) return new Known(k.rules(), retryAt, failures, k.bytes());
        listener.robotsUnavailable(origin, failures, backoff.givesUp(failures));
        return new Unavailable(retryAt, failures);
    }

    /** Rules and their estimated bytes. */
    private record Fetched(RobotsRules rules, long bytes) {
        Fetched(RobotsRules rules) {
            this(rules, 0);
        }
    }

    /** The rules robots.txt gives, or null when it is unreachable. */
    private Fetched fetch(String origin, Runnable beforeRequest) throws InterruptedException {
        String url = origin + "/robots.txt";
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            beforeRequest.run();
            listener.requestStarted();
            switch (source.get(url)) {
                case HttpAnswer.Failure f when f.error() == FetchError.PRIVATE_ADDRESS || f.error() == FetchError.BAD_URL -> {
                    // Our own refusal, not the server's silence: the pages' requests are refused the same way and
                    // recorded with that code, so holding the host back for robots.txt would only stall the crawl.
                    return new Fetched(policy.fromStatus(404));
                }
                case HttpAnswer.Failure f -> {
                    return null;
                }
                case HttpAnswer.Response r when r.isRedirect() -> {
                    url = normalizer.resolve(url, r.location());
                    if (url == null) return new Fetched(policy.fromStatus(404)); // not http(s): unavailable, allow all
                }
                case HttpAnswer.Response r when r.status() >= 200 && r.status() < 300 -> {
                    byte[] body = r.body() == null ? new byte[0] : r.body();
                    long parsed = Math.min(body.length, RobotsPolicy.MAX_BODY_BYTES);
                    return new Fetched(policy.fromBody(url, body, r.contentType()), parsed * BYTES_PER_PARSED_BYTE);
                }
                case HttpAnswer.Response r when RobotsPolicy.isUnreachable(r.status()) -> {
                    return null;
                }
                case HttpAnswer.Response r -> {
                    return new Fetched(policy.fromStatus(r.status()));
                }
            }
        }
        return new Fetched(policy.fromStatus(404)); // too many redirects: RFC 9309 lets us treat it as unavailable (allow all)
    }
}
