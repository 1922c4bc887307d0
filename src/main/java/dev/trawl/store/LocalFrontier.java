package dev.trawl.store;

import java.time.Duration;
import java.util.List;

/**
 * One crawling process has the frontier to itself (a SQLite file): it claims the oldest pending URLs of any host,
 * whatever is claimed at its start was claimed by a run that did not finish, and each run may change the options.
 */
final class LocalFrontier extends QueuedCoordination {
    /** The store commits at least this often, so waiting longer for new pending URLs gains nothing. */
    private static final Duration POLL = Duration.ofMillis(50);
    private final Dialect dialect;

    LocalFrontier(WriteQueue writes, Dialect dialect) {
        super(writes);
        this.dialect = dialect;
    }

    @Override
    public void join(WorkerDemand demand) {
        releaseStaleClaims();
    }

    @Override
    public Claim claim(int max, long maxPages) throws InterruptedException {
        return Claim.of(writes.exclusive(c -> FrontierClaims.claim(c, dialect,
                (int) Math.min(max, FrontierClaims.budgetLeft(c, maxPages)))));
    }

    @Override
    public boolean hasWorkLeft(long maxPages) throws InterruptedException {
        return writes.exclusive(c -> FrontierClaims.hasWorkLeft(c, "", maxPages));
    }

    /** Nobody else is here: nothing to release while crawling, nothing to hand over. */
    @Override
    public Claim upkeep() {
        return Claim.NONE;
    }

    @Override
    public Duration upkeepInterval() {
        return Duration.ofSeconds(3);
    }

    @Override
    public void handOver(HandOver handOver, List<String> unstarted) {
        throw new IllegalStateException("a local frontier never asks for a hand-over");
    }

    /** Nobody else sends requests: the scheduler's own gap is the crawl's. */
    @Override
    public Duration reserveStart(String host, Duration gap, Duration margin) {
        return Duration.ZERO;
    }

    /** One process per file: whatever is claimed was claimed by a crawl that ended without finishing. */
    @Override
    public void releaseStaleClaims() {
        writes.exclusiveUninterruptibly(FrontierClaims::releaseAll);
    }

    /** New URLs can only come from this process's own pages: the feeder's wait ends as soon as some are stored. */
    @Override
    public Duration emptyClaimWait(int emptyClaims) {
        return POLL;
    }

    @Override
    public boolean acceptsWorkers() {
        return false;
    }

    @Override
    public String agreeOnOptions(String mine) {
        return mine;
    }
}
