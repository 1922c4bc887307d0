package dev.trawl.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trawl.extract.ExtractionRules;
import dev.trawl.fetch.RetryPolicy;
import dev.trawl.frontier.CrawlItem;
import dev.trawl.frontier.HostBudget;
import dev.trawl.frontier.Lease;
import dev.trawl.frontier.Scheduler;
import dev.trawl.frontier.SeenSet;
import dev.trawl.frontier.TrapRules;
import dev.trawl.memory.MemoryBudget;
import dev.trawl.parse.PageParser;
import dev.trawl.robots.RobotsPolicy;
import dev.trawl.store.PageRecord;
import dev.trawl.url.DedupKey;
import dev.trawl.url.Scope;
import dev.trawl.url.ScopeRule;
import dev.trawl.url.UrlFilters;
import dev.trawl.url.UrlNormalizer;
import dev.trawl.url.Urls;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * One crawl's page task wired as {@link CrawlRun} wires it, with the real decision makers (scheduler, robots.txt
 * cache, admission, analyzer) and fakes at the edges: scripted HTTP answers, a store that records, clocks that move
 * only when the test says. The seeds are {@value #SEED} and {@value #OTHER_SEED}, scope host; --retries 2 from a 1 s base without jitter (the
 * first retry waits 500 ms, the second 1 s); URLs containing /excluded are filtered out; --delay 0.
 */
final class TaskBench implements AutoCloseable {
    static final String SEED = "http://a.test/";
    /** A second seed, so that another host is in scope too. */
    static final String OTHER_SEED = "http://c.test/";
    static final int RETRIES = 2;
    /** Random numbers that are always 0: the shortest wait the jitter allows, half the ceiling. */
    private static final RandomGenerator NO_JITTER = () -> 0L;

    /** The wait before retry attempt+1 with the fixed jitter of this bench: half of 1 s · 2^attempt. */
    static Duration backoff(int attempt) {
        return Duration.ofMillis(500L << attempt);
    }

    final TestTime time = new TestTime();
    final ScriptedHttp http = new ScriptedHttp();
    final RecordingStore store = new RecordingStore();
    final SeenSet seen = new SeenSet();
    final Scheduler scheduler;
    final AtomicInteger retriesScheduled = new AtomicInteger();
    final List<PageRecord> heard = new CopyOnWriteArrayList<>();
    private final PageAnalyzer analyzer;
    private final PageTask task;

    /** Without robots.txt (--ignore-robots), no page limit. */
    TaskBench() {
        this(null, Long.MAX_VALUE);
    }

    /** robotsBackoff: obey robots.txt with this backoff; null for --ignore-robots. pageBudget: --max-pages left. */
    TaskBench(RobotsBackoff robotsBackoff, long pageBudget) {
        var normalizer = new UrlNormalizer();
        var scope = new ScopeRule(Scope.HOST, List.of(SEED, OTHER_SEED));
        var filters = new UrlFilters(List.of(), List.of(Pattern.compile("/excluded")));
        scheduler = new Scheduler(4, 4, Duration.ZERO, pageBudget, Urls::host, time::nanoTime);
        analyzer = new PageAnalyzer(1, new PageParser(normalizer), scope, filters, 5, TrapRules.DEFAULT,
                ExtractionRules.NONE, PageHandler.NONE, normalizer);
        var listener = new CrawlListener() {
            @Override
            public void retryScheduled() {
                retriesScheduled.incrementAndGet();
            }

            @Override
            public void recorded(PageRecord record) {
                heard.add(record);
            }
        };
        var robots = robotsBackoff == null ? null
                : new RobotsCache(url -> http.get(url, (status, type) -> status >= 200 && status < 300),
                        new RobotsPolicy("trawl-test/1.0"), normalizer, listener, time, robotsBackoff,
                        RobotsCache.Bounds.forHeap(Runtime.getRuntime().maxMemory()));
        var admission = new Admission(seen, TrapRules.DEFAULT, new HostBudget(0, new StoreLedger(store)), time);
        var retryPolicy = new RetryPolicy(RETRIES, Duration.ofSeconds(1), NO_JITTER);
        task = new PageTask(new PageTask.Context(scheduler, http, robots, analyzer, retryPolicy, normalizer, scope,
                filters, seen, store, listener, time, 5, admission,
                new MemoryBudget(64 << 20, 16 << 20, Duration.ofSeconds(1)), false, PageRendering.NONE, false));
    }

    /** A URL of the crawl known from now on (fetched or queued earlier). */
    void known(String url) {
        seen.add(DedupKey.of(url));
    }

    /** Queues the item and runs one request of it, which must be able to start now. */
    void run(CrawlItem item) throws InterruptedException {
        seen.add(DedupKey.of(item.url()));
        scheduler.add(item);
        runNext();
    }

    /** Runs one request of whatever may start now. */
    void runNext() throws InterruptedException {
        Lease lease = scheduler.tryTake();
        assertThat(lease).as("a lease that may start now").isNotNull();
        task.run(lease);
    }

    /** What may start now, or null; taking it leases it (the test does not run it). */
    CrawlItem startable() {
        Lease lease = scheduler.tryTake();
        return lease == null ? null : lease.item();
    }

    @Override
    public void close() {
        analyzer.close();
    }
}
