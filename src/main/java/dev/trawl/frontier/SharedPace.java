package dev.trawl.frontier;

import java.time.Duration;

/**
 * Keeps the gap between request starts to a host across every process of a crawl, for hosts this process holds only
 * some of the --per-host slots of (the others may be held by other workers, which send requests there too).
 */
@FunctionalInterface
public interface SharedPace {
    /** Nobody else sends requests: the scheduler's own gap is the crawl's. */
    SharedPace NONE = (host, gap, margin) -> Duration.ZERO;

    /**
     * Reserves the next request start to host for the whole crawl, at least {@code gap} after the last one reserved
     * by any process, and the start after it {@code margin} later still (how late this one may begin; the host's gap
     * stays as it is); returns how long from now until the start reserved.
     */
    Duration reserve(String host, Duration gap, Duration margin) throws InterruptedException;
}
