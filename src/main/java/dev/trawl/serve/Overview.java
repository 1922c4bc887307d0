package dev.trawl.serve;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the overview shows of a crawl, read from its database in one go.
 *
 * @param classes    pages by status class, in {@link #CLASSES} order
 * @param timeline   pages by status class per time bucket
 * @param latency    pages that got an answer, by latency bucket
 * @param depths     pages by depth
 * @param types      pages by media type (parameters dropped), the largest first
 * @param hosts      pages by host, the largest first
 * @param errors     failed pages by reason and host, the largest groups first
 */
record Overview(long pages, long bytes, long pending, Instant first, Instant last, Map<String, Long> classes,
                Timeline timeline, List<Count> latency, List<Count> depths, List<Count> types, List<Count> hosts,
                List<ErrorGroup> errors) {
    /** Status classes; "none" is no HTTP answer (an error code, or robots.txt said no). */
    static final List<String> CLASSES = List.of("1xx", "2xx", "3xx", "4xx", "5xx", "none");

    /** Pages per second from the first fetch to the last; 0 when there is less than one page or no time. */
    double pagesPerSecond() {
        if (first == null || last == null) return 0;
        long millis = Duration.between(first, last).toMillis();
        return millis > 0 ? pages * 1000.0 / millis : 0;
    }

    /** One bar of a distribution. */
    record Count(String label, long count) {}

    /**
     * Pages fetched per bucket of {@code width}, starting at {@code start}, by status class (each array has one
     * count per bucket).
     */
    record Timeline(Instant start, Duration width, int buckets, Map<String, long[]> byClass) {}

    /**
     * Failed pages of one reason (an error code, or http_NNN for a 4xx/5xx) on one host.
     *
     * @param retryable how many of them `trawl crawl --retry-failed` would fetch again
     */
    record ErrorGroup(String reason, String host, long count, long retryable) {}
}
