package dev.trawl.store;

import java.time.Duration;
import java.util.List;

/**
 * How the crawling processes on one store share its frontier: the strategy a store hands the crawl, so that the
 * crawl loop never asks which database it runs on. {@link LocalFrontier}: one process has the frontier to itself
 * (a SQLite file). {@link SharedFrontier}: any number of workers, each leasing slots of hosts, rebalanced so that
 * every live worker has its fair share (PostgreSQL). A new way of coordinating is a new implementation.
 */
public interface Coordination {

    /**
     * Joins the crawl as a worker before the first claim: a shared frontier registers this process and starts its
     * heartbeat, then releases the claims of workers that are gone; a local one releases every claim (its one
     * process is this one). Called implicitly, with a default demand, by the first claim.
     */
    void join(WorkerDemand demand);

    /** As {@link #claimPending(int, long)} without a page limit. */
    default List<FrontierEntry> claimPending(int max) throws InterruptedException {
        return claimPending(max, Long.MAX_VALUE);
    }

    /**
     * Claims up to max pending URLs for this worker to fetch, oldest first, and returns them; they stay claimed
     * until their record is written. Never claims more than {@code maxPages} less the pages stored and the URLs
     * claimed by any worker (Long.MAX_VALUE: no limit). Returns an empty list when nothing may be claimed now (URLs
     * still in the write queue are not visible yet: flush first to see them). A shared frontier claims only URLs
     * of hosts this worker holds slots of.
     */
    default List<FrontierEntry> claimPending(int max, long maxPages) throws InterruptedException {
        return claim(max, maxPages).entries();
    }

    /** As {@link #claimPending(int, long)}, also saying which hosts this worker holds and must hand over. */
    Claim claim(int max, long maxPages) throws InterruptedException;

    /**
     * Whether the crawl may still produce work: URLs claimed by other workers (which may discover more, or die
     * and have their claims released), or pending URLs that maxPages still allows. When this worker is idle and
     * flushed and this is false, the crawl is over for everyone.
     */
    boolean hasWorkLeft(long maxPages) throws InterruptedException;

    /**
     * Upkeep, called every {@link #upkeepInterval()} whatever the worker is doing (however full its queue): a shared
     * frontier releases the claims of dead workers, and takes free slots up to this worker's fair share or says what
     * it holds above it; the result claims no URLs. {@link Claim#NONE} for a local frontier.
     */
    Claim upkeep() throws InterruptedException;

    /** How often {@link #upkeep} wants to run. */
    Duration upkeepInterval();

    /**
     * Completes a hand-over at its clean point (the host's requests in flight here are down to {@code keep}, and
     * with keep 0 nothing of the host is left here): {@code unstarted}, claimed URLs of the host this worker never
     * started, go back to pending, and the slots above {@code keep} go to whoever needs them.
     */
    void handOver(HandOver handOver, List<String> unstarted) throws InterruptedException;

    /**
     * Reserves the next request start to a host this worker holds only some slots of, for the whole crawl: at least
     * {@code gap} after the last start any worker reserved there (or the larger gap another worker asked for, such as
     * a robots.txt Crawl-delay it learned); the start after it comes {@code margin} later still (how late this worker
     * may start, which does not widen the host's gap). Returns how long from now until the start. A local frontier
     * has no other process to keep pace with: zero, and its scheduler never asks.
     */
    Duration reserveStart(String host, Duration gap, Duration margin) throws InterruptedException;

    /**
     * Makes URLs claimed by processes that are gone pending again: on a shared frontier, those of workers whose
     * heartbeat has expired; on a local one, every claim (call it only before claiming).
     */
    void releaseStaleClaims();

    /**
     * How long to wait before claiming again after {@code emptyClaims} claims in a row found nothing while this
     * worker's pages are in flight (the wait ends early once some of them are stored).
     */
    Duration emptyClaimWait(int emptyClaims);

    /**
     * Whether other processes may crawl this frontier at the same time (so that `trawl worker` may join it), each
     * holding hosts of its own: a redirect to another host then goes to the frontier, for that host's holder.
     */
    boolean acceptsWorkers();

    /**
     * The options the crawl is run with, given this process's: a shared frontier stores them unless the crawl has
     * some (atomically: of two processes starting one crawl at once, one wins) and returns the crawl's, which the
     * caller must compare with its own; a local frontier returns {@code mine}: each run may change them.
     */
    String agreeOnOptions(String mine);

    /** The options the crawl in this store was started with, as stored by {@link #offerCrawlOptions}, or null. */
    String crawlOptions();

    /**
     * Stores options as the crawl's unless it already has some, atomically; returns the crawl's options, which are
     * {@code options} if they were stored now.
     */
    String offerCrawlOptions(String options);
}
