package dev.trawl.crawl;

import dev.trawl.frontier.CrawlItem;
import dev.trawl.frontier.Scheduler;
import dev.trawl.store.Claim;
import dev.trawl.store.Coordination;
import dev.trawl.store.HandOver;
import dev.trawl.store.FrontierEntry;
import dev.trawl.store.PageStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Keeps the scheduler supplied from the database: when fewer than {@code lowWater} items are queued, it
 * claims the next batch of pending URLs. Pages write the links they discover to the store, never to the
 * scheduler, so memory holds only claimed batches however large the frontier grows, and a crash loses
 * nothing (claims of a dead process are released on the next start).
 *
 * <p>It also decides when the frontier is exhausted: nothing queued or leased in the scheduler (so every
 * discovery has been handed to the store), the store flushed, and still nothing to claim.
 */
final class FrontierFeeder implements Runnable {
    /** The store commits at least this often, so waiting longer for new pending URLs gains nothing. */
    private static final Duration POLL = Duration.ofMillis(50);
    /** How long an idle worker waits before asking again whether other workers' pages brought new work. */
    private static final Duration IDLE_POLL = Duration.ofMillis(250);
    private final Scheduler scheduler;
    private final PageStore store;
    private final Coordination coordination;
    private final int lowWater;
    private final int batch;
    private final long maxPages;
    private final Consumer<RuntimeException> onFailure;
    private final LongSupplier nanoTime;
    private final Sleeper sleeper;
    private final java.util.function.BooleanSupplier discovering;
    private volatile boolean stopped;

    private final Map<String, Pending> handingOver = new LinkedHashMap<>();
    private int emptyClaims;
    private long nextUpkeep;

    /**
     * @param maxPages  --max-pages for the whole crawl (all workers), Long.MAX_VALUE for none
     * @param onFailure hears why the feeder gave up (the store failed); the crawl must then end
     * @param discovering whether URLs may still come from outside the pages (--sitemaps): not exhausted before
     * @param nanoTime  the crawl's monotonic clock (the scheduler's), for the upkeep interval
     * @param sleeper   waits while other workers hold the work left
     */
    FrontierFeeder(Scheduler scheduler, PageStore store, int lowWater, int batch, long maxPages,
                   Consumer<RuntimeException> onFailure, java.util.function.BooleanSupplier discovering,
                   LongSupplier nanoTime, Sleeper sleeper) {
        this.scheduler = scheduler;
        this.store = store;
        this.coordination = store.coordination();
        this.nanoTime = nanoTime;
        this.sleeper = sleeper;
        this.nextUpkeep = nanoTime.getAsLong() + coordination.upkeepInterval().toNanos();
        this.lowWater = lowWater;
        this.batch = batch;
        this.maxPages = maxPages;
        this.onFailure = onFailure;
        this.discovering = discovering;
    }

