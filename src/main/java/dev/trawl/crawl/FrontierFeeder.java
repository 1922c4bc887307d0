package dev.trawl.crawl;

import dev.trawl.frontier.CrawlItem;
import dev.trawl.frontier.Scheduler;
import dev.trawl.store.FrontierEntry;
import dev.trawl.store.PageStore;
import java.time.Duration;
import java.util.List;

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
    private final Scheduler scheduler;
    private final PageStore store;
    private final int lowWater;
    private final int batch;
    private volatile boolean stopped;

    FrontierFeeder(Scheduler scheduler, PageStore store, int lowWater, int batch) {
        this.scheduler = scheduler;
        this.store = store;
        this.lowWater = lowWater;
        this.batch = batch;
    }

    @Override
    public void run() {
        try {
            while (!stopped) {
                scheduler.awaitQueuedBelow(lowWater, POLL);
                if (stopped || scheduler.queued() >= lowWater) continue;
                if (scheduler.isBudgetSpent() || (!feed() && isExhausted())) break;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            scheduler.noMoreItems();
        }
    }

    void stop() {
        stopped = true;
    }

    /** Claims a batch; true if it got anything. */
    private boolean feed() throws InterruptedException {
        List<FrontierEntry> claimed = store.claimPending(batch);
        for (FrontierEntry entry : claimed) scheduler.add(CrawlItem.of(entry.url(), entry.depth()));
        return !claimed.isEmpty();
    }

    /** Nothing to claim: over if nothing is in progress either; else new links may still come. */
    private boolean isExhausted() throws InterruptedException {
        if (!scheduler.isIdle()) {
            Thread.sleep(POLL);
            return false;
        }
        store.flush(); // every finished page's discoveries are committed and claimable now
        return !feed() && scheduler.isIdle();
    }
}
