package dev.trawl.crawl;

import dev.trawl.sitemap.PendingSitemap;
import dev.trawl.sitemap.SitemapDiscovery;
import dev.trawl.sitemap.SitemapLimits;
import dev.trawl.sitemap.SitemapParsing;
import dev.trawl.sitemap.SitemapReader;
import dev.trawl.sitemap.WalkHistory;
import dev.trawl.store.PageStore;
import dev.trawl.store.SitemapRow;
import dev.trawl.store.StoreException;
import dev.trawl.url.UrlNormalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * --sitemaps: walks the sitemaps of each seed's site (its origin), one site after another on one thread, so that
 * at most one sitemap is held in memory at a time. A site's walk goes on from what the store says earlier runs did
 * (a resume fetches no sitemap it has read again), and stores each sitemap as it is read ({@link SitemapIntake}).
 * Until it has ended, the crawl is not over ({@link #isWalking}): its URLs may still come.
 */
final class SitemapWalker implements Runnable {
    private static final System.Logger LOG = System.getLogger("trawl");

    private final List<String> sites;
    private final SitemapRequests requests;
    private final boolean readRobots;
    private final PageStore store;
    private final SitemapIntake intake;
    private final SitemapLimits limits;
    private final SitemapReader reader;
    private final Consumer<RuntimeException> onFailure;
    private volatile boolean walking = true;
    private volatile Thread thread;

    /**
     * @param readRobots whether robots.txt is read (not --ignore-robots): its Sitemap: lines are roots then
     * @param onFailure  hears a store failure; the crawl must then end
     */
    SitemapWalker(List<String> sites, SitemapRequests requests, boolean readRobots, PageStore store,
                  SitemapIntake intake, UrlNormalizer normalizer, Consumer<RuntimeException> onFailure) {
        this.sites = List.copyOf(sites);
        this.requests = requests;
        this.readRobots = readRobots;
        this.store = store;
        this.intake = intake;
        this.limits = limitsFor(Runtime.getRuntime().maxMemory());
        // sitemap URLs in request form, as links are; anything that is not http(s) is dropped
        this.reader = new SitemapReader(limits, new SitemapParsing(false, true, false, false, normalizer::normalize));
        this.onFailure = onFailure;
    }

    /**
     * The protocol's bounds ({@link SitemapLimits#DEFAULT}), but a sitemap of at most an eighth of the heap after
     * decompression (24 MiB with ./trawl's 192 MB heap): it is held whole while it is parsed, beside the pages.
     */
    static SitemapLimits limitsFor(long maxHeap) {
        SitemapLimits d = SitemapLimits.DEFAULT;
        int bytes = (int) Math.min(d.maxBytes(), Math.max(1 << 20, maxHeap / 8));
        return new SitemapLimits(bytes, d.maxUrlsPerSitemap(), d.maxIndexDepth(), d.maxSitemapsPerSite(), d.maxUrlsPerSite());
    }

    /** Starts the walk on a virtual thread of its own. */
    SitemapWalker start() {
        thread = Thread.ofVirtual().name("trawl-sitemaps").start(this);
        return this;
    }

    /** Whether sites are still being walked: their URLs may still come, so the crawl is not over. */
    boolean isWalking() {
        return walking;
    }

    /** Ends the walk (the crawl is ending) and waits for it; the sitemap being read is read again by a resume. */
    void stop() throws InterruptedException {
        Thread t = thread;
        if (t == null) {
            walking = false; // never started: nothing will come
            return;
        }
        t.interrupt();
        t.join();
    }

    @Override
    public void run() {
        try {
            for (String site : sites) {
                if (Thread.currentThread().isInterrupted()) return;
                walk(site);
            }
        } catch (InterruptedException e) {
            // the crawl is ending: what was stored stays, and a resume goes on from it
        } catch (StoreException e) {
            onFailure.accept(e);
        } finally {
            walking = false;
        }
    }

    private void walk(String site) throws InterruptedException {
        try {
            WalkHistory history = history(store.loadSitemaps(site));
            List<String> lines = readRobots ? requests.robotsLines(site) : List.of();
            SitemapDiscovery.forSite(site, lines).walk(url -> requests.fetch(site, url), reader, limits, history,
                    (visit, urls, children) -> intake.visited(site, visit, urls, children));
        } catch (StoreException e) {
            throw e;
        } catch (SitemapRequests.RobotsUnreachable e) {
            // the site's pages stay pending for the next run, and so does the walk: nothing of it was recorded
        } catch (RuntimeException e) {
            // a bug must not end the crawl: this site's walk ends, the next site's goes on
            LOG.log(System.Logger.Level.DEBUG, "sitemap walk of " + site + " failed", e);
        }
    }

    /** What the stored rows of a site say earlier walks did; queued sitemaps in breadth-first order. */
    static WalkHistory history(List<SitemapRow> rows) {
        Set<String> visited = new HashSet<>();
        List<PendingSitemap> queued = new ArrayList<>();
        int fetched = 0;
        long urls = 0;
        for (SitemapRow row : rows) {
            switch (row.state()) {
                case QUEUED -> queued.add(new PendingSitemap(row.url(), row.depth(), row.listedBy()));
                case FETCHED, REFUSED -> {
                    visited.add(row.url());
                    if (row.state() == SitemapRow.State.FETCHED) fetched++;
                    urls += row.urls();
                }
            }
        }
        queued.sort(Comparator.comparingInt(PendingSitemap::depth)); // stable: queue order within a depth
        return new WalkHistory(visited, queued, fetched, urls);
    }
}
