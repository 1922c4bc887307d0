package dev.trawl.stats;

import java.nio.file.Path;
import java.time.Instant;

/**
 * One crawl process as its counters file shows it.
 *
 * @param crawlId     what the crawl was told with --db, as {@link RunDirectory#crawlId(String)} spells it
 * @param heartbeat   when the process last wrote its gauges (a few times a second while it runs)
 * @param metricsPort port of its metrics endpoint on 127.0.0.1, or 0 when it serves none
 */
public record CrawlProcess(Path file, long pid, String crawlId, Instant started, Instant heartbeat, int metricsPort,
                           State state, CounterSnapshot counters) {

    /** Whether the numbers are live. */
    public enum State {
        /** The process is alive and beating. */
        RUNNING,
        /** The crawl ended and left its final counts behind (crawl --keep-status). */
        FINISHED,
        /** The process is gone without cleaning up, or has stopped beating: the numbers are old. */
        STALE;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
