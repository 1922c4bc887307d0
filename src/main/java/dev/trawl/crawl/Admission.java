package dev.trawl.crawl;

import dev.trawl.frontier.CrawlItem;
import dev.trawl.frontier.HostBudget;
import dev.trawl.frontier.SeenSet;
import dev.trawl.frontier.SkipLog;
import dev.trawl.frontier.SkipReason;
import dev.trawl.frontier.TrapRules;
import dev.trawl.store.FrontierEntry;
import dev.trawl.store.PageOutcome;
import dev.trawl.store.PageRecord;
import dev.trawl.url.DedupKey;
import dev.trawl.url.Urls;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;

/**
 * Which URLs enter the frontier: every link and redirect hop is checked against the seen-set by its
 * de-duplication key ({@link DedupKey}), against the trap rules, and against the host's budget
 * (--max-pages-per-host); refused ones get a skip row, as many as the {@link SkipLog} allows. Thread-safe.
 */
final class Admission {
    private final SeenSet seen;
    private final TrapRules traps;
    private final HostBudget budget;
    private final SkipLog skipLog = new SkipLog();
    private final InstantSource clock;

    Admission(SeenSet seen, TrapRules traps, HostBudget budget, InstantSource clock) {
        this.seen = seen;
        this.traps = traps;
        this.budget = budget;
        this.clock = clock;
    }

    /** What one page adds to the store: frontier rows (with its record) and skip rows (after it). */
    record Decided(List<FrontierEntry> frontier, List<PageRecord> skipRows) {}

    /** A seed: known from now on, and counted against its host's budget (a seed is never refused). */
    boolean addSeed(String seed) throws InterruptedException {
        if (!seen.add(DedupKey.of(seed))) return false;
        budget.tryAdmit(Urls.host(seed));
        return true;
    }

    /**
     * Whether the item may request {@code target}, the next hop of its redirect chain: the target passes the trap
     * rules and is new to the crawl (then it is known from now on and counted against its host's budget). Another
     * spelling of a URL of the chain itself (a server adding a session id, say) is followed: exact loops are caught
     * by the chain.
     */
    boolean mayFollowRedirect(CrawlItem item, String target) throws InterruptedException {
        if (traps.check(target) != null) return false;
        String key = DedupKey.of(target);
        if (isOwnSpelling(item, key)) return true;
        return seen.add(key) && budget.tryAdmit(Urls.host(target));
    }

    private static boolean isOwnSpelling(CrawlItem item, String key) {
        if (DedupKey.of(item.url()).equals(key)) return true;
        for (String hop : item.redirects()) {
            if (DedupKey.of(hop).equals(key)) return true;
        }
        return false;
    }

    /**
     * Decides the frontier rows of a finished item: the hops it requested (done), the redirect target handed to the
     * frontier (same depth: a redirect is not a link hop), and the page's followable links; and the skip rows of the
     * links refused.
     */
    Decided decide(CrawlItem item, String redirectTarget, PageAnalysis analysis) throws InterruptedException {
        List<FrontierEntry> frontier = new ArrayList<>();
        List<PageRecord> skips = new ArrayList<>();
        for (String hop : hopsOf(item)) frontier.add(new FrontierEntry(hop, item.depth(), true));
        if (redirectTarget != null) {
            SkipReason trap = traps.check(redirectTarget);
            if (trap == null) admit(redirectTarget, item.depth(), frontier, skips);
            else refuse(redirectTarget, item.depth(), trap, skips);
        }
        for (String link : analysis.followable()) admit(link, item.depth() + 1, frontier, skips);
        for (PageAnalysis.Trapped trapped : analysis.trapped()) {
            refuse(trapped.url(), item.depth() + 1, trapped.reason(), skips);
        }
        return new Decided(frontier, skips);
    }

    /**
     * Decides the frontier rows of URLs found outside a page (listed by a sitemap), all at one depth: the followable
     * ones admitted as links are, the trapped ones refused with a skip row.
     */
    Decided found(List<String> followable, List<PageAnalysis.Trapped> trapped, int depth) throws InterruptedException {
        List<FrontierEntry> frontier = new ArrayList<>();
        List<PageRecord> skips = new ArrayList<>();
        for (String url : followable) admit(url, depth, frontier, skips);
        for (PageAnalysis.Trapped t : trapped) refuse(t.url(), depth, t.reason(), skips);
        return new Decided(frontier, skips);
    }

    /** The URLs the item requested besides its own: each hop's target. */
    private static List<String> hopsOf(CrawlItem item) {
        if (item.redirects().isEmpty()) return List.of();
        List<String> hops = new ArrayList<>(item.redirects().subList(1, item.redirects().size()));
        hops.add(item.current());
        return hops;
    }

    private void admit(String url, int depth, List<FrontierEntry> frontier, List<PageRecord> skips)
            throws InterruptedException {
        if (!seen.add(DedupKey.of(url))) return;
        if (budget.tryAdmit(Urls.host(url))) frontier.add(new FrontierEntry(url, depth));
        else skipRow(url, depth, SkipReason.HOST_PAGE_LIMIT, skips);
    }

    /** A trapped URL is known from now on too, so that the next page that links to it writes no second row. */
    private void refuse(String url, int depth, SkipReason reason, List<PageRecord> skips) {
        if (seen.add(DedupKey.of(url))) skipRow(url, depth, reason, skips);
    }

    private void skipRow(String url, int depth, SkipReason reason, List<PageRecord> skips) {
        if (!skipLog.mayRecord(Urls.host(url), skips.size())) return;
        skips.add(new PageRecord(rowUrl(url), depth, clock.instant(), new PageOutcome.Skipped(reason.code())));
    }

    /**
     * An over-long URL's row keeps its first --max-url-length characters and says how many it dropped, after a '#'
     * (no URL in request form has a fragment, so the row can never be mistaken for a real URL).
     */
    private String rowUrl(String url) {
        int max = traps.maxUrlLength();
        if (max == 0 || url.length() <= max) return url;
        return url.substring(0, max) + "#trawl-truncated-" + (url.length() - max) + "-chars";
    }
}
