package dev.trawl.stats;

import dev.trawl.crawl.CrawlListener;
import dev.trawl.crawl.CrawlProgress;
import dev.trawl.store.Change;
import dev.trawl.store.PageOutcome;
import dev.trawl.parse.JsoupFallback;
import dev.trawl.store.PageRecord;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * Counters of a crawl, updated by thousands of tasks at once, kept in a memory-mapped file that {@code trawl
 * status} reads from other processes (or in plain memory, see {@link #inMemory()}). Each event is a few
 * atomic adds on separate cache lines: no lock on the fetch path, no lost update, and readers never block.
 *
 * <p>The progress line, the summary, {@code trawl status} and the metrics endpoint all read these same
 * counters.
 */
public final class CrawlStats implements CrawlListener, AutoCloseable {
    private final CountersFile counters;
    private final boolean keepFile;
    private Sampler sampler; // guarded by this
    /** Origins whose robots.txt stayed unreachable for the whole run (in this process only: not published). */
    private final java.util.concurrent.atomic.AtomicLong robotsGaveUp = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicReference<String> robotsGaveUpExample =
            new java.util.concurrent.atomic.AtomicReference<>();

    /** The archive's lines (--warc), for the summary; at most {@link #MAX_NOTES}, which a killed crawl's leftovers could pass. */
    private final java.util.List<String> archiveNotes = new java.util.concurrent.CopyOnWriteArrayList<>();
    private static final int MAX_NOTES = 20;
    /** --sitemaps, in this process only (not published: a crawl reads a few hundred sitemaps at most). */
    private final SitemapCounts sitemaps = new SitemapCounts();
    /** Responses by {@link Change} (in this process only: not published). */
    private final java.util.Map<Change, java.util.concurrent.atomic.LongAdder> changes = changeCounters();

    private CrawlStats(CountersFile counters, boolean keepFile) {
        this.counters = counters;
        this.keepFile = keepFile;
    }

    /** Counters in plain memory, seen by no other process (as {@link #inMemory()}). */
    public CrawlStats() {
        this(CountersFile.anonymous(ProcessHandle.current().pid(), System.currentTimeMillis(), ""), false);
    }

    /** Counters no other process sees. */
    public static CrawlStats inMemory() {
        return new CrawlStats();
    }

    /**
     * Publishes this process's counters as {@code runDir/trawl-PID-RANDOM.counters}, tagged with the crawl's id
     * (see {@link RunDirectory#crawlId(String)}). Closing removes the file unless {@code keepFile}: then
     * it stays, marked finished, for {@code trawl status} to report the final counts.
     */
    public static CrawlStats publish(Path runDir, String crawlId, boolean keepFile) throws IOException {
        RunDirectory.prepare(runDir);
        var file = CountersFile.create(runDir, ProcessHandle.current().pid(), System.currentTimeMillis(), crawlId);
        return new CrawlStats(file, keepFile);
    }

    /** The published file, or null for in-memory counters. */
    public Path file() {
        return counters.path();
    }

    /**
     * Starts copying the crawl's gauges (queue, in flight), the page rate and a heartbeat into the counters
     * a few times a second, until {@link #close()}.
     */
    public synchronized void watch(Supplier<CrawlProgress> progress) {
        if (sampler != null) throw new IllegalStateException("already watching a crawl");
        sampler = Sampler.start(counters, progress);
    }

    /** Records the port the metrics endpoint listens on, for {@code trawl status} to show. */
    public void metricsPort(int port) {
        counters.metricsPort(port);
    }

    @Override
    public void requestStarted() {
        counters.add(Slots.REQUESTS, 1);
    }

    @Override
    public void retryScheduled() {
        counters.add(Slots.RETRIES, 1);
    }

    @Override
    public void robotsUnavailable(String origin, int failures, boolean gaveUp) {
        if (!gaveUp) return;
        robotsGaveUp.incrementAndGet();
        robotsGaveUpExample.compareAndSet(null, origin);
    }

    @Override
    public void archiveNote(String line) {
        if (archiveNotes.size() < MAX_NOTES) archiveNotes.add(line);
    }

    /** What the WARC archive had to say (leftover files completed, files written), in order; at most 20 lines. */
    public java.util.List<String> archiveNotes() {
        return java.util.List.copyOf(archiveNotes);
    }

    @Override
    public void sitemapVisited(String url, int listed, int added, String problem) {
        sitemaps.visited(url, listed, added, problem);
    }

    /** What --sitemaps did in this process. */
    public SitemapCounts sitemaps() {
        return sitemaps;
    }

    @Override
    public void recorded(PageRecord record) {
        counters.add(Slots.PAGES, 1);
        Change change = record.change();
        if (change != null) changes.get(change).increment();
        PageOutcome outcome = record.outcome();
        PageOutcome.Reply reply = outcome.reply();
        if (reply != null) {
            if (reply.bodyBytes() > 0) counters.add(Slots.BYTES, reply.bodyBytes());
            int status = reply.status();
            counters.add(Slots.FIRST_STATUS_CLASS + Math.clamp(status / 100 - 1, 0, Slots.STATUS_CLASSES - 1), 1);
            counters.add(Slots.FIRST_LATENCY_BUCKET + LatencyBuckets.bucketOf(reply.elapsedMillis()), 1);
            counters.add(Slots.LATENCY_SUM_MILLIS, reply.elapsedMillis());
        }
        if (outcome instanceof PageOutcome.Denied) {
            counters.add(Slots.ROBOTS_DENIED, 1);
        } else if (outcome.isFailure()) {
            counters.add(Slots.ERRORS, 1);
            counters.add(Slots.errorKind(outcome.error(), reply == null ? null : reply.status()), 1);
        }
    }

    /** Responses recorded by this process with that change against the one stored before. */
    public long changes(Change change) {
        return changes.get(change).sum();
    }

    private static java.util.Map<Change, java.util.concurrent.atomic.LongAdder> changeCounters() {
        var map = new java.util.EnumMap<Change, java.util.concurrent.atomic.LongAdder>(Change.class);
        for (Change c : Change.values()) map.put(c, new java.util.concurrent.atomic.LongAdder());
        return java.util.Collections.unmodifiableMap(map);
    }

    @Override
    public void scanned() {
        counters.add(Slots.PARSE_SCANNED, 1);
    }

    @Override
    public void fellBack(JsoupFallback reason) {
        counters.add(Slots.FIRST_FALLBACK + reason.ordinal(), 1);
    }

    public CounterSnapshot snapshot() {
        return CounterSnapshot.read(counters);
    }

    public long requests() { return counters.get(Slots.REQUESTS); }
    public long retries() { return counters.get(Slots.RETRIES); }
    public long recorded() { return counters.get(Slots.PAGES); }
    public long errors() { return counters.get(Slots.ERRORS); }
    public long robotsDenied() { return counters.get(Slots.ROBOTS_DENIED); }
    public long bytes() { return counters.get(Slots.BYTES); }
    /** Origins whose robots.txt was unreachable on every attempt of this run: their URLs are left pending. */
    public long robotsGaveUp() { return robotsGaveUp.get(); }
    /** One of those origins, or null when there is none. */
    public String robotsGaveUpExample() { return robotsGaveUpExample.get(); }

    /** Takes a last sample, marks the counters finished and removes the file (unless kept). */
    @Override
    public synchronized void close() {
        if (sampler != null) sampler.close();
        counters.set(Slots.IN_FLIGHT, 0);
        counters.state(CountersFile.STATE_FINISHED);
        if (keepFile) return;
        try {
            counters.delete();
        } catch (IOException e) {
            // a leftover file is recognised as stale by trawl status; nothing to tell the user mid-exit
        }
    }
}
