package dev.trawl.crawl;

import dev.trawl.frontier.SkipReason;
import dev.trawl.frontier.TrapRules;
import dev.trawl.sitemap.FoundUrl;
import dev.trawl.sitemap.PendingSitemap;
import dev.trawl.sitemap.SitemapVisit;
import dev.trawl.store.PageRecord;
import dev.trawl.store.PageStore;
import dev.trawl.store.SitemapRecord;
import dev.trawl.store.SitemapRow;
import dev.trawl.url.ScopeRule;
import dev.trawl.url.UrlFilters;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;

/**
 * What a visited sitemap adds to the crawl: the URLs it lists go through what a page's links go through (--scope,
 * --include/--exclude, the trap rules, then {@link Admission}: the de-duplication key, --max-pages-per-host) at
 * depth {@link #DEPTH}, and are stored with the sitemap's row, its queued children and where each URL came from,
 * in one transaction.
 */
final class SitemapIntake {
    /**
     * A URL a sitemap lists is one hop from its site's seed, as if the seed page linked to it: the site's own list
     * of its pages. So --max-depth 0 (the seeds only) reads no sitemaps, and their pages' links are at depth 2.
     */
    static final int DEPTH = 1;

    private final ScopeRule scope;
    private final UrlFilters filters;
    private final TrapRules traps;
    private final Admission admission;
    private final PageStore store;
    private final CrawlListener listener;
    private final InstantSource clock;

    SitemapIntake(ScopeRule scope, UrlFilters filters, TrapRules traps, Admission admission, PageStore store,
                  CrawlListener listener, InstantSource clock) {
        this.scope = scope;
        this.filters = filters;
        this.traps = traps;
        this.admission = admission;
        this.store = store;
        this.listener = listener;
        this.clock = clock;
    }

    /** A {@link dev.trawl.sitemap.WalkSink} for site's walk; urls are in request form already (the reader's filter). */
    void visited(String site, SitemapVisit visit, List<FoundUrl> urls, List<PendingSitemap> children)
            throws InterruptedException {
        List<String> followable = new ArrayList<>();
        List<PageAnalysis.Trapped> trapped = new ArrayList<>();
        List<SitemapRecord.Listed> listed = new ArrayList<>();
        for (FoundUrl found : urls) {
            String url = found.url();
            if (!scope.isInScope(url) || !filters.accepts(url)) continue;
            SkipReason trap = traps.check(url);
            if (trap != null) {
                trapped.add(new PageAnalysis.Trapped(url, trap));
                continue;
            }
            followable.add(url);
            listed.add(new SitemapRecord.Listed(url, found.sitemap(), found.lastModified()));
        }
        Admission.Decided decided = admission.found(followable, trapped, DEPTH);
        var row = new SitemapRow(visit.url(), visit.depth(), visit.listedBy(),
                visit.fetched() ? SitemapRow.State.FETCHED : SitemapRow.State.REFUSED, visit.urls(), visit.children(),
                visit.problem(), clock.instant());
        List<SitemapRow> queued = children.stream()
                .map(c -> SitemapRow.queued(c.url(), c.depth(), c.listedBy())).toList();
        store.writeSitemap(new SitemapRecord(site, row, queued, decided.frontier(), listed));
        for (PageRecord skip : decided.skipRows()) store.write(skip);
        listener.sitemapVisited(visit.url(), visit.urls(), decided.frontier().size(), visit.problem());
    }
}
