package dev.trawl.crawl;

import java.time.Duration;

/**
 * How a crawl went.
 *
 * @param recorded URLs whose outcome was stored in this run
 * @param failed   of those, the ones with an error or a 4xx/5xx status
 * @param pending  URLs known but not yet attempted when the crawl stopped
 * @param stoppedBy why the crawl ended
 */
public record CrawlSummary(long recorded, long failed, long pending, Duration elapsed, StopReason stoppedBy) {

    /** Why a crawl ended. */
    public enum StopReason {
        /** The frontier ran dry. */
        COMPLETE,
        /** --max-pages was reached. */
        MAX_PAGES,
        /** --time-limit passed. */
        TIME_LIMIT,
        /** Cancelled by the caller (Ctrl-C). */
        CANCELLED
    }

    public double pagesPerSecond() {
        double seconds = elapsed.toNanos() / 1e9;
        return seconds > 0 ? recorded / seconds : 0;
    }
}
