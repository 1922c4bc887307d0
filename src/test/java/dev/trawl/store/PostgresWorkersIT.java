package dev.trawl.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Several workers on one PostgreSQL frontier: heartbeats tell dead workers from live ones, hosts are leased to one
 * worker at a time. Other workers are played by rows written behind the store's back: a "dead" one with a
 * heartbeat of 1970, a "live" one whose heartbeat is the server's now (alive for Workers.TTL).
 */
class PostgresWorkersIT {
    @RegisterExtension final PostgresTestDatabase db = PostgresTestDatabase.perTest();

    private PageStore open() {
        return Stores.open(db.url());
    }

    private static List<FrontierEntry> urls(String host, int count) {
        List<FrontierEntry> list = new ArrayList<>();
        for (int i = 0; i < count; i++) list.add(new FrontierEntry("http://" + host + "/" + i, 1));
        return list;
    }

    private static List<String> hostsOf(List<FrontierEntry> entries) {
        return entries.stream().map(e -> FrontierEntry.hostOf(e.url())).distinct().toList();
    }

    /** Another worker, as rows: its heartbeat, its lease on host, and its claims on that host's first n URLs. */
    private void otherWorker(String id, boolean alive, String host, int claimed) throws SQLException {
        String beat = alive ? Dialect.POSTGRES.nowMillis() : "0";
        db.execute("INSERT INTO workers (id, hostname, pid, started_at, heartbeat_at) VALUES ('" + id + "', 'elsewhere', 1, 0, " + beat + ")");
        db.execute("INSERT INTO host_slots VALUES ('" + host + "', 0, '" + id + "')");
        db.execute("UPDATE frontier SET state = 2, claimed_by = '" + id + "' WHERE id IN (SELECT id FROM frontier"
                + " WHERE host = '" + host + "' ORDER BY id LIMIT " + claimed + ")");
    }

    private long count(String where) throws SQLException {
        return Long.parseLong(db.scalar("SELECT COUNT(*) FROM frontier WHERE " + where));
    }

    @Test
    void aDeadWorkersClaimsComeBackAndALiveWorkersStay() throws Exception {
        try (PageStore store = open()) {
            store.addPending(urls("dead.test", 5));
            store.addPending(urls("live.test", 5));
            otherWorker("dead", false, "dead.test", 3);
            otherWorker("live", true, "live.test", 2);

            store.coordination().join(new WorkerDemand(4, 1, false));

            assertThat(count("state = 2 AND claimed_by = 'dead'")).isZero();
            assertThat(count("state = 2 AND claimed_by = 'live'")).isEqualTo(2);
            assertThat(db.scalar("SELECT string_agg(id, ',') FROM workers WHERE id IN ('dead', 'live')")).isEqualTo("live");
        }
    }

    @Test
    void aWorkerClaimsOnlyHostsItLeasesAndTakesOverTheHostsOfTheDead() throws Exception {
        try (PageStore store = open()) {
            store.addPending(urls("a.test", 5)); // the longest queue: taken first
            store.addPending(urls("b.test", 4));
            store.addPending(urls("c.test", 4));
            otherWorker("live", true, "b.test", 1);
            otherWorker("dead", false, "c.test", 1);
            store.coordination().join(new WorkerDemand(1, 1, false)); // releases dead's claim, not its lease row: that is free because dead is gone

            List<FrontierEntry> first = store.coordination().claimPending(100);
            assertThat(hostsOf(first)).containsExactly("a.test");
            assertThat(first).hasSize(5);

            List<FrontierEntry> second = store.coordination().claimPending(100);
            assertThat(hostsOf(second)).as("a.test ran dry: the dead worker's host is taken over").containsExactly("c.test");
            assertThat(second).hasSize(4);
            assertThat(db.scalar("SELECT string_agg(host, ',' ORDER BY host) FROM host_slots WHERE worker <> 'live'"))
                    .as("a.test is held until its pages are stored").isEqualTo("a.test,c.test");

            for (FrontierEntry e : first) store.write(TestRecords.ok(e.url(), 1));
            store.flush();
            assertThat(store.coordination().claimPending(100)).isEmpty();
            assertThat(db.scalar("SELECT string_agg(host, ',' ORDER BY host) FROM host_slots WHERE worker <> 'live'"))
                    .as("a.test given back once its pages are stored").isEqualTo("c.test");
            assertThat(db.scalar("SELECT worker FROM host_slots WHERE host = 'b.test'")).isEqualTo("live");
            assertThat(count("host = 'b.test' AND state = 0")).as("the live worker's host is left alone").isEqualTo(3);
        }
    }

