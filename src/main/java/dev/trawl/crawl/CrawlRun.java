package dev.trawl.crawl;

import dev.trawl.crawl.CrawlSummary.StopReason;
import dev.trawl.fetch.FetchSettings;
import dev.trawl.fetch.Fetcher;
import dev.trawl.fetch.Resolver;
import dev.trawl.fetch.RetryPolicy;
import dev.trawl.frontier.CrawlItem;
import dev.trawl.frontier.HostBudget;
import dev.trawl.frontier.Lease;
import dev.trawl.frontier.Scheduler;
import dev.trawl.frontier.SeenSet;
import dev.trawl.frontier.SharedPace;
import dev.trawl.memory.MemoryBudget;
import dev.trawl.parse.PageParser;
import dev.trawl.render.RenderMode;
import dev.trawl.render.Renderer;
import dev.trawl.robots.RobotsPolicy;
import dev.trawl.store.FrontierEntry;
import dev.trawl.store.PageOutcome;
import dev.trawl.store.PageRecord;
import dev.trawl.store.PageStore;
import dev.trawl.store.StoreException;
import dev.trawl.store.WorkerDemand;
import dev.trawl.url.DedupKey;
import dev.trawl.url.ScopeRule;
import dev.trawl.url.UrlFilters;
import dev.trawl.url.UrlNormalizer;
import dev.trawl.url.Urls;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;

/**
 * Wires one crawl together and runs its dispatch loop on a platform thread: take a lease from the scheduler,
 * start a virtual thread for it, repeat until the scheduler says the crawl is over. The loop also holds a
 * pipeline permit per task, so at most a bounded number of pages are being fetched, parsed or stored at
 * once; when parsing or the store falls behind, dispatching waits (back-pressure).
 */
