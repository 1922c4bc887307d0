package dev.trawl.stats;

/**
 * The latency histogram's bucket bounds, in milliseconds: a 1-2-5 series up to a minute, then everything
 * slower. Coarse on purpose: one atomic add per page, and p50/p95 to within a bucket are what a person
 * watching a crawl needs.
 */
final class LatencyBuckets {
    private LatencyBuckets() {}

    /** Inclusive upper bounds; the last bucket (index {@code BOUNDS.length}) has none. */
    static final long[] BOUNDS = {1, 2, 5, 10, 20, 50, 100, 200, 500, 1_000, 2_000, 5_000, 10_000, 20_000, 60_000};
    static final int COUNT = BOUNDS.length + 1;

    static int bucketOf(long millis) {
        for (int i = 0; i < BOUNDS.length; i++) {
            if (millis <= BOUNDS[i]) return i;
        }
        return BOUNDS.length;
    }

    /**
     * The q-quantile (0..1) in milliseconds, interpolated linearly inside its bucket as Prometheus'
     * histogram_quantile does; -1 when the histogram is empty. In the open last bucket, its lower bound.
     */
    static double quantile(long[] counts, double q) {
        long total = 0;
        for (long c : counts) total += c;
        if (total == 0) return -1;
        double rank = q * total;
        long seen = 0;
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] > 0 && seen + counts[i] >= rank) {
                if (i == BOUNDS.length) return BOUNDS[i - 1];
                double lower = i == 0 ? 0 : BOUNDS[i - 1];
                return lower + (BOUNDS[i] - lower) * ((rank - seen) / counts[i]);
            }
            seen += counts[i];
        }
        return BOUNDS[BOUNDS.length - 1];
    }
}