    @Test
    void aClaimNamesTheHostsItLeasedSoTheSchedulerCanWaitOutTheirDelay() throws Exception {
        try (PageStore store = open()) {
            store.addPending(urls("a.test", 2));
            store.coordination().join(new WorkerDemand(1, 1, false));

            Claim first = store.coordination().claim(1, Long.MAX_VALUE);
            assertThat(first.hostsLeased()).containsExactly("a.test");
            Claim second = store.coordination().claim(1, Long.MAX_VALUE);
            assertThat(second.entries()).hasSize(1);
            assertThat(second.hostsLeased()).as("already held").isEmpty();

            for (FrontierEntry e : first.entries()) store.write(TestRecords.ok(e.url(), 1));
            for (FrontierEntry e : second.entries()) store.write(TestRecords.ok(e.url(), 1));
            store.flush();
            assertThat(store.coordination().claim(1, Long.MAX_VALUE)).isEqualTo(Claim.NONE); // gives a.test back
            store.addPending(List.of(new FrontierEntry("http://a.test/late", 2)));
            store.flush();
            assertThat(store.coordination().claim(1, Long.MAX_VALUE).hostsLeased()).as("leased anew").containsExactly("a.test");
        }
    }

    @Test
    void claimsAreSpreadOverTheHostsHeld() throws Exception {
        try (PageStore store = open()) {
            for (String host : List.of("a.test", "b.test", "c.test")) store.addPending(urls(host, 10));
            store.coordination().join(new WorkerDemand(3, 1, false));

            List<FrontierEntry> claimed = store.coordination().claimPending(6);

            assertThat(claimed).hasSize(6);
            assertThat(hostsOf(claimed)).containsExactlyInAnyOrder("a.test", "b.test", "c.test");
        }
    }

    @Test
    void workIsLeftWhileAnotherWorkerHoldsClaimsAndNoneOnceTheyAreDone() throws Exception {
        try (PageStore store = open()) {
            store.addPending(urls("b.test", 1));
            otherWorker("live", true, "b.test", 1);
            store.coordination().join(new WorkerDemand(1, 1, false));

            assertThat(store.coordination().claimPending(10)).isEmpty();
            assertThat(store.coordination().hasWorkLeft(Long.MAX_VALUE)).isTrue();

            store.write(TestRecords.ok("http://b.test/0", 1)); // whoever writes the page marks it done
            store.flush();
            assertThat(store.coordination().hasWorkLeft(Long.MAX_VALUE)).isFalse();
        }
    }

    @Test
    void aWorkerThatLeavesGivesBackItsClaimsAndHostsAtOnce() throws Exception {
        PageStore store = open();
        store.addPending(urls("a.test", 5));
        assertThat(store.coordination().claimPending(3)).hasSize(3);

        store.close();

        assertThat(count("state = 2")).isZero();
        assertThat(db.scalar("SELECT COUNT(*) FROM host_slots")).isEqualTo("0");
        assertThat(db.scalar("SELECT COUNT(*) FROM workers")).isEqualTo("0");
    }

    @Test
    void twoWritersThatLinkToEachOthersPagesNeitherDeadlockNorLoseAnything() throws Exception {
        // A marks a_i done and discovers b_i while B marks b_i done and discovers a_i: each batch waits on rows of the
        // other's open transaction, which PostgreSQL breaks by aborting one; the aborted batch must be run again.
        int n = 3000;
        try (PageStore a = open(); PageStore b = open();
             var pool = java.util.concurrent.Executors.newFixedThreadPool(2)) {
            var left = pool.submit(() -> writeCrossLinked(a, "a", "b", n));
            var right = pool.submit(() -> writeCrossLinked(b, "b", "a", n));
            left.get();
            right.get();
            a.flush();
            b.flush();
        }
        assertThat(count("state = 1")).isEqualTo(2L * n);
        assertThat(db.scalar("SELECT COUNT(*) FROM pages")).isEqualTo(Integer.toString(2 * n));
    }