final class CrawlRun {
    private static final Duration STOP_GRACE = Duration.ofSeconds(2);
    private final CrawlConfig config;
    private final CrawlListener listener;
    private final PageStore store;
    private final InstantSource clock = InstantSource.system();
    /** The monotonic clock of the scheduler's delays and the feeder's upkeep. */
    private final LongSupplier nanoTime = System::nanoTime;
    private final CompletableFuture<CrawlSummary> done = new CompletableFuture<>();
    private final AtomicReference<StopReason> stopReason = new AtomicReference<>();
    private final AtomicReference<RuntimeException> fatal = new AtomicReference<>();
    private final AtomicLong recorded = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final Semaphore pipeline;
    private final ExecutorService tasks = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("trawl-fetch-", 0).factory());
    private Scheduler scheduler;
    private FrontierFeeder feeder;
    private HostBudget budget;
    private Admission admission;
    /** --warc: records every exchange the fetcher makes; null without it. */
    private WarcRecorder warc;
    private Sitemaps sitemaps;
    private long pendingLeft;
    /** Whether pages stored with a response are pending again: their requests are conditional (PageTask). */
    private boolean recrawl;
    private long startNanos;
    private final PageHandler handler;
    private Renderer renderer;

    CrawlRun(CrawlConfig config, CrawlListener listener, PageHandler handler, PageStore store) {
        this.config = config;
        this.listener = listener;
        this.handler = handler;
        this.store = store;
        this.pipeline = new Semaphore(config.concurrency() * 2);
    }

    Crawl start() {
        startNanos = System.nanoTime();
        var normalizer = new UrlNormalizer();
        List<String> seeds = normalizeSeeds(normalizer);
        requireSameOptions(seeds);
        if (config.warc() != null) warc = WarcRecorder.open(config, CrawlOptions.of(config, seeds).toJson(), listener);
        store.coordination().join(new WorkerDemand(config.concurrency(), config.perHost(), true, config.delay()));
        if (config.retryFailed()) store.requeueFailed(); // before the page budget is counted: a retry takes no new place
        if (config.recrawl() != null) store.requeueForRecrawl(clock.instant().minus(config.recrawl()));
        // not config.recrawl(): a recrawl stopped early is resumed by a plain run, and joined by `trawl worker`s
        recrawl = store.recrawlPending();
        var seen = new SeenSet(config.seenLimit());
        // No more than the seen-set holds: at 10^8 known URLs, reading the rest would cost minutes and save nothing.
        store.loadFrontier((url, depth, isDone) -> seen.add(DedupKey.of(url)), config.seenLimit());
        budget = new HostBudget(config.maxPagesPerHost(), new StoreLedger(store));
        admission = new Admission(seen, config.traps(), budget, clock);
        List<FrontierEntry> newSeeds = new ArrayList<>();
        for (String seed : seeds) {
            if (admitSeed(seed)) newSeeds.add(new FrontierEntry(seed, 0));
        }
        store.addPending(newSeeds);
        long budget = config.maxPages() == CrawlConfig.UNLIMITED ? Long.MAX_VALUE
                : Math.max(0, config.maxPages() - store.countAttempted());
        scheduler = new Scheduler(config.concurrency(), config.perHost(), config.delay(), budget, Urls::host, nanoTime,
                store.coordination().acceptsWorkers() ? store.coordination()::reserveStart : SharedPace.NONE);
        int lowWater = Math.max(256, 16 * config.concurrency());
        long maxPages = config.maxPages() == CrawlConfig.UNLIMITED ? Long.MAX_VALUE : config.maxPages();
        sitemaps = Sitemaps.of(config, seeds, scheduler, store, new SitemapIntake(new ScopeRule(config.scope(), seeds),
                new UrlFilters(config.include(), config.exclude()), config.traps(), admission, store, listener, clock),
                normalizer, this::abort);
        feeder = new FrontierFeeder(scheduler, store, lowWater, 2 * lowWater, maxPages, this::abort,
                () -> sitemaps != null && sitemaps.isWalking(), nanoTime, Sleeper.SYSTEM);
        Thread.ofVirtual().name("trawl-feeder").start(feeder);
        Thread.ofPlatform().name("trawl-dispatch").start(() -> runToEnd(seeds, seen, normalizer));
        return new Crawl(done, () -> stop(StopReason.CANCELLED),
                () -> new CrawlProgress(scheduler.queued(), scheduler.inFlight()));
    }

    /**
     * Several processes may crawl one store as one crawl, so they must agree on what it is: the first to start
     * stores its options, and any later one that asks for different ones is refused.
     */
    private void requireSameOptions(List<String> seeds) {
        CrawlOptions mine = CrawlOptions.of(config, seeds);
        CrawlOptions crawl = CrawlOptions.fromJson(store.coordination().agreeOnOptions(mine.toJson()));
        crawl.firstDifference(mine).ifPresent(difference -> {
            throw new CrawlRefusedException(difference + " (use the same options, or 'trawl worker --db ...')");
        });
    }

    private boolean admitSeed(String seed) {
        try {
            return admission.addSeed(seed);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while adding the seeds", e);
        }
    }

    private List<String> normalizeSeeds(UrlNormalizer normalizer) {
        List<String> seeds = new ArrayList<>();
        for (String raw : config.seeds()) {
            String seed = normalizer.normalize(raw.strip());
            if (seed == null) throw new IllegalArgumentException("not an absolute http(s) URL: " + raw);
            seeds.add(seed);
        }
        return seeds;
    }

    /** The seeds' hosts may be internal (an intranet crawl); links and redirects elsewhere may not, unless allowed. */
    private FetchSettings fetchSettings(List<String> seeds) {
        var seedHosts = seeds.stream().map(s -> java.net.URI.create(s).getHost()).filter(java.util.Objects::nonNull)
                .collect(java.util.stream.Collectors.toSet());
        return new FetchSettings(config.userAgent(), config.timeout(), config.maxBody(), config.headers(), config.proxy(),
                config.allowPrivate(), seedHosts, Resolver.SYSTEM, null, config.http2());
    }

    private void runToEnd(List<String> seeds, SeenSet seen, UrlNormalizer normalizer) {
        Thread timer = startTimer();
        try (var fetcher = warc == null ? new Fetcher(fetchSettings(seeds)) : new Fetcher(fetchSettings(seeds), warc);
             var analyzer = new PageAnalyzer(config.parseThreads(), new PageParser(normalizer, listener),
                     new ScopeRule(config.scope(), seeds), new UrlFilters(config.include(), config.exclude()), config.maxDepth(),
                    config.traps(), config.extraction(), handler, normalizer)) {
            var robots = config.ignoreRobots() ? null
                    : new RobotsCache(url -> fetcher.get(url, (status, type) -> status >= 200 && status < 300),
                            new RobotsPolicy(config.userAgent()), normalizer, listener, clock,
                            new RobotsBackoff(config.robotsRetryBase(), RobotsBackoff.DEFAULT.maxAttempts()),
                            RobotsCache.Bounds.forHeap(Runtime.getRuntime().maxMemory()));
            var retryPolicy = new RetryPolicy(config.retries(), config.retryBase(), new Random());
            var memory = MemoryBudget.forHeap(Runtime.getRuntime().maxMemory(), config.timeout().multipliedBy(4));
            renderer = startRenderer();
            var rendering = renderer == null ? PageRendering.NONE : new PageRendering(config.render().mode(), renderer,
                    new RenderRequests(scheduler, fetcher, robots, normalizer, new ScopeRule(config.scope(), seeds),
                            new UrlFilters(config.include(), config.exclude()), memory));
            var ctx = new PageTask.Context(scheduler, fetcher, robots, analyzer, retryPolicy, normalizer,
                    new ScopeRule(config.scope(), seeds), new UrlFilters(config.include(), config.exclude()),
                    seen, store, new Counting(), clock, config.maxDepth(), admission, memory, config.storeBodies(),
                    rendering, recrawl);
            if (sitemaps != null) sitemaps.start(fetcher, robots, retryPolicy, normalizer, ctx.listener(), clock);
            dispatch(new PageTask(ctx));
            awaitTasks();
            if (sitemaps != null) sitemaps.stop();
            closeArchive();
            feeder.stop();
            if (fatal.get() == null) budget.close(); // unused allowance back to the store, for a resume to use
            store.flush();
            pendingLeft = store.countPending();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop(StopReason.CANCELLED);
        } catch (RuntimeException e) {
            fatal.compareAndSet(null, e);
        } finally {
            if (timer != null) timer.interrupt();
            stopSitemaps();
            closeArchive();
            if (renderer != null) renderer.close(); // every browser process ends with the crawl, however it ends
            closeStoreAndComplete();
        }
    }

    /** The browser, started before the first request so that one that cannot start stops the crawl; null: --render never. */
    private Renderer startRenderer() throws InterruptedException {
        if (config.render().mode() == RenderMode.NEVER) return null;
        return Renderer.start(config.render(), config.timeout(), config.maxBody());
    }

    private void dispatch(PageTask task) throws InterruptedException {
        while (true) {
            pipeline.acquire();
            Lease lease = scheduler.take();
            if (lease == null) {
                pipeline.release();
                return;
            }
            tasks.execute(() -> runTask(task, lease));
        }
    }

    private void runTask(PageTask task, Lease lease) {
        try {
            if (sitemaps == null || !sitemaps.runs(lease)) task.run(lease);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // cancelled: the item stays pending in the store
        } catch (StoreException | dev.trawl.warc.WarcException e) {
            abort(e); // the crawl's own storage failed, not the page: the page stays pending
        } catch (RuntimeException e) {
            recordInternalError(lease, e);
        } finally {
            scheduler.finish(lease);
            pipeline.release();
        }
    }

    /** A bug met on one page must not end the crawl: the page is recorded with error "internal". */
    private void recordInternalError(Lease lease, RuntimeException e) {
        CrawlItem item = lease.item();
        System.getLogger("trawl").log(System.Logger.Level.DEBUG, "internal error on " + item.url(), e);
        try {
            store.write(new PageRecord(item.url(), item.depth(), clock.instant(),
                    new PageOutcome.Failed(PageOutcome.Failed.INTERNAL)));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        } catch (StoreException storeFailed) {
            abort(storeFailed);
        }
    }

    /** Seals the WARC archive once no task writes to it any more (idempotent); a failure to is the crawl's. */
    private void closeArchive() {
        if (warc == null) return;
        WarcRecorder closing = warc;
        warc = null;
        try {
            listener.archiveNote(closing.close());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            fatal.compareAndSet(null, e);
        }
    }

    /** The walk must have ended before the store closes (it writes there); after a failure it may still run. */
    private void stopSitemaps() {
        if (sitemaps == null) return;
        try {
            sitemaps.stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitTasks() throws InterruptedException {
        tasks.shutdown();
        if (stopReason.get() != null && !tasks.awaitTermination(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
            tasks.shutdownNow();
        }
        tasks.close();
    }

    /** The store failed: the crawl ends, keeping what was committed, and reports the failure. */
    private void abort(RuntimeException failure) {
        fatal.compareAndSet(null, failure);
        stop(StopReason.CANCELLED);
    }

    private void stop(StopReason reason) {
        if (stopReason.compareAndSet(null, reason)) {
            feeder.stop();
            scheduler.stop();
            if (reason == StopReason.CANCELLED || reason == StopReason.TIME_LIMIT) {
                Thread.ofVirtual().start(this::interruptAfterGrace);
            }
        }
    }

    private void interruptAfterGrace() {
        try {
            if (!tasks.awaitTermination(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) tasks.shutdownNow();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Thread startTimer() {
        if (config.timeLimit() == null) return null;
        return Thread.ofVirtual().name("trawl-time-limit").start(() -> {
            try {
                Thread.sleep(config.timeLimit());
                stop(StopReason.TIME_LIMIT);
            } catch (InterruptedException e) {
                // the crawl ended first
            }
        });
    }

    private void closeStoreAndComplete() {
        try {
            store.close();
        } catch (RuntimeException e) {
            fatal.compareAndSet(null, e);
        }
        if (fatal.get() != null) {
            done.completeExceptionally(fatal.get());
            return;
        }
        StopReason reason = stopReasonOf(stopReason.get(), pendingLeft, scheduler.isBudgetSpent());
        done.complete(new CrawlSummary(recorded.get(), failed.get(), pendingLeft,
                Duration.ofNanos(System.nanoTime() - startNanos), reason));
    }

    /**
     * Why the crawl ended: as it was stopped (cancelled, time limit), else --max-pages when URLs are left pending because
     * the page budget ran out, else complete (URLs left pending for another reason, robots.txt unreachable say, do not
     * make it a page limit).
     */
    static StopReason stopReasonOf(StopReason stopped, long pendingLeft, boolean budgetSpent) {
        if (stopped != null) return stopped;
        return pendingLeft > 0 && budgetSpent ? StopReason.MAX_PAGES : StopReason.COMPLETE;
    }

    /** Counts for the summary, then passes events on to the caller's listener. */
    private final class Counting implements CrawlListener {
        @Override
        public void requestStarted() {
            listener.requestStarted();
        }

        @Override
        public void retryScheduled() {
            listener.retryScheduled();
        }

        @Override
        public void recorded(PageRecord record) {
            recorded.incrementAndGet();
            if (record.outcome().isFailure()) failed.incrementAndGet();
            listener.recorded(record);
        }
    }
}
