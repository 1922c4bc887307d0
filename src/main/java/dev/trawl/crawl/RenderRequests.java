package dev.trawl.crawl;

import dev.trawl.fetch.Fetcher;
import dev.trawl.frontier.Scheduler;
import dev.trawl.memory.MemoryBudget;
import dev.trawl.render.PageResources;
import dev.trawl.robots.RobotsRules;
import dev.trawl.url.ScopeRule;
import dev.trawl.url.UrlFilters;
import dev.trawl.url.UrlNormalizer;
import dev.trawl.url.Urls;

/**
 * The requests a rendered page makes, under the rules of the crawl's own requests: the URL must be in scope and pass
 * the filters, robots.txt must allow it, it takes a request slot of its host and of --concurrency (waiting for one
 * until the render deadline), and it goes through the crawl's Fetcher, so the SSRF guard, --timeout, --max-body and
 * the proxy apply. Its body is counted in a memory claim of its own, given back once the browser has it. These
 * requests are not pages: they are not recorded and not counted against --max-pages.
 */
final class RenderRequests implements PageResources {
    private final Scheduler scheduler;
    private final Fetcher fetcher;
    private final RobotsCache robots;
    private final UrlNormalizer normalizer;
    private final ScopeRule scope;
    private final UrlFilters filters;
    private final MemoryBudget budget;

    RenderRequests(Scheduler scheduler, Fetcher fetcher, RobotsCache robots, UrlNormalizer normalizer, ScopeRule scope,
                   UrlFilters filters, MemoryBudget budget) {
        this.scheduler = scheduler;
        this.fetcher = fetcher;
        this.robots = robots;
        this.normalizer = normalizer;
        this.scope = scope;
        this.filters = filters;
        this.budget = budget;
    }

    @Override
    public boolean fetch(String rawUrl, long deadlineNanos, AnswerUse use) throws InterruptedException {
        String url = normalizer.normalize(rawUrl);
        if (url == null || !scope.isInScope(url) || !filters.accepts(url)) return false;
        String host = Urls.host(url);
        if (!scheduler.acquireSlot(host, deadlineNanos)) return false;
        try {
            if (!robotsAllow(url)) return false;
            try (MemoryBudget.Claim claim = budget.open()) {
                return ScopedValue.where(MemoryBudget.CURRENT, claim).call(() -> {
                    use.accept(fetcher.get(url, (status, type) -> true));
                    return true;
                });
            }
        } finally {
            scheduler.releaseSlot(host);
        }
    }

    /** robots.txt as for a page of the crawl; unreachable robots.txt (the host held) refuses the request. */
    private boolean robotsAllow(String url) throws InterruptedException {
        if (robots == null) return true;
        return switch (robots.lookup(Urls.origin(url), () -> { })) {
            case RobotsCache.Verdict.Rules verdict -> {
                RobotsRules rules = verdict.rules();
                yield rules.allows(url);
            }
            case RobotsCache.Verdict.Held held -> false;
            case RobotsCache.Verdict.GaveUp gaveUp -> false;
        };
    }
}