    private static Void writeCrossLinked(PageStore store, String mine, String theirs, int n) throws InterruptedException {
        for (int i = 0; i < n; i++) {
            String other = "http://" + theirs + ".test/" + i;
            store.write(TestRecords.ok("http://" + mine + ".test/" + i, 1, List.of(other),
                    List.of(new FrontierEntry(other, 1))));
        }
        return null;
    }

    @Test
    void aWorkerHeartbeatsOnItsOwnConnection() throws Exception {
        try (PageStore store = open()) {
            store.coordination().join(new WorkerDemand(1, 1, false));
            long first = Long.parseLong(db.scalar("SELECT heartbeat_at FROM workers"));
            Thread.sleep(Workers.HEARTBEAT.toMillis() + 1500);
            assertThat(Long.parseLong(db.scalar("SELECT heartbeat_at FROM workers"))).isGreaterThan(first);
        }
    }

    @Test
    void aWorkerThatJoinsGetsItsShareFromTheWorkerHoldingEveryHost() throws Exception {
        try (PageStore first = open(); PageStore late = open()) {
            for (String host : List.of("a.test", "b.test", "c.test", "d.test")) first.addPending(urls(host, 10));
            first.coordination().join(new WorkerDemand(4, 1, false));
            List<FrontierEntry> claimed = first.coordination().claimPending(100);
            assertThat(hostsOf(claimed)).hasSize(4);
            late.coordination().join(new WorkerDemand(4, 1, false));
            assertThat(late.coordination().claimPending(100)).as("every host is held").isEmpty();

            List<HandOver> handOvers = first.coordination().upkeep().handOvers();

            assertThat(handOvers).as("4 hosts, 2 workers: 2 each").hasSize(2).allSatisfy(h -> assertThat(h.keep()).isZero());
            for (HandOver h : handOvers) {
                List<String> unstarted = claimed.stream().map(FrontierEntry::url)
                        .filter(u -> FrontierEntry.hostOf(u).equals(h.host())).toList();
                first.coordination().handOver(h, unstarted);
            }
            Claim got = late.coordination().claim(100, Long.MAX_VALUE);
            assertThat(got.hostsLeased()).containsExactlyInAnyOrderElementsOf(handOvers.stream().map(HandOver::host).toList());
            assertThat(got.entries()).hasSize(20);
            assertThat(first.coordination().upkeep().handOvers()).as("shares are even now").isEmpty();
            assertThat(count("state = 2")).as("claimed once each").isEqualTo(40);
        }
    }

    @Test
    void oneSitesSlotsAreSplitAmongWorkers() throws Exception {
        try (PageStore first = open(); PageStore second = open()) {
            first.addPending(urls("big.test", 100));
            first.coordination().join(new WorkerDemand(8, 4, true));
            Claim all = first.coordination().claim(40, Long.MAX_VALUE);
            assertThat(all.slots()).containsEntry("big.test", 4);
            second.coordination().join(new WorkerDemand(8, 4, true));

            List<HandOver> handOvers = first.coordination().upkeep().handOvers();

            assertThat(handOvers).containsExactly(new HandOver("big.test", 2));
            first.coordination().handOver(handOvers.getFirst(), List.of());
            Claim half = second.coordination().claim(40, Long.MAX_VALUE);
            assertThat(half.slots()).containsEntry("big.test", 2);
            assertThat(half.entries()).as("16 per slot of a host shared: the rest stays pending for the others")
                    .hasSize(32);
            assertThat(second.coordination().claim(40, Long.MAX_VALUE).entries()).as("counting those claimed").isEmpty();
            assertThat(db.scalar("SELECT COUNT(*) FROM host_slots")).as("never more than --per-host in all").isEqualTo("4");
        }
    }

