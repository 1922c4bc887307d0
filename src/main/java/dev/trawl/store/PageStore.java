package dev.trawl.store;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Durable crawl state: the frontier (every known URL, pending or done), pages and links.
 *
 * <p>Writes go through {@link #write} to a single writer thread that commits in batches; a record and
 * the frontier entries it discovered are committed together. Every method may throw {@link StoreException}.
 */
public interface PageStore extends AutoCloseable {

    /** Calls visitor once per known URL, pending ones in discovery order. For resuming. */
    default void loadFrontier(FrontierVisitor visitor) {
        loadFrontier(visitor, Long.MAX_VALUE);
    }

    /** As {@link #loadFrontier(FrontierVisitor)}, for the first {@code limit} URLs known only. */
    void loadFrontier(FrontierVisitor visitor, long limit);

    /** Adds URLs as pending unless already known; committed before return. */
    void addPending(List<FrontierEntry> entries);

    /**
     * Queues a record for the writer thread and returns; blocks while the queue is full, which is the
     * back-pressure that keeps memory flat when the disk is slower than the network.
     */
    void write(PageRecord record) throws InterruptedException;

    /** Blocks until every record queued so far is committed. */
    void flush() throws InterruptedException;

    /**
     * Joins the crawl as a worker before the first claim: a shared store (PostgreSQL) registers this process and
     * starts its heartbeat, then releases the claims of workers that are gone; a SQLite file, which has one crawling
     * process, releases every claim. {@code hosts} is how many hosts this worker wants to work on at once (a shared
     * store leases hosts to one worker at a time). Called implicitly, with a default, by the first claim.
     */
    void joinCrawl(int hosts);

    /** As {@link #claimPending(int, long)} without a page limit. */
    default List<FrontierEntry> claimPending(int max) throws InterruptedException {
        return claimPending(max, Long.MAX_VALUE);
    }

    /**
     * Claims up to max pending URLs for this worker to fetch, oldest first, and returns them; they stay claimed
     * until their record is written. Never claims more than {@code maxPages} less the pages stored and the URLs
     * claimed by any worker (Long.MAX_VALUE: no limit). Returns an empty list when nothing may be claimed now (URLs
     * still in the write queue are not visible yet: {@link #flush} first to see them). A shared store claims only
     * URLs of hosts this worker leases.
     */
    default List<FrontierEntry> claimPending(int max, long maxPages) throws InterruptedException {
        return claim(max, maxPages).entries();
    }

    /** As {@link #claimPending(int, long)}, also saying which hosts this worker leased to get them. */
    Claim claim(int max, long maxPages) throws InterruptedException;

    /**
     * Whether the crawl may still produce work: URLs claimed by other workers (which may discover more, or die
     * and have their claims released), or pending URLs that maxPages still allows. When this worker is idle and
     * flushed and this is false, the crawl is over for everyone.
     */
    boolean hasWorkLeft(long maxPages) throws InterruptedException;

    /**
     * Makes URLs claimed by processes that are gone pending again: on a shared store, those of workers whose
     * heartbeat has expired; on a SQLite file, every claim (call it only before claiming).
     */
    void releaseStaleClaims();

    /**
     * Reserves up to {@code wanted} more URLs of {@code host} for the frontier under --max-pages-per-host
     * ({@code limit}), for the whole crawl: every worker and every earlier run of it count. Returns how many were
     * granted, 0 once the host has had its limit.
     */
    long reserveHostUrls(String host, long wanted, long limit) throws InterruptedException;

    /** Gives back reserved allowance that was not used, host by host, when a crawl process ends cleanly. */
    void returnHostUrls(Map<String, Long> unused);

    /** Whether several processes may crawl this store at once (PostgreSQL), so that they must agree on options. */
    boolean isShared();

    /** The options the crawl in this store was started with, as stored by {@link #offerCrawlOptions}, or null. */
    String crawlOptions();

    /**
     * Stores options as the crawl's unless it already has some, atomically (of two processes starting one crawl at
     * once, one wins); returns the crawl's options, which are {@code options} if they were stored now.
     */
    String offerCrawlOptions(String options);

    /**
     * Makes the URLs that failed ({@link FailedPages#RETRYABLE}: an error code or a 5xx) pending again, so that the
     * crawl fetches them once more; returns how many. Committed before return.
     */
    int requeueFailed();

    /** Number of URLs attempted and stored (pages table rows, less the skip rows of trap rules). */
    long countAttempted();

    /** Number of known URLs not stored yet (pending, or claimed by a worker), for the whole crawl. */
    long countPending();

    /** Streams every attempted URL in discovery order, in constant memory. */
    void exportRows(Consumer<ExportRow> sink);

    /** Flushes, stops the writer and closes the database. */
    @Override
    void close();

    /** Receives known URLs on resume. */
    @FunctionalInterface
    interface FrontierVisitor {
        void visit(String url, int depth, boolean done);
    }
}
