package dev.trawl.store;

import java.util.List;
import java.util.Map;

/** The frontier role of a store: every known URL, what is pending, and the per-host admission count. */
public interface FrontierStore {

    /** Calls visitor once per known URL, pending ones in discovery order. For resuming. */
    default void loadFrontier(FrontierVisitor visitor) {
        loadFrontier(visitor, Long.MAX_VALUE);
    }

    /** As {@link #loadFrontier(FrontierVisitor)}, for the first {@code limit} URLs known only. */
    void loadFrontier(FrontierVisitor visitor, long limit);

    /** Adds URLs as pending unless already known; committed before return. */
    void addPending(List<FrontierEntry> entries);

    /** Number of known URLs not stored yet (pending, or claimed by a worker), for the whole crawl. */
    long countPending();

    /**
     * Reserves up to {@code wanted} more URLs of {@code host} for the frontier under --max-pages-per-host
     * ({@code limit}), for the whole crawl: every worker and every earlier run of it count. Returns how many were
     * granted, 0 once the host has had its limit.
     */
    long reserveHostUrls(String host, long wanted, long limit) throws InterruptedException;

    /** Gives back reserved allowance that was not used, host by host, when a crawl process ends cleanly. */
    void returnHostUrls(Map<String, Long> unused);

    /**
     * Makes the URLs that failed ({@link FailedPages#RETRYABLE}: an error code or a 5xx) pending again, so that the
     * crawl fetches them once more; returns how many. Committed before return.
     */
    int requeueFailed();

    /**
     * Makes the URLs stored with a response (a status) and fetched before {@code fetchedBefore} pending again, for a
     * recrawl ({@link RecrawlPages}); their rows stay, for the crawl to compare with. Returns how many. Committed in
     * batches of {@link RecrawlPages#BATCH} before return.
     */
    long requeueForRecrawl(java.time.Instant fetchedBefore);

    /** Receives known URLs on resume. */
    @FunctionalInterface
    interface FrontierVisitor {
        void visit(String url, int depth, boolean done);
    }
}