    @Test
    void aSplitHostsStartsAreReservedForTheWholeCrawlAndATakeOverWaitsAGap() throws Exception {
        java.time.Duration gap = java.time.Duration.ofMillis(200);
        try (PageStore first = open(); PageStore second = open()) {
            first.addPending(urls("big.test", 100));
            first.coordination().join(new WorkerDemand(8, 4, true, gap));
            Claim all = first.coordination().claim(40, Long.MAX_VALUE);
            assertThat(all.takeOvers()).as("a first take pushes the host's next start a gap out")
                    .containsOnlyKeys("big.test");
            second.coordination().join(new WorkerDemand(8, 4, true, gap));
            first.coordination().handOver(first.coordination().upkeep().handOvers().getFirst(), List.of());

            Claim half = second.coordination().claim(40, Long.MAX_VALUE);

            assertThat(half.slots()).containsEntry("big.test", 2);
            TakeOver taken = half.takeOvers().get("big.test");
            assertThat(taken.gap()).isEqualTo(gap);
            assertThat(taken.firstStartIn()).as("the first holder may have sent a request just now")
                    .isBetween(gap.minusMillis(50), gap);
            // reservations by both workers, one after the other, on the database's clock: a gap apart, whoever asks
            long[] starts = new long[4];
            PageStore[] by = {second, first, second, first};
            for (int i = 0; i < starts.length; i++) {
                long asked = System.nanoTime();
                starts[i] = asked + by[i].coordination().reserveStart("big.test", gap, java.time.Duration.ZERO).toNanos();
            }
            for (int i = 1; i < starts.length; i++) {
                assertThat((starts[i] - starts[i - 1]) / 1_000_000).as("gap %d in ms", i).isBetween(180L, 220L);
            }
            long asked = System.nanoTime();
            long wider = asked + second.coordination().reserveStart("big.test", java.time.Duration.ofSeconds(1), java.time.Duration.ZERO).toNanos();
            asked = System.nanoTime();
            long next = asked + first.coordination().reserveStart("big.test", gap, java.time.Duration.ZERO).toNanos();
            assertThat((wider - starts[3]) / 1_000_000).as("a larger gap counts from the last start").isBetween(980L, 1020L);
            assertThat((next - wider) / 1_000_000).as("and holds for everyone after").isBetween(980L, 1020L);
            assertThat(db.scalar("SELECT gap_ms FROM host_pace WHERE host = 'big.test'")).isEqualTo("1000");
            java.time.Duration second1 = java.time.Duration.ofSeconds(1);
            asked = System.nanoTime();
            long late = asked + first.coordination().reserveStart("big.test", second1, java.time.Duration.ofMillis(50)).toNanos();
            asked = System.nanoTime();
            long after = asked + second.coordination().reserveStart("big.test", second1, java.time.Duration.ZERO).toNanos();
            assertThat((after - late) / 1_000_000).as("a margin pushes the next start out once").isBetween(1030L, 1070L);
            assertThat(db.scalar("SELECT gap_ms FROM host_pace WHERE host = 'big.test'")).as("not the gap").isEqualTo("1000");
        }
    }

    @Test
    void aHostWithoutAGapHasNoPaceRow() throws Exception {
        try (PageStore first = open()) {
            first.addPending(urls("big.test", 10));
            first.coordination().join(new WorkerDemand(8, 4, true));
            assertThat(first.coordination().claim(10, Long.MAX_VALUE).takeOvers()).isEmpty();
            assertThat(db.scalar("SELECT COUNT(*) FROM host_pace")).isEqualTo("0");
        }
    }

    @Test
    void wholeHostsAreNeverSplit() throws Exception {
        try (PageStore first = open(); PageStore second = open()) {
            first.addPending(urls("big.test", 100));
            first.coordination().join(new WorkerDemand(8, 4, false));
            assertThat(first.coordination().claim(40, Long.MAX_VALUE).slots()).containsEntry("big.test", 4);
            second.coordination().join(new WorkerDemand(8, 4, false));

            assertThat(first.coordination().upkeep().handOvers()).as("1 host, 2 workers: it stays where it is").isEmpty();
            assertThat(second.coordination().claim(40, Long.MAX_VALUE)).isEqualTo(Claim.NONE);
        }
    }
}
