package dev.trawl.store;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Any number of workers share the frontier (PostgreSQL): each registers in {@code workers} and heartbeats
 * ({@link Workers}), holds slots of hosts ({@link HostSlots}) and claims only URLs of hosts it holds slots of; the
 * claims and slots of a dead worker go to the others, and a worker that joins gets its fair share from those holding
 * more. The crawl's options are stored once, by the first worker.
 */
final class SharedFrontier extends QueuedCoordination {
    /** The store commits at least this often, so waiting less for new pending URLs gains nothing. */
    private static final Duration POLL = Duration.ofMillis(50);
    /**
     * How often shares are checked and the claims of dead workers looked for (their heartbeats expire after
     * {@link Workers#TTL}): a worker that joins gets its share within about this much.
     */
    private static final Duration UPKEEP = Duration.ofSeconds(2);
    /** How long a request start waits for a database that fails to reserve it before the crawl gives up. */
    private static final Duration PACE_PATIENCE = Duration.ofSeconds(10);
    private static final Duration PACE_RETRY = Duration.ofMillis(250);
    /** Arbitrary, fixed: the ASCII of "trawlmax". Serialises claims of crawls with --max-pages. */
    private static final long BUDGET_LOCK_KEY = 0x747261776c6d6178L;
    private final StoreReads.ConnectionSource connections;
    private final WorkerId me = WorkerId.create();
    private volatile WorkerDemand demand = WorkerDemand.DEFAULT;
    private WorkerHeartbeat heartbeat; // set once, under this lock, by join
    /** Hand-overs decided and not done yet: host → slots kept. Only the feeder's thread claims and hands over. */
    private final Map<String, Integer> handingOver = new ConcurrentHashMap<>();
    private final LongAdder pages = new LongAdder();

    SharedFrontier(WriteQueue writes, StoreReads.ConnectionSource connections) {
        super(writes);
        this.connections = connections;
    }

    @Override
    public synchronized void join(WorkerDemand demand) {
        this.demand = demand;
        if (heartbeat == null) {
            int wants = HostSlots.Units.of(demand).cap();
            writes.exclusiveUninterruptibly(c -> {
                Workers.beat(c, Dialect.POSTGRES, me, wants, pages.sum());
                return null;
            });
            heartbeat = new WorkerHeartbeat(connections, Dialect.POSTGRES, me, new WorkerHeartbeat.Report() {
                @Override
                public int wants() {
                    return HostSlots.Units.of(SharedFrontier.this.demand).cap();
                }

                @Override
                public long pages() {
                    return pages.sum();
                }
            });
        }
        releaseStaleClaims();
    }

    private synchronized boolean joined() {
        return heartbeat != null;
    }

    /**
     * Claims within the hosts this worker holds slots of ({@link HostSlots}), taking or handing over slots to keep
     * its fair share. With a page limit, claims are serialised by an advisory lock, so that two workers cannot both
     * spend the last of the budget.
     */
    @Override
    public Claim claim(int max, long maxPages) throws InterruptedException {
        if (!joined()) join(demand);
        WorkerDemand d = demand;
        Map<String, Integer> going = Map.copyOf(handingOver);
        Claim claim = writes.exclusive(c -> {
            long left = Long.MAX_VALUE;
            if (maxPages != Long.MAX_VALUE) {
                try (var st = c.createStatement()) {
                    st.execute("SELECT pg_advisory_xact_lock(" + BUDGET_LOCK_KEY + ")");
                }
                left = FrontierClaims.budgetLeft(c, maxPages);
            }
            return HostSlots.claim(c, me, d, going, (int) Math.min(max, left));
        });
        claim.handOvers().forEach(h -> handingOver.put(h.host(), h.keep()));
        return claim;
    }

    @Override
    public boolean hasWorkLeft(long maxPages) throws InterruptedException {
        return writes.exclusive(c -> FrontierClaims.hasWorkLeft(c, me.id(), maxPages));
    }

    /** Releases the claims of dead workers, and takes or hands over slots to keep this worker's share. */
    @Override
    public Claim upkeep() throws InterruptedException {
        if (!joined()) return Claim.NONE;
        WorkerDemand d = demand;
        Map<String, Integer> going = Map.copyOf(handingOver);
        Claim rebalanced = writes.exclusive(c -> {
            Workers.releaseDead(c, Dialect.POSTGRES);
            HostSlots.countCheck(c, me);
            return HostSlots.rebalance(c, me, d, going);
        });
        rebalanced.handOvers().forEach(h -> handingOver.put(h.host(), h.keep()));
        return rebalanced;
    }

    @Override
    public Duration upkeepInterval() {
        return UPKEEP;
    }

    @Override
    public void handOver(HandOver handOver, List<String> unstarted) throws InterruptedException {
        WorkerDemand d = demand;
        writes.exclusive(c -> {
            HostSlots.handOver(c, me, d, handOver, unstarted);
            return null;
        });
        handingOver.remove(handOver.host(), handOver.keep());
    }

    /**
     * One autocommit upsert of the host's row ({@link HostPace}) on a pooled connection, not through the write queue,
     * so that a batch being written does not hold a request back. A database that does not answer is tried again
     * for {@link #PACE_PATIENCE}, then the crawl ends (its writer would fail too).
     */
    @Override
    public Duration reserveStart(String host, Duration gap, Duration margin) throws InterruptedException {
        long deadline = System.nanoTime() + PACE_PATIENCE.toNanos();
        while (true) {
            try (var connection = connections.connect()) {
                connection.setAutoCommit(true);
                return HostPace.reserve(connection, host, gap, margin);
            } catch (java.sql.SQLException e) {
                if (System.nanoTime() - deadline > 0) {
                    throw new StoreException("cannot pace requests to " + host + ": " + PostgresErrors.reason(e), e);
                }
                Thread.sleep(PACE_RETRY);
            }
        }
    }

    /** A page this worker wrote, counted for its workers row. */
    void countPage() {
        pages.increment();
    }

    /** Releases the claims of workers whose heartbeat has expired (see {@link Workers}); a live worker's stay. */
    @Override
    public void releaseStaleClaims() {
        writes.exclusiveUninterruptibly(c -> Workers.releaseDead(c, Dialect.POSTGRES));
    }

    /**
     * Usually a claim finds nothing because other workers hold the hosts with pending URLs: back off up to 400 ms,
     * so that a hundred starved workers do not run twenty claim transactions a second each.
     */
    @Override
    public Duration emptyClaimWait(int emptyClaims) {
        return POLL.multipliedBy(1L << Math.min(emptyClaims, 3)); // 50, 100, 200, 400 ms
    }

    @Override
    public boolean acceptsWorkers() {
        return true;
    }

    @Override
    public String agreeOnOptions(String mine) {
        return offerCrawlOptions(mine);
    }

    /**
     * Leaves the crawl, if this worker joined it: its unfinished claims become pending at once and its hosts free,
     * rather than after the heartbeat expires. Quiet when the writer has failed (the heartbeat then expires).
     */
    void leave() {
        WorkerHeartbeat beat;
        synchronized (this) {
            beat = heartbeat;
        }
        if (beat == null || writes.isStopped()) return;
        try {
            writes.exclusiveUninterruptibly(c -> {
                Workers.leave(c, me);
                return null;
            });
        } catch (RuntimeException e) {
            // the writer has failed: the store's close says so; the claims come back when the heartbeat expires
        }
        beat.close();
    }
}
