package dev.trawl.frontier;

import java.util.ArrayDeque;

/**
 * Politeness state of one host, in the spirit of StormCrawler's FetchItemQueue: requests in flight and the
 * earliest time the next request may start. Guarded by the {@link Scheduler}'s lock; not thread-safe alone.
 */
final class HostQueue {
    final String host;
    /** Items already under way (redirect hops, due retries, items put back after robots.txt): go first. */
    final ArrayDeque<CrawlItem> started = new ArrayDeque<>();
    /** Items never requested yet; they draw on the page budget. */
    final ArrayDeque<CrawlItem> fresh = new ArrayDeque<>();
    int inFlight;
    /** Requests this process may have in flight here: --per-host, or the slots it holds of a shared host. */
    int slots;
    /** Items of this host taken and not yet finished or requeued. */
    int leased;
    /** Items of this host waiting for a retry. */
    int retrying;
    long nextStartNanos = Long.MIN_VALUE;
    long lastStartNanos = Long.MIN_VALUE;
    long delayNanos;
    boolean inReadyHeap;

    HostQueue(String host, long delayNanos, int slots) {
        this.host = host;
        this.delayNanos = delayNanos;
        this.slots = slots;
    }

    /** Nothing of this host is queued, waiting, leased or in flight here. */
    boolean isIdle() {
        return inFlight == 0 && leased == 0 && retrying == 0 && started.isEmpty() && fresh.isEmpty();
    }

    boolean hasWork(boolean mayStartFresh) {
        return !started.isEmpty() || (mayStartFresh && !fresh.isEmpty());
    }

    int queued() {
        return started.size() + fresh.size();
    }
}
