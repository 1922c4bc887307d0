package dev.trawl.frontier;

import java.util.List;

/**
 * One URL on its way through the crawl. A redirect hop or a retry is the same item in a later state, so
 * the result is always recorded under the URL that was discovered.
 *
 * @param url        the canonical URL discovered (the frontier key)
 * @param depth      hops from a seed
 * @param current    the URL to request next: url itself, or the target of a redirect
 * @param redirects  URLs already requested for this item, in order (empty before the first response)
 * @param attempt    0 for the first try of {@code current}, then 1, 2, ... for retries
 */
public record CrawlItem(String url, int depth, String current, List<String> redirects, int attempt) {
    public CrawlItem {
        redirects = List.copyOf(redirects);
        if (depth < 0) throw new IllegalArgumentException("depth must be >= 0, got " + depth);
    }

    /** A freshly discovered URL. */
    public static CrawlItem of(String url, int depth) {
        return new CrawlItem(url, depth, url, List.of(), 0);
    }

    /** The same item, to request {@code target} next because {@code current} redirected there. */
    public CrawlItem redirectedTo(String target) {
        var chain = new java.util.ArrayList<>(redirects);
        chain.add(current);
        return new CrawlItem(url, depth, target, chain, 0);
    }

    public CrawlItem nextAttempt() {
        return new CrawlItem(url, depth, current, redirects, attempt + 1);
    }

    /** True for the very first request of this item: not a redirect hop and not a retry. */
    public boolean isFirstRequest() {
        return attempt == 0 && redirects.isEmpty();
    }
}
