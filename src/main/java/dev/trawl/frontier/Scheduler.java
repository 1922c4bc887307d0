package dev.trawl.frontier;

import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.PriorityQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * Decides which request starts next. Enforces the global limit on requests in flight, the per-host limit,
 * and the per-host gap between request starts, with one lock and one condition: a caller of {@link #take}
 * sleeps exactly until the earliest host becomes ready, so there is neither a thread parked per host nor
 * busy-waiting. Hosts ready to go sit in a heap ordered by their next allowed start.
 *
 * <p>The scheduler also knows when the crawl is over: nothing queued that may start, nothing waiting for a
 * retry, and no item leased. Every taken item stays leased until {@link #finish} or a requeue, so links
 * that a page is still discovering keep the crawl alive.
 */
public final class Scheduler {
    /** How late a thread may wake for a start reserved crawl-wide and still use it. */
    private static final Duration LATE = Duration.ofMillis(10);
    /** Starts reserved at most for one request before it goes anyway (late on a machine that busy). */
    private static final int TURNS = 4;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Map<String, HostQueue> hosts = new HashMap<>();
    private final PriorityQueue<HostQueue> ready =
            new PriorityQueue<>(Comparator.comparingLong((HostQueue h) -> h.nextStartNanos));
    private final PriorityQueue<Delayed> retries = new PriorityQueue<>(Comparator.comparingLong(Delayed::dueNanos));
    /** Hosts dropped from the heap because only fresh items were left and the page budget ran out. */
    private final Set<HostQueue> parkedForBudget = new LinkedHashSet<>();
    private final int concurrency;
    private final int perHost;
    private final long defaultDelayNanos;
    private final Function<String, String> hostOf;
    private final LongSupplier nanoTime;
    private final SharedPace sharedPace;
    /** The shortest round trip of a crawl-wide reservation so far, in ns (none yet: MAX_VALUE, counted as 0). */
    private final java.util.concurrent.atomic.AtomicLong fastestRoundTrip = new java.util.concurrent.atomic.AtomicLong(Long.MAX_VALUE);
    private long pageBudget;
    private int inFlight;
    private int leased;
    private long leasesEnded;
    private int queued;
    private boolean stopped;
    private boolean moreMayCome = true;

    private record Delayed(CrawlItem item, long dueNanos) {}

    /**
     * @param pageBudget how many fresh items may still start (--max-pages less what is stored), Long.MAX_VALUE for no limit
     * @param hostOf     the politeness key of a URL, usually its host
     */
    public Scheduler(int concurrency, int perHost, Duration delay, long pageBudget,
                     Function<String, String> hostOf, LongSupplier nanoTime) {
        this(concurrency, perHost, delay, pageBudget, hostOf, nanoTime, SharedPace.NONE);
    }

    /**
     * @param sharedPace keeps the gap between request starts across processes for hosts this one holds only some
     *                   slots of ({@link #setHostSlots}); never asked about a host it holds all --per-host slots of
     */
    public Scheduler(int concurrency, int perHost, Duration delay, long pageBudget,
                     Function<String, String> hostOf, LongSupplier nanoTime, SharedPace sharedPace) {
        if (concurrency < 1 || perHost < 1) {
            throw new IllegalArgumentException("concurrency and perHost must be >= 1, got " + concurrency + ", " + perHost);
        }
        this.concurrency = concurrency;
        this.perHost = perHost;
        this.defaultDelayNanos = delay.toNanos();
        this.pageBudget = pageBudget;
        this.hostOf = hostOf;
        this.nanoTime = nanoTime;
        this.sharedPace = sharedPace;
    }

    /** Queues a newly discovered item behind the others of its host. */
    public void add(CrawlItem item) {
        withLock(() -> {
            if (!moreMayCome) throw new IllegalStateException("no more items were promised, yet " + item.url() + " came");
            HostQueue host = hostFor(item);
            host.fresh.addLast(item);
            queued++;
            markReady(host);
        });
    }

    /**
     * Queues an item that is no page and takes no page budget (a sitemap's request, --sitemaps): it goes before the
     * host's fresh items, within the host's limits like any request. Refused once no more items were promised.
     */
    public void addOutsideBudget(CrawlItem item) {
        withLock(() -> {
            if (!moreMayCome) throw new IllegalStateException("no more items were promised, yet " + item.current() + " came");
            HostQueue host = hostFor(item);
            host.started.addLast(item);
            queued++;
            markReady(host);
        });
    }

    /**
     * Gives a leased item back to go first on its host, at once (after robots.txt was fetched, or for a
     * redirect hop), or after {@code delay} (a retry). With {@code holdHost} the whole host waits that long,
     * as a server's Retry-After or 429 asks.
     */
    public void requeue(Lease lease, CrawlItem item, Duration delay, boolean holdHost) {
        withLock(() -> {
            if (lease.ended) throw new IllegalStateException("lease already ended for " + item.url());
            endLease(lease);
            long due = nanoTime.getAsLong() + delay.toNanos();
            HostQueue host = hostFor(item);
            if (holdHost && due > host.nextStartNanos) {
                reschedule(host, due);
            }
            if (delay.isZero()) {
                host.started.addFirst(item);
                markReady(host);
            } else {
                retries.add(new Delayed(item, due));
                host.retrying++;
            }
            queued++;
        });
    }

    /**
     * Blocks until a request may start and returns its lease, or returns null when the crawl is over (or
     * {@link #stop}ped). The caller must {@link #release} the lease when the response is complete.
     */
    public Lease take() throws InterruptedException {
        lock.lockInterruptibly();
        try {
            while (true) {
                if (stopped) return null;
                long now = nanoTime.getAsLong();
                Lease lease = leaseIfReady(now);
                if (lease != null) return lease;
                if (isOver()) return null;
                long wait = nanosUntilSomethingChanges(now);
                if (wait > 0) changed.awaitNanos(wait);
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * As {@link #take}, without waiting: a lease if a request may start now, else null (also when stopped). For a
     * caller that drives the clock itself, as the crawl's unit tests do.
     */
    public Lease tryTake() {
        return withLock(() -> stopped ? null : leaseIfReady(nanoTime.getAsLong()));
    }

    /**
     * True when the crawl is over, as {@link #take} decides it: no more items may come ({@link #noMoreItems}), and
     * nothing is leased, in flight, ready or waiting for a retry.
     */
    public boolean isFinished() {
        return withLock(this::isOver);
    }

    private Lease leaseIfReady(long now) {
        moveDueRetries(now);
        if (inFlight >= concurrency) return null;
        HostQueue host = nextReadyHost(now);
        return host == null ? null : lease(host, now);
    }

    /** The request is complete (response read or failed): frees its slot on the host and globally. */
    public void release(Lease lease) {
        withLock(() -> {
            if (lease.released) return;
            lease.released = true;
            inFlight--;
            lease.host.inFlight--;
            markReady(lease.host);
        });
    }

    /**
     * The item is fully handled and its discoveries are {@link #add}ed. Releases the request slot too if
     * that was not done yet. Idempotent, so a task can always call it last.
     */
    public void finish(Lease lease) {
        withLock(() -> endLease(lease));
    }

    /** Gives back one unit of page budget (a fresh item turned out not to be fetched, e.g. robots denied it). */
    public void refundPage() {
        withLock(() -> {
            if (pageBudget == Long.MAX_VALUE) return;
            pageBudget++;
            var parked = java.util.List.copyOf(parkedForBudget);
            parkedForBudget.clear();
            parked.forEach(this::markReady);
        });
    }

    /**
     * Widens the gap between request starts for one host (robots.txt Crawl-delay); never narrows it. The
     * next start moves out at once, so the request right after robots.txt already keeps the new pace. On a crawl
     * shared with other workers the wider gap is also reserved once crawl-wide ({@link SharedPace}), as if a request
     * started now, so that the others, and a worker that takes the host over later, keep it too.
     */
    public void raiseHostDelay(String host, Duration delay) {
        boolean raised = withLock(() -> {
            HostQueue queue = queueOf(host);
            if (delay.toNanos() <= queue.delayNanos) return false;
            queue.delayNanos = delay.toNanos();
            if (queue.lastStartNanos != Long.MIN_VALUE) {
                reschedule(queue, Math.max(queue.nextStartNanos, queue.lastStartNanos + queue.delayNanos));
            }
            return true;
        });
        if (!raised || sharedPace == SharedPace.NONE) return;
        try {
            sharedPace.reserve(host, delay, Duration.ZERO);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * A host this process has just taken slots of from other workers, one of which may have sent it a request a moment
     * ago: its next request here waits {@code wait} from now, and its requests keep at least {@code gap} (the crawl's:
     * another worker may have learned a larger robots.txt Crawl-delay). Costs one wait per change of hands, nothing
     * on a host nobody paces.
     */
    public void holdOff(String host, Duration wait, Duration gap) {
        withLock(() -> {
            HostQueue queue = queueOf(host);
            if (gap.toNanos() > queue.delayNanos) queue.delayNanos = gap.toNanos();
            long notBefore = nanoTime.getAsLong() + wait.toNanos();
            if (wait.isPositive() && notBefore > queue.nextStartNanos) reschedule(queue, notBefore);
        });
    }

    /**
     * The leased request is being sent now. The delay counts from here rather than from the lease, so time
     * the task spent before sending (robots.txt lookup, connection set-up) does not shorten the gap the
     * server sees. On a host other workers hold slots of too (when this lease was taken or now) and that has a gap,
     * this first waits for the start reserved for the whole crawl ({@link SharedPace}); interrupted, it returns at
     * once with the interrupt set (the request then fails on it).
     */
    public void markStarted(Lease lease) {
        boolean local = withLock(() -> {
            if (lease.paced || isPacedCrawlWide(lease.host)) return false;
            started(lease.host);
            return true;
        });
        if (local) return;
        try {
            awaitCrawlTurn(lease.host);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        withLock(() -> started(lease.host));
    }

    /**
     * Reserves a start for the whole crawl and sleeps until it. The start comes as a wait from the database's now,
     * which lies between asking and hearing back: waiting from the answer never starts early, but may start late by
     * up to the round trip, and a late start shortens the gap before the next worker's turn. So the next turn is pushed
     * out by the shortest round trip this process has seen (what the answer's way back structurally costs, also to a
     * distant database; the host's gap itself stays), and a start later than the reference (the asking, the wait, that round trip) by
     * more than {@link #LATE} (a slow answer, a busy machine waking this thread late) is given up and another reserved,
     * {@link #TURNS} times at most: then the gap between any two workers' starts is at least the crawl's less LATE.
     */
    private void awaitCrawlTurn(HostQueue host) throws InterruptedException {
        for (int turn = 1; ; turn++) {
            long gap = withLock(() -> host.delayNanos);
            long fastest = fastestRoundTrip.get();
            long rtt = fastest == Long.MAX_VALUE ? 0 : fastest;
            long asked = nanoTime.getAsLong();
            Duration wait = sharedPace.reserve(host.host, Duration.ofNanos(gap), Duration.ofNanos(rtt));
            long answered = nanoTime.getAsLong();
            fastestRoundTrip.accumulateAndGet(Math.max(0, answered - asked), Math::min);
            if (wait.isPositive()) Thread.sleep(wait);
            if (nanoTime.getAsLong() - (asked + wait.toNanos() + rtt) <= LATE.toNanos() || turn == TURNS) return;
        }
    }

    /** Another worker may send requests to host (this one holds fewer than --per-host slots), and it has a gap. */
    private boolean isPacedCrawlWide(HostQueue host) {
        return sharedPace != SharedPace.NONE && host.slots < perHost && host.delayNanos > 0;
    }

    private void started(HostQueue host) {
        long now = nanoTime.getAsLong();
        host.lastStartNanos = now;
        if (now + host.delayNanos > host.nextStartNanos) reschedule(host, now + host.delayNanos);
    }

    /**
     * How many requests this process may have in flight to host at once: the slots it holds of a host shared with
     * other workers (at most --per-host; 0 sends nothing new there). Requests in flight above it finish.
     */
    public void setHostSlots(String host, int slots) {
        withLock(() -> {
            HostQueue queue = queueOf(host);
            queue.slots = Math.max(0, Math.min(perHost, slots));
            markReady(queue);
        });
    }

    /**
     * Takes the items of host that were never requested out of the scheduler and returns them, oldest first, for a
     * host this process hands over to another worker. Items already under way (retries, redirect hops) stay and
     * finish here.
     */
    public java.util.List<CrawlItem> withdraw(String host) {
        return withLock(() -> {
            HostQueue queue = hosts.get(host);
            if (queue == null || queue.fresh.isEmpty()) return java.util.List.<CrawlItem>of();
            var items = java.util.List.copyOf(queue.fresh);
            queue.fresh.clear();
            queued -= items.size();
            parkedForBudget.remove(queue);
            changed.signalAll();
            return items;
        });
    }

    /**
     * Gives up slots of host (a hand-over that keeps {@code keep} of them): from now on no more than keep requests at
     * once go there, and the never-requested items above keep's share of them (of n, the newest n - ceil(n × keep /
     * slots held)) are taken out and returned, oldest first, so that the workers taking the slots find URLs of the
     * host to fetch rather than all of them claimed here.
     */
    public java.util.List<CrawlItem> shrinkSlots(String host, int keep) {
        return withLock(() -> {
            HostQueue queue = queueOf(host);
            int held = queue.slots;
            queue.slots = Math.max(0, Math.min(perHost, keep));
            int n = queue.fresh.size();
            int kept = held <= 0 ? n : (int) Math.min(n, ((long) n * queue.slots + held - 1) / held);
            var items = new java.util.ArrayList<CrawlItem>();
            while (queue.fresh.size() > kept) items.addFirst(queue.fresh.pollLast());
            queued -= items.size();
            markReady(queue);
            return items;
        });
    }

    /** Requests in flight to host now. */
    public int inFlight(String host) {
        return withLock(() -> {
            HostQueue queue = hosts.get(host);
            return queue == null ? 0 : queue.inFlight;
        });
    }

    /** Nothing of host is queued, waiting for a retry, leased or in flight: it can change hands cleanly. */
    public boolean isHostIdle(String host) {
        return withLock(() -> {
            HostQueue queue = hosts.get(host);
            return queue == null || queue.isIdle();
        });
    }

    /** Says that nothing will be {@link #add}ed any more, so {@link #take} may end the crawl once idle. */
    public void noMoreItems() {
        withLock(() -> {
            moreMayCome = false;
            changed.signalAll(); // a take() waiting for work may now find the crawl over
        });
    }

    /** True when nothing is queued, waiting for a retry, or leased: no item can discover anything now. */
    public boolean isIdle() {
        return withLock(() -> leased == 0 && queued == 0);
    }

    /** True when --max-pages is spent: fresh items would not start, so there is no point in adding any. */
    public boolean isBudgetSpent() {
        return withLock(() -> pageBudget <= 0);
    }

    /** Waits until fewer than {@code count} items are queued, or at most {@code timeout}. */
    public void awaitQueuedBelow(int count, Duration timeout) throws InterruptedException {
        long left = timeout.toNanos();
        lock.lockInterruptibly();
        try {
            while (queued >= count && !stopped && left > 0) left = changed.awaitNanos(left);
        } finally {
            lock.unlock();
        }
    }

    /** How many leases have ended so far: each ended lease has handed its discoveries to the store. */
    public long leasesEnded() {
        return withLock(() -> leasesEnded);
    }

    /** Waits until {@link #leasesEnded()} reaches target, at most timeout. */
    public void awaitLeasesEnded(long target, Duration timeout) throws InterruptedException {
        long left = timeout.toNanos();
        lock.lockInterruptibly();
        try {
            while (leasesEnded < target && !stopped && left > 0) left = changed.awaitNanos(left);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Takes a request slot of host (and of the global limit) for a request that is no item's own: one that a rendered
     * page makes (a script, an XHR). Waits until --per-host and --concurrency allow it, or until deadlineNanos (on
     * this scheduler's clock). Such requests do not wait for --delay: a browser loads a page's parts together.
     *
     * @return false when the deadline came first or the scheduler was stopped; true: call {@link #releaseSlot}
     */
    public boolean acquireSlot(String host, long deadlineNanos) throws InterruptedException {
        lock.lockInterruptibly();
        try {
            HostQueue queue = queueOf(host);
            while (true) {
                if (stopped) return false;
                if (inFlight < concurrency && queue.inFlight < queue.slots) {
                    inFlight++;
                    queue.inFlight++;
                    return true;
                }
                long left = deadlineNanos - nanoTime.getAsLong();
                if (left <= 0) return false;
                changed.awaitNanos(left);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Gives back a slot taken by {@link #acquireSlot}. */
    public void releaseSlot(String host) {
        withLock(() -> {
            HostQueue queue = queueOf(host);
            inFlight--;
            queue.inFlight--;
            markReady(queue);
        });
    }

    /** Stops handing out leases; {@link #take} returns null from now on. Leased items may still finish. */
    public void stop() {
        withLock(() -> {
            stopped = true;
            changed.signalAll();
        });
    }

    /** Items waiting to start (fresh, requeued and retries). */
    public int queued() {
        return withLock(() -> queued);
    }

    /** Requests in flight. */
    public int inFlight() {
        return withLock(() -> inFlight);
    }

    /** Items taken and not yet finished or requeued. */
    public int leased() {
        return withLock(() -> leased);
    }

    private Lease lease(HostQueue host, long now) {
        CrawlItem item = host.started.pollFirst();
        if (item == null) {
            item = host.fresh.pollFirst();
            if (pageBudget != Long.MAX_VALUE) pageBudget--;
        }
        queued--;
        inFlight++;
        leased++;
        host.inFlight++;
        host.leased++;
        host.nextStartNanos = now + host.delayNanos;
        host.lastStartNanos = now;
        markReady(host);
        Lease lease = new Lease(item, host);
        lease.paced = isPacedCrawlWide(host);
        return lease;
    }

    private void endLease(Lease lease) {
        if (lease.ended) return;
        lease.ended = true;
        if (!lease.released) {
            lease.released = true;
            inFlight--;
            lease.host.inFlight--;
            markReady(lease.host);
        }
        leased--;
        lease.host.leased--;
        leasesEnded++;
        changed.signalAll();
    }

    /** Pops hosts off the heap until one may start now; drops hosts that have nothing startable. */
    private HostQueue nextReadyHost(long now) {
        while (true) {
            HostQueue host = ready.peek();
            if (host == null || host.nextStartNanos > now) return null;
            ready.poll();
            host.inReadyHeap = false;
            if (host.inFlight < host.slots && host.hasWork(pageBudget > 0)) return host;
            markReady(host); // parks it if only the page budget holds it back
        }
    }

    private boolean isOver() {
        return !moreMayCome && leased == 0 && retries.isEmpty() && ready.isEmpty() && inFlight == 0;
    }

    private long nanosUntilSomethingChanges(long now) {
        long wait = TimeUnit.SECONDS.toNanos(1);
        HostQueue head = ready.peek();
        if (head != null && inFlight < concurrency) wait = Math.min(wait, head.nextStartNanos - now);
        Delayed retry = retries.peek();
        if (retry != null) wait = Math.min(wait, retry.dueNanos - now);
        return Math.max(wait, 1);
    }

    private void moveDueRetries(long now) {
        while (!retries.isEmpty() && retries.peek().dueNanos <= now) {
            CrawlItem item = retries.poll().item;
            HostQueue host = hostFor(item);
            host.retrying--;
            host.started.addLast(item);
            markReady(host);
        }
    }

    /** Puts a host in the ready heap if it may get a request; the heap is cleaned lazily in nextReadyHost. */
    private void markReady(HostQueue host) {
        if (!host.inReadyHeap && host.inFlight < host.slots) {
            if (host.hasWork(pageBudget > 0)) {
                host.inReadyHeap = true;
                ready.add(host);
            } else if (!host.fresh.isEmpty()) {
                parkedForBudget.add(host); // fresh items wait for a refund of the page budget
            }
        }
        changed.signalAll();
    }

    private void reschedule(HostQueue host, long nextStart) {
        if (host.inReadyHeap) ready.remove(host);
        host.inReadyHeap = false;
        host.nextStartNanos = nextStart;
        markReady(host);
    }

    private HostQueue hostFor(CrawlItem item) {
        return queueOf(hostOf.apply(item.current()));
    }

    private HostQueue queueOf(String host) {
        return hosts.computeIfAbsent(host, h -> new HostQueue(h, defaultDelayNanos, perHost));
    }

    private void withLock(Runnable action) {
        lock.lock();
        try {
            action.run();
        } finally {
            lock.unlock();
        }
    }

    private <T> T withLock(java.util.function.Supplier<T> action) {
        lock.lock();
        try {
            return action.get();
        } finally {
            lock.unlock();
        }
    }
}