    @Override
    public void run() {
        try {
            while (!stopped) {
                scheduler.awaitQueuedBelow(lowWater, POLL);
                upkeepNow();
                finishHandOvers();
                if (stopped || scheduler.queued() >= lowWater) continue;
                if (scheduler.isBudgetSpent() || (!feed() && isExhausted())) break;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            onFailure.accept(e);
        } finally {
            scheduler.noMoreItems();
        }
    }

    void stop() {
        stopped = true;
    }

    /**
     * A claim found nothing while pages are in flight: the next URLs may come from those pages, so claim again as soon
     * as a quarter of them (at least one) have handed their links to the store, which a crawl's first levels (one
     * seed, its 30 links, their 900) would otherwise spend polling (the claim itself commits them first); or after
     * the coordination's wait, which on a shared frontier backs off while other workers hold the hosts with work.
     */
    private void awaitNewPending() throws InterruptedException {
        long ended = scheduler.leasesEnded();
        scheduler.awaitLeasesEnded(ended + Math.max(1, scheduler.leased() / 4), coordination.emptyClaimWait(emptyClaims));
    }

    /** Claims a batch; true if it got anything. */
    private boolean feed() throws InterruptedException {
        Claim claim = coordination.claim(batch, maxPages);
        emptyClaims = claim.entries().isEmpty() ? emptyClaims + 1 : 0;
        apply(claim);
        for (FrontierEntry entry : claim.entries()) scheduler.add(CrawlItem.of(entry.url(), entry.depth()));
        return !claim.entries().isEmpty();
    }

    /** The slots this worker holds now: limits per host, a wait for hosts new here, hand-overs to start. */
    private void apply(Claim claim) {
        startHandOvers(claim.handOvers());
        claim.slots().forEach((host, slots) -> {
            // a host being given up keeps its slots until what is under way there has finished
            Pending going = handingOver.get(host);
            if (going == null || going.handOver().keep() > 0) scheduler.setHostSlots(host, slots);
        });
        claim.takeOvers().forEach((host, t) -> scheduler.holdOff(host, t.firstStartIn(), t.gap()));
    }

    /**
     * Nothing to claim: over if nothing is in progress here, and nowhere else either (no URL claimed by another
     * worker, no pending URL the page limit allows); else new links may still come, here or from other workers.
     * Package-private: the end-of-crawl decision, which EndOfCrawlTest drives step by step.
     */
    boolean isExhausted() throws InterruptedException {
        if (!scheduler.isIdle() || discovering.getAsBoolean()) {
            awaitNewPending();
            return false;
        }
        store.flush(); // every finished page's discoveries are committed and claimable now
        if (feed() || !scheduler.isIdle()) return false;
        if (!coordination.hasWorkLeft(maxPages)) return true;
        sleeper.sleep(IDLE_POLL); // other workers are busy, or hold the hosts that still have pending URLs
        return false;
    }

    /** Every few seconds, whatever the queue holds: the coordination's upkeep (on a shared frontier, the claims of dead workers go back). */
    private void upkeepNow() throws InterruptedException {
        long now = nanoTime.getAsLong();
        if (now - nextUpkeep < 0) return;
        nextUpkeep = now + coordination.upkeepInterval().toNanos();
        apply(coordination.upkeep());
    }

    /**
     * This worker holds more of these hosts than its share: from now on it sends no more requests to each than it
     * keeps, and gives up the queued URLs of a host it gives up, or of a host it keeps part of their share above what
     * it keeps (they go back to the frontier at the hand-over, for the workers that take the slots).
     */
    private void startHandOvers(List<HandOver> handOvers) {
        for (HandOver h : handOvers) {
            List<String> unstarted = new ArrayList<>(handingOver.getOrDefault(h.host(), new Pending(h, List.of())).unstarted());
            List<CrawlItem> withdrawn = h.keep() == 0 ? scheduler.withdraw(h.host()) : scheduler.shrinkSlots(h.host(), h.keep());
            for (CrawlItem item : withdrawn) unstarted.add(item.url());
            handingOver.put(h.host(), new Pending(h, unstarted));
        }
    }

    /**
     * Completes the hand-overs that reached their clean point: a host given up has nothing left here (nothing
     * queued, waiting or in flight, every page of it handed to the store, which stores it before the hand-over);
     * a host kept in part has no more requests in flight than the slots kept.
     */
    private void finishHandOvers() throws InterruptedException {
        for (var it = handingOver.values().iterator(); it.hasNext(); ) {
            Pending p = it.next();
            boolean clean = p.handOver().keep() == 0 ? scheduler.isHostIdle(p.handOver().host())
                    : scheduler.inFlight(p.handOver().host()) <= p.handOver().keep();
            if (!clean) continue;
            coordination.handOver(p.handOver(), p.unstarted());
            it.remove();
        }
    }

    /** A hand-over started and not done yet, with the URLs withdrawn from the scheduler for it. */
    private record Pending(HandOver handOver, List<String> unstarted) {}
}
