package dev.trawl.frontier;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SchedulerTest {
    private static String host(String url) {
        return url.substring(0, url.indexOf('/', 8));
    }

    /** A thread that blocks in take() and puts what it got into got. */
    private static Thread takeInBackground(Scheduler sched, java.util.concurrent.atomic.AtomicReference<Lease> got) {
        return Thread.ofVirtual().start(() -> {
            try {
                got.set(sched.take());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    private static Scheduler scheduler(int concurrency, int perHost, Duration delay, long budget, AtomicLong clock) {
        return new Scheduler(concurrency, perHost, delay, budget, SchedulerTest::host, clock::get);
    }

    @Test
    void manyWorkersTakeEveryItemExactlyOnceWithinTheLimits() throws Exception {
        int hosts = 20;
        int perHostItems = 500;
        var sched = new Scheduler(16, 2, Duration.ZERO, Long.MAX_VALUE, SchedulerTest::host, System::nanoTime);
        for (int h = 0; h < hosts; h++) {
            for (int i = 0; i < perHostItems; i++) sched.add(CrawlItem.of("http://h" + h + ".test/" + i, 0));
        }
        sched.noMoreItems();
        Map<String, AtomicInteger> taken = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> inFlightPerHost = new ConcurrentHashMap<>();
        var maxPerHost = new AtomicInteger();
        var inFlight = new AtomicInteger();
        var maxInFlight = new AtomicInteger();
        try (var workers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int w = 0; w < 64; w++) {
                workers.execute(() -> {
                    try {
                        Lease lease;
                        while ((lease = sched.take()) != null) {
                            String url = lease.item().url();
                            taken.computeIfAbsent(url, u -> new AtomicInteger()).incrementAndGet();
                            int hostNow = inFlightPerHost.computeIfAbsent(host(url), u -> new AtomicInteger()).incrementAndGet();
                            maxPerHost.accumulateAndGet(hostNow, Math::max);
                            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                            Thread.yield();
                            inFlight.decrementAndGet();
                            inFlightPerHost.get(host(url)).decrementAndGet();
                            sched.release(lease);
                            sched.finish(lease);
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
            }
        }
        assertThat(taken).hasSize(hosts * perHostItems);
        assertThat(taken.values()).allSatisfy(n -> assertThat(n.get()).isEqualTo(1));
        assertThat(maxPerHost.get()).isLessThanOrEqualTo(2);
        assertThat(maxInFlight.get()).isLessThanOrEqualTo(16);
        assertThat(sched.queued()).isZero();
        assertThat(sched.leased()).isZero();
        assertThat(sched.inFlight()).isZero();
    }

    @Test
    void takeWaitsForMoreItemsUntilToldNoneWillCome() throws Exception {
        var sched = new Scheduler(4, 4, Duration.ZERO, Long.MAX_VALUE, SchedulerTest::host, System::nanoTime);
        var taken = new java.util.concurrent.LinkedBlockingQueue<String>();
        var worker = Thread.ofVirtual().start(() -> {
            try {
                Lease lease;
                while ((lease = sched.take()) != null) {
                    taken.add(lease.item().url());
                    sched.release(lease);
                    sched.finish(lease);
                }
                taken.add("END");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        sched.add(CrawlItem.of("http://a.test/0", 0));
        assertThat(taken.poll(5, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo("http://a.test/0");
        assertThat(taken.poll(200, java.util.concurrent.TimeUnit.MILLISECONDS)).as("idle, but more may come").isNull();
        sched.add(CrawlItem.of("http://a.test/1", 1));
        assertThat(taken.poll(5, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo("http://a.test/1");
        sched.noMoreItems();
        assertThat(taken.poll(5, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo("END");
        assertThat(worker.join(Duration.ofSeconds(5))).isTrue();
    }

    @Test
    void pageBudgetStopsFreshItemsButNotRetries() throws Exception {
        var clock = new AtomicLong();
        var sched = scheduler(4, 4, Duration.ZERO, 2, clock);
        for (int i = 0; i < 5; i++) sched.add(CrawlItem.of("http://a.test/" + i, 0));
        sched.noMoreItems();
        Lease first = sched.take();
        Lease second = sched.take();
        sched.requeue(first, first.item().nextAttempt(), Duration.ZERO, false); // a retry of an item already started
        Lease retried = sched.take();
        assertThat(retried.item().attempt()).isEqualTo(1);
        sched.finish(second);
        sched.finish(retried);
        assertThat(sched.take()).as("budget spent and nothing leased: the crawl is over").isNull();
        assertThat(sched.queued()).isEqualTo(3);
    }

    @Test
    void refundedBudgetLetsAnotherFreshItemStart() throws Exception {
        var clock = new AtomicLong();
        var sched = scheduler(4, 4, Duration.ZERO, 1, clock);
        sched.add(CrawlItem.of("http://a.test/0", 0));
        sched.add(CrawlItem.of("http://a.test/1", 0));
        Lease denied = sched.take();
        sched.release(denied);
        sched.refundPage();
        sched.finish(denied);
        Lease next = sched.take();
        assertThat(next).isNotNull();
        assertThat(next.item().url()).isEqualTo("http://a.test/1");
    }

    @Test
    void delaySpacesStartsOnOneHostButNotAcrossHosts() throws Exception {
        var clock = new AtomicLong(1_000_000_000L);
        var sched = scheduler(8, 8, Duration.ofMillis(100), Long.MAX_VALUE, clock);
        sched.add(CrawlItem.of("http://a.test/1", 0));
        sched.add(CrawlItem.of("http://a.test/2", 0));
        sched.add(CrawlItem.of("http://b.test/1", 0));
        Lease a1 = sched.take();
        Lease b1 = sched.take();
        assertThat(a1.item().url()).isEqualTo("http://a.test/1");
        assertThat(b1.item().url()).isEqualTo("http://b.test/1");
        // asserted here, not in the waiter: a failed assertion on another thread would only end that thread
        var got = new java.util.concurrent.atomic.AtomicReference<Lease>();
        var clockWhenTaken = new AtomicLong(-1);
        Thread waiter = Thread.ofVirtual().start(() -> {
            try {
                got.set(sched.take());
                clockWhenTaken.set(clock.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Thread.sleep(50);
        assertThat(got.get()).as("a.test/2 must wait for the delay").isNull();
        clock.set(1_100_000_000L); // the scheduler re-checks the clock at least once a second
        assertThat(waiter.join(Duration.ofSeconds(5))).as("take() returned once the delay passed").isTrue();
        assertThat(clockWhenTaken.get()).as("clock when a.test/2 was taken").isGreaterThanOrEqualTo(1_100_000_000L);
        assertThat(got.get().item().url()).isEqualTo("http://a.test/2");
    }

    @Test
    void holdHostDelaysEveryItemOfThatHost() throws Exception {
        var clock = new AtomicLong(0);
        var sched = scheduler(8, 8, Duration.ZERO, Long.MAX_VALUE, clock);
        sched.add(CrawlItem.of("http://a.test/1", 0));
        sched.add(CrawlItem.of("http://a.test/2", 0));
        Lease first = sched.take();
        sched.requeue(first, first.item().nextAttempt(), Duration.ofSeconds(10), true);
        var got = new java.util.concurrent.atomic.AtomicReference<Lease>();
        Thread waiter = takeInBackground(sched, got);
        Thread.sleep(100);
        assertThat(got.get()).as("the whole host waits for Retry-After").isNull();
        clock.set(Duration.ofSeconds(10).toNanos());
        assertThat(waiter.join(Duration.ofSeconds(5))).isTrue();
        assertThat(got.get().item().url()).isEqualTo("http://a.test/1");
    }

    @Test
    void aHostTakenOverWaitsOutItsDelayBeforeItsFirstRequestHere() throws Exception {
        var clock = new AtomicLong(5_000_000_000L);
        var sched = scheduler(8, 8, Duration.ofMillis(200), Long.MAX_VALUE, clock);
        sched.holdOff("http://a.test", Duration.ofMillis(200), Duration.ZERO);
        sched.holdOff("http://b.test", Duration.ofMillis(200), Duration.ZERO);
        sched.add(CrawlItem.of("http://a.test/1", 0));
        sched.add(CrawlItem.of("http://c.test/1", 0));
        assertThat(sched.take().item().url()).as("a host not taken over starts at once").isEqualTo("http://c.test/1");
        var got = new java.util.concurrent.atomic.AtomicReference<Lease>();
        Thread waiter = takeInBackground(sched, got);
        Thread.sleep(100);
        assertThat(got.get()).as("a.test was taken over just now").isNull();
        clock.addAndGet(Duration.ofMillis(200).toNanos());
        assertThat(waiter.join(Duration.ofSeconds(5))).isTrue();
        assertThat(got.get().item().url()).isEqualTo("http://a.test/1");
    }

    @Test
    void aHostTakenOverTakesTheCrawlsLargerGap() throws Exception {
        var clock = new AtomicLong(0);
        var sched = scheduler(8, 8, Duration.ofMillis(100), Long.MAX_VALUE, clock);
        sched.holdOff("http://a.test", Duration.ZERO, Duration.ofSeconds(1)); // another worker learned a Crawl-delay
        for (int i = 0; i < 2; i++) sched.add(CrawlItem.of("http://a.test/" + i, 0));
        Lease first = sched.take();
        sched.markStarted(first);
        var got = new java.util.concurrent.atomic.AtomicReference<Lease>();
        Thread waiter = takeInBackground(sched, got);
        clock.addAndGet(Duration.ofMillis(500).toNanos());
        Thread.sleep(100);
        assertThat(got.get()).as("--delay has passed, the crawl's 1 s gap has not").isNull();
        clock.addAndGet(Duration.ofMillis(500).toNanos());
        waiter.join(5000);
        assertThat(got.get()).isNotNull();
    }

    @Test
    void aHostSharedWithOtherWorkersReservesEachStartForTheWholeCrawl() throws Exception {
        var clock = new AtomicLong(0);
        var asked = new java.util.concurrent.CopyOnWriteArrayList<String>();
        SharedPace pace = (host, gap, margin) -> {
            asked.add(host + " " + gap.toMillis());
            return Duration.ofMillis(30);
        };
        var sched = new Scheduler(8, 4, Duration.ofMillis(200), Long.MAX_VALUE, SchedulerTest::host, clock::get, pace);
        for (int i = 0; i < 3; i++) sched.add(CrawlItem.of("http://a.test/" + i, 0));
        sched.add(CrawlItem.of("http://b.test/0", 0));
        sched.setHostSlots("http://a.test", 2); // the other two slots are another worker's
        sched.setHostSlots("http://b.test", 4); // all of b: this worker keeps b's gap alone

        Lease shared = sched.take();
        assertThat(shared.item().url()).isEqualTo("http://a.test/0");
        long before = System.nanoTime();
        sched.markStarted(shared);
        assertThat(System.nanoTime() - before).as("waited for the reserved start").isGreaterThanOrEqualTo(25_000_000L);
        assertThat(asked).containsExactly("http://a.test 200");

        Lease whole = sched.take();
        assertThat(whole.item().url()).isEqualTo("http://b.test/0");
        sched.markStarted(whole);
        assertThat(asked).as("b.test is this worker's alone").hasSize(1);

        clock.addAndGet(Duration.ofMillis(200).toNanos());
        Lease second = sched.take();
        sched.setHostSlots("http://a.test", 4); // taken whole after the lease: its start was still shared
        sched.markStarted(second);
        assertThat(asked).hasSize(2);

        sched.finish(shared);
        sched.finish(second);
        sched.raiseHostDelay("http://a.test", Duration.ofSeconds(1));
        assertThat(asked).as("a Crawl-delay learned here is reserved crawl-wide at once").hasSize(3)
                .last().isEqualTo("http://a.test 1000");
        sched.raiseHostDelay("http://a.test", Duration.ofSeconds(1));
        assertThat(asked).as("only when it grows").hasSize(3);
        sched.setHostSlots("http://a.test", 1);
        clock.addAndGet(Duration.ofSeconds(1).toNanos());
        Lease third = sched.take();
        sched.markStarted(third);
        assertThat(asked).as("and asked for with each start").hasSize(4).last().isEqualTo("http://a.test 1000");
    }

    @Test
    void theGapAskedForCoversTheWayBackOfTheFastestReservation() throws Exception {
        var clock = new AtomicLong(0);
        var gaps = new java.util.concurrent.CopyOnWriteArrayList<Long>();
        SharedPace pace = (host, gap, margin) -> {
            gaps.add(gap.toMillis() + margin.toMillis());
            clock.addAndGet(Duration.ofMillis(gaps.size() == 1 ? 6 : 4).toNanos()); // round trips of 6, then 4 ms
            return Duration.ZERO;
        };
        var sched = new Scheduler(8, 4, Duration.ofMillis(200), Long.MAX_VALUE, SchedulerTest::host, clock::get, pace);
        for (int i = 0; i < 3; i++) sched.add(CrawlItem.of("http://a.test/" + i, 0));
        sched.setHostSlots("http://a.test", 1);
        for (int i = 0; i < 3; i++) {
            Lease lease = sched.take();
            sched.markStarted(lease);
            sched.finish(lease);
            clock.addAndGet(Duration.ofMillis(300).toNanos());
        }
        // a start may be late by the answer's way back: the next worker's turn is pushed out by that much
        assertThat(gaps).containsExactly(200L, 206L, 204L);
    }

    @Test
    void givingUpSlotsGivesUpTheirShareOfTheHostsUnstartedItems() throws Exception {
        var sched = scheduler(8, 4, Duration.ZERO, Long.MAX_VALUE, new AtomicLong());
        for (int i = 0; i < 6; i++) sched.add(CrawlItem.of("http://a.test/" + i, 0));
        sched.add(CrawlItem.of("http://b.test/0", 0));

        assertThat(sched.shrinkSlots("http://a.test", 1)).as("the newest, of 6 with 4 slots: 1 slot keeps 2")
                .extracting(CrawlItem::url)
                .containsExactly("http://a.test/2", "http://a.test/3", "http://a.test/4", "http://a.test/5");
        assertThat(sched.queued()).isEqualTo(3);
        Lease first = sched.take();
        assertThat(first.item().url()).isEqualTo("http://a.test/0");
        assertThat(sched.take().item().url()).as("one slot: a.test waits, b.test goes").isEqualTo("http://b.test/0");
        sched.finish(first);
        assertThat(sched.take().item().url()).isEqualTo("http://a.test/1");
    }

    @Test
    void aReservedStartMissedByASlowWakeIsReservedAgain() throws Exception {
        var clock = new AtomicLong(0);
        var calls = new java.util.concurrent.atomic.AtomicInteger();
        SharedPace pace = (host, gap, margin) -> {
            calls.incrementAndGet();
            return Duration.ofMillis(1);
        };
        // every reading of this clock is 50 ms after the one before: the thread always wakes late
        var sched = new Scheduler(8, 4, Duration.ofMillis(200), Long.MAX_VALUE, SchedulerTest::host,
                () -> clock.addAndGet(50_000_000L), pace);
        sched.add(CrawlItem.of("http://a.test/0", 0));
        sched.setHostSlots("http://a.test", 1);
        sched.markStarted(sched.take());
        assertThat(calls.get()).as("reserved again, four turns at most").isEqualTo(4);

        var onTime = new Scheduler(8, 4, Duration.ofMillis(200), Long.MAX_VALUE, SchedulerTest::host, clock::get, pace);
        onTime.add(CrawlItem.of("http://a.test/0", 0));
        onTime.setHostSlots("http://a.test", 1);
        calls.set(0);
        onTime.markStarted(onTime.take());
        assertThat(calls.get()).isEqualTo(1);
    }

    @Test
    void holdOffCostsNothingWithoutADelay() throws Exception {
        var clock = new AtomicLong(0);
        var sched = scheduler(8, 8, Duration.ZERO, Long.MAX_VALUE, clock);
        sched.holdOff("http://a.test", Duration.ZERO, Duration.ZERO);
        sched.add(CrawlItem.of("http://a.test/1", 0));
        assertThat(sched.take().item().url()).isEqualTo("http://a.test/1");
    }

    @Test
    void leasesEndedCountsFinishedItemsAndWakesAWaiter() throws Exception {
        var sched = scheduler(8, 8, Duration.ZERO, Long.MAX_VALUE, new AtomicLong());
        sched.add(CrawlItem.of("http://a.test/1", 0));
        sched.add(CrawlItem.of("http://a.test/2", 0));
        Lease first = sched.take();
        Lease second = sched.take();
        assertThat(sched.leasesEnded()).isZero();
        var woke = new java.util.concurrent.atomic.AtomicLong(-1);
        var waiter = Thread.ofVirtual().start(() -> {
            try {
                sched.awaitLeasesEnded(2, Duration.ofSeconds(30));
                woke.set(sched.leasesEnded());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        sched.finish(first);
        Thread.sleep(50);
        assertThat(woke.get()).as("one of two ended").isEqualTo(-1);
        sched.release(second); // a released request is not an ended lease
        Thread.sleep(50);
        assertThat(woke.get()).isEqualTo(-1);
        sched.finish(second);
        assertThat(waiter.join(Duration.ofSeconds(5))).isTrue();
        assertThat(woke.get()).isEqualTo(2);
    }

    @Test
    void aHostsSlotsLimitItsRequestsAndAWithdrawnHostFinishesOnlyWhatIsUnderWay() throws Exception {
        var clock = new AtomicLong();
        var sched = scheduler(8, 4, Duration.ZERO, Long.MAX_VALUE, clock);
        for (int i = 0; i < 5; i++) sched.add(CrawlItem.of("http://a.test/" + i, 0));
        sched.setHostSlots("http://a.test", 1);

        Lease first = sched.take();
        var second = new java.util.concurrent.atomic.AtomicReference<Lease>();
        Thread waiting = takeInBackground(sched, second);
        Thread.sleep(100);
        assertThat(second.get()).as("one slot: one request at once").isNull();

        assertThat(sched.withdraw("http://a.test")).extracting(CrawlItem::url)
                .containsExactly("http://a.test/1", "http://a.test/2", "http://a.test/3", "http://a.test/4");
        assertThat(sched.isHostIdle("http://a.test")).as("its first request is in flight").isFalse();
        assertThat(sched.inFlight("http://a.test")).isEqualTo(1);
        sched.finish(first);
        assertThat(sched.isHostIdle("http://a.test")).isTrue();
        assertThat(sched.queued()).isZero();
        sched.noMoreItems();
        waiting.join(2000);
        assertThat(second.get()).as("nothing left: the crawl is over").isNull();
    }
}
