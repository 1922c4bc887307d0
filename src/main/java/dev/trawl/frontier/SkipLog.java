package dev.trawl.frontier;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many skip rows (URLs refused by a trap rule, recorded with their {@link SkipReason}) the crawl writes: a trap
 * page can name millions of such links, so rows are a sample, at most {@link #PER_PAGE} per page and
 * {@link #PER_HOST} per host of the refused URL in one crawl process; the rest are refused without a row (the
 * page's outlinks in the links table still list every one). Thread-safe.
 */
public final class SkipLog {
    public static final int PER_PAGE = 10;
    public static final int PER_HOST = 100;

    private final Map<String, AtomicInteger> perHost = new ConcurrentHashMap<>();

    /**
     * Whether one more skip row may be written for a URL of host, given that the page already wrote
     * {@code fromThisPage}; counts it if so.
     */
    public boolean mayRecord(String host, int fromThisPage) {
        if (fromThisPage >= PER_PAGE) return false;
        AtomicInteger count = perHost.computeIfAbsent(host, h -> new AtomicInteger());
        return count.getAndUpdate(n -> n < PER_HOST ? n + 1 : n) < PER_HOST;
    }
}
