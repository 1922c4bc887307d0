package dev.trawl.frontier;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * --max-pages-per-host: at most {@code limit} URLs of one host ever enter the frontier, so at most that many requests
 * go to it (redirect hops included, robots.txt aside), however many links a trap site makes up. The count lives in
 * the store ({@link Ledger}), shared by every worker and kept across resumes; this process reserves allowance from
 * it in chunks (64, doubling to 1024), so the store is asked once per chunk rather than once per link. Allowance a
 * process reserved and did not use goes back on {@link #close}; after a kill -9 it is lost (at most one chunk per
 * host), which only ever makes the limit stricter. Thread-safe.
 */
public final class HostBudget implements AutoCloseable {
    /** 0 means no limit. */
    public static final long DEFAULT_LIMIT = 100_000;
    private static final int FIRST_CHUNK = 64;
    private static final int MAX_CHUNK = 1024;

    /** Where the crawl-wide count lives. */
    public interface Ledger {
        /** Reserves up to wanted URLs of host under limit; returns how many were granted. */
        long reserve(String host, long wanted, long limit) throws InterruptedException;

        /** Gives back allowance reserved and not used. */
        void giveBack(Map<String, Long> unused);
    }

    private static final class Allowance {
        long left;
        int chunk = FIRST_CHUNK;
        boolean spent;
    }

    private final long limit;
    private final Ledger ledger;
    private final Map<String, Allowance> hosts = new ConcurrentHashMap<>();

    /** {@code limit}: URLs per host, 0 for no limit (the ledger is then never asked). */
    public HostBudget(long limit, Ledger ledger) {
        if (limit < 0) throw new IllegalArgumentException("limit must be >= 0, got " + limit);
        this.limit = limit;
        this.ledger = ledger;
    }

    /**
     * Takes one URL of host from the budget; false when the host has had its limit. May block on the store (one
     * short transaction per chunk), never while holding a lock.
     */
    public boolean tryAdmit(String host) throws InterruptedException {
        if (limit == 0) return true;
        Allowance a = hosts.computeIfAbsent(host, h -> new Allowance());
        while (true) {
            int chunk;
            synchronized (a) {
                if (a.left > 0) {
                    a.left--;
                    return true;
                }
                if (a.spent) return false;
                chunk = a.chunk;
                a.chunk = Math.min(MAX_CHUNK, a.chunk * 2);
            }
            long granted = ledger.reserve(host, chunk, limit);
            synchronized (a) {
                a.left += granted;
                if (granted == 0) a.spent = true;
            }
        }
    }

    /** Gives the allowance reserved and not used back to the ledger. */
    @Override
    public void close() {
        Map<String, Long> unused = new HashMap<>();
        hosts.forEach((host, a) -> {
            synchronized (a) {
                if (a.left > 0) unused.put(host, a.left);
                a.left = 0;
            }
        });
        if (!unused.isEmpty()) ledger.giveBack(unused);
    }
}
