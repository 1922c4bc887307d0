package dev.trawl.stats;

import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/** What --sitemaps did in one crawl process, for the summary. Thread-safe. */
public final class SitemapCounts {
    private final AtomicLong visited = new AtomicLong();
    private final AtomicLong withProblem = new AtomicLong();
    private final AtomicLong listed = new AtomicLong();
    private final AtomicLong added = new AtomicLong();
    private final AtomicReference<String> example = new AtomicReference<>();

    void visited(String url, int listedUrls, int addedUrls, String problem) {
        visited.incrementAndGet();
        listed.addAndGet(listedUrls);
        added.addAndGet(addedUrls);
        if (problem != null) {
            withProblem.incrementAndGet();
            example.compareAndSet(null, url + ": " + problem);
        }
    }

    /** Sitemaps visited (fetched, or refused by a bound) in this run. */
    public long visited() { return visited.get(); }
    /** Of those, the ones not read whole. */
    public long withProblem() { return withProblem.get(); }
    /** Page URLs they listed (before the scope). */
    public long listed() { return listed.get(); }
    /** URLs they added to the frontier, new to the crawl. */
    public long added() { return added.get(); }

    /** The summary's line, when sitemaps were visited: counts, and one problem as an example. */
    public Optional<String> summary() {
        if (visited.get() == 0) return Optional.empty();
        String problems = withProblem.get() == 0 ? ""
                : String.format(Locale.ROOT, "; %,d not read whole, e.g. %s", withProblem.get(), example.get());
        return Optional.of(String.format(Locale.ROOT, "sitemaps: %,d visited, %,d URLs listed, %,d new to the crawl%s",
                visited.get(), listed.get(), added.get(), problems));
    }
}
