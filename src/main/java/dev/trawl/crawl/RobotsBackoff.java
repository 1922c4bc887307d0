package dev.trawl.crawl;

import java.time.Duration;

/**
 * How long a host whose robots.txt is unavailable (5xx, timeout, connect or DNS failure) is held back, and when
 * trawl stops trying in this run. RFC 9309 §2.3.1.4 asks for "disallow for a while" rather than for good: the wait
 * doubles from {@code base} with each failure, up to 16 × base, and after {@code maxAttempts} failures in a row
 * the host's URLs are left pending for the next run, which fetches robots.txt again. This is Heritrix's model (its
 * robots prerequisite is retried with a delay, then the host's URLs fail as "robots prerequisite failure"), except
 * that trawl keeps them pending instead of recording a failure, so that a resume gets them once the site is back.
 *
 * @param base        the first wait (15 s by default: with 4 tries, a host whose robots.txt never answers holds the
 *                    end of a crawl back by 15 + 30 + 60 s at most, while a site that is down for a minute or two
 *                    is still crawled)
 * @param maxAttempts robots.txt fetches tried for one origin in one run before its URLs are left pending
 */
record RobotsBackoff(Duration base, int maxAttempts) {
    static final RobotsBackoff DEFAULT = new RobotsBackoff(Duration.ofSeconds(15), 4);
    /** How many times base the wait may grow to. */
    private static final int CAP_FACTOR = 16;

    RobotsBackoff {
        if (base.isNegative() || base.isZero()) throw new IllegalArgumentException("base must be > 0, got " + base);
        if (maxAttempts < 1) throw new IllegalArgumentException("maxAttempts must be >= 1, got " + maxAttempts);
    }

    /** The wait after the given number of failures in a row (1 for the first): base, 2 × base, 4 × base, ... */
    Duration after(int failures) {
        int doublings = Math.min(Math.max(failures, 1) - 1, Integer.numberOfTrailingZeros(CAP_FACTOR));
        return base.multipliedBy(1L << doublings);
    }

    /** Whether this many failures in a row end the tries for this run. */
    boolean givesUp(int failures) {
        return failures >= maxAttempts;
    }
}
