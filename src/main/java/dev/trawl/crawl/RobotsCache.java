package dev.trawl.crawl;

import dev.trawl.fetch.Fetcher;
import dev.trawl.fetch.HttpAnswer;
import dev.trawl.robots.RobotsPolicy;
import dev.trawl.robots.RobotsRules;
import dev.trawl.url.UrlNormalizer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;

/**
 * robots.txt rules per origin, fetched once. The first task to need an origin's rules fetches them, using
 * the request slot it was leased; tasks that need them meanwhile wait for the same result.
 */
final class RobotsCache {
    /** RFC 9309 §2.3.1.2: follow at least five redirects. */
    private static final int MAX_REDIRECTS = 5;
    private final ConcurrentHashMap<String, CompletableFuture<RobotsRules>> byOrigin = new ConcurrentHashMap<>();
    private final Fetcher fetcher;
    private final RobotsPolicy policy;
    private final UrlNormalizer normalizer;
    private final CrawlListener listener;

    RobotsCache(Fetcher fetcher, RobotsPolicy policy, UrlNormalizer normalizer, CrawlListener listener) {
        this.fetcher = fetcher;
        this.policy = policy;
        this.normalizer = normalizer;
        this.listener = listener;
    }

    /**
     * An origin's rules. fetchedNow tells the caller that it fetched them itself, spending its request
     * slot; beforeRequest runs just before each request sent for that.
     */
    record Lookup(RobotsRules rules, boolean fetchedNow) {}

    Lookup lookup(String origin, Runnable beforeRequest) throws InterruptedException {
        var mine = new CompletableFuture<RobotsRules>();
        var existing = byOrigin.putIfAbsent(origin, mine);
        if (existing == null) {
            try {
                mine.complete(fetch(origin, beforeRequest));
            } finally {
                mine.complete(policy.unreachable()); // interrupted or failed: waiters must not hang
            }
            return new Lookup(mine.join(), true);
        }
        try {
            return new Lookup(existing.get(), false);
        } catch (ExecutionException e) {
            return new Lookup(policy.unreachable(), false);
        }
    }

    private RobotsRules fetch(String origin, Runnable beforeRequest) throws InterruptedException {
        String url = origin + "/robots.txt";
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            beforeRequest.run();
            listener.requestStarted();
            HttpAnswer answer = fetcher.get(url, (status, type) -> status >= 200 && status < 300);
            switch (answer) {
                case HttpAnswer.Failure f -> {
                    return policy.unreachable();
                }
                case HttpAnswer.Response r when r.isRedirect() -> {
                    url = normalizer.resolve(url, r.location());
                    if (url == null) return policy.fromStatus(404);
                }
                case HttpAnswer.Response r when r.status() >= 200 && r.status() < 300 ->  {
                    return policy.fromBody(url, r.body() == null ? new byte[0] : r.body(), r.contentType());
                }
                case HttpAnswer.Response r -> {
                    return policy.fromStatus(r.status());
                }
            }
        }
        return policy.fromStatus(404); // too many redirects: RFC 9309 says treat as unavailable (allow)
    }
}
