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
    long nextStartNanos = Long.MIN_VALUE;
    long lastStartNanos = Long.MIN_VALUE;
    long delayNanos;
    boolean inReadyHeap;

    HostQueue(String host, long delayNanos) {
        this.host = host;
        this.delayNanos = delayNanos;
    }

    boolean hasWork(boolean mayStartFresh) {
        return !started.isEmpty() || (mayStartFresh && !fresh.isEmpty());
    }

    int queued() {
        return started.size() + fresh.size();
    }
}
