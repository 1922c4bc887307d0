package dev.trawl.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trawl.crawl.CrawlSummary.StopReason;
import dev.trawl.frontier.CrawlItem;
import dev.trawl.frontier.Lease;
import dev.trawl.frontier.Scheduler;
import dev.trawl.store.FrontierEntry;
import dev.trawl.store.PageOutcome;
import dev.trawl.store.PageRecord;
import dev.trawl.url.Urls;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The decision that the crawl is over, as a table: the state of the scheduler and the store → whether the feeder
 * finds the frontier exhausted (nothing queued, waiting or leased; the store flushed; still nothing to claim; no other
 * worker with work), what it asked the store, in order, and whether it waited; and whether the dispatcher's
 * {@link Scheduler#take} would end once the feeder stops (nothing leased, queued or waiting for a retry).
 */
class EndOfCrawlTest {
    private static final String URL = TaskBench.SEED + "page";
    private final TestTime time = new TestTime();
    private final RecordingStore store = new RecordingStore();
    private final Scheduler scheduler = new Scheduler(4, 4, Duration.ZERO, Long.MAX_VALUE, Urls::host, time::nanoTime);
    /** Whether a sitemap walk (--sitemaps) may still bring URLs. */
    private volatile boolean walkingSitemaps;
    private final FrontierFeeder feeder = new FrontierFeeder(scheduler, store, 256, 512, Long.MAX_VALUE, e -> {
        throw new AssertionError("the feeder failed", e);
    }, () -> walkingSitemaps, time::nanoTime, time.sleeper());

    /** Puts the scheduler and the store in a row's state. */
    @FunctionalInterface
    interface Given {
        void apply(Scheduler scheduler, RecordingStore store);
    }

    static Stream<Arguments> states() {
        return Stream.of(
                row("nothing leased, queued or waiting; nothing to claim", (s, st) -> {},
                        true, List.of("flush", "claim 0", "hasWorkLeft"), List.of(), true),
                row("a page done earlier, its record committed", (s, st) -> finished(s, st, List.of()),
                        true, List.of("write " + URL, "flush", "claim 0", "hasWorkLeft"), List.of(), true),
                row("a page's discoveries still in the write queue: the flush makes them claimable",
                        (s, st) -> finished(s, st, List.of(new FrontierEntry(TaskBench.SEED + "new", 1))),
                        false, List.of("write " + URL, "flush", "claim 1"), List.of(), false),
                row("a URL pending in the store", (s, st) -> st.addCommittedPending(TaskBench.SEED + "pending"),
                        false, List.of("flush", "claim 1"), List.of(), false),
                row("an item leased (its request in flight)", (s, st) -> leased(s),
                        false, List.of(), List.of(), false),
                row("a retry waiting", (s, st) -> s.requeue(leased(s), CrawlItem.of(URL, 0).nextAttempt(),
                        Duration.ofSeconds(5), false), false, List.of(), List.of(), false),
                row("a redirect hop queued", (s, st) -> {
                    Lease lease = leased(s);
                    s.requeue(lease, lease.item().redirectedTo(TaskBench.SEED + "to"), Duration.ZERO, false);
                }, false, List.of(), List.of(), false),
                row("an item queued", (s, st) -> s.add(CrawlItem.of(URL, 0)), false, List.of(), List.of(), false),
                row("idle here, other workers still hold claims: wait, then look again", (s, st) -> st.workElsewhere = true,
                        false, List.of("flush", "claim 0", "hasWorkLeft"), List.of(Duration.ofMillis(250)), true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("states")
    void decides(String name, Given given, boolean over, List<String> calls, List<Duration> slept,
                 boolean schedulerFinishes) throws Exception {
        given.apply(scheduler, store);

        assertThat(feeder.isExhausted()).as("exhausted").isEqualTo(over);
        assertThat(store.calls()).as("what the feeder asked the store").containsExactlyElementsOf(calls);
        assertThat(time.slept()).isEqualTo(slept);
        scheduler.noMoreItems(); // as the feeder says when it stops
        assertThat(scheduler.isFinished()).as("the dispatcher's take() ends").isEqualTo(schedulerFinishes);
    }

    @Test
    void notOverWhileASitemapWalkMayBringUrls() throws Exception {
        walkingSitemaps = true;

        assertThat(feeder.isExhausted()).isFalse();
        assertThat(store.calls()).as("nothing asked: the walk's URLs may still come").isEmpty();
        walkingSitemaps = false;
        assertThat(feeder.isExhausted()).isTrue();
    }

    @Test
    void theFeederEndsTheCrawlWhenNothingIsLeft() throws Exception {
        finished(scheduler, store, List.of());

        feeder.run(); // returns: the decision was made

        assertThat(store.calls()).containsExactly("write " + URL, "claim 0", "flush", "claim 0", "hasWorkLeft");
        assertThat(scheduler.take()).as("the dispatcher ends").isNull();
    }

    @Test
    void theFeederEndsTheCrawlOnceThePageBudgetIsSpent() throws Exception {
        var budgeted = new Scheduler(4, 4, Duration.ZERO, 1, Urls::host, time::nanoTime);
        store.addCommittedPending(URL);
        store.addCommittedPending(TaskBench.SEED + "second");
        var feeding = new FrontierFeeder(budgeted, store, 256, 1, 1, e -> {
            throw new AssertionError(e);
        }, () -> false, time::nanoTime, time.sleeper());
        budgeted.add(CrawlItem.of(TaskBench.SEED + "first", 0));
        budgeted.finish(budgeted.tryTake()); // the one page the budget allows

        feeding.run();

        assertThat(store.calls()).as("nothing claimed past the budget").isEmpty();
        assertThat(budgeted.take()).isNull();
    }

    /** Why the crawl ended, as the summary says: stopped (or not), URLs left pending, page budget spent → reason. */
    @ParameterizedTest(name = "stopped {0}, {1} pending, budget spent {2} -> {3}")
    @CsvSource(nullValues = "-", value = {
        "-, 0, false, COMPLETE",
        "-, 0, true, COMPLETE",
        "-, 5, true, MAX_PAGES",
        "-, 5, false, COMPLETE", // left pending for another reason (robots.txt unreachable): no page limit
        "CANCELLED, 5, true, CANCELLED",
        "CANCELLED, 0, false, CANCELLED",
        "TIME_LIMIT, 5, true, TIME_LIMIT",
        "TIME_LIMIT, 0, false, TIME_LIMIT"})
    void stopReason(StopReason stopped, long pending, boolean budgetSpent, StopReason expected) {
        assertThat(CrawlRun.stopReasonOf(stopped, pending, budgetSpent)).isEqualTo(expected);
    }

    private static Lease leased(Scheduler s) {
        s.add(CrawlItem.of(URL, 0));
        return s.tryTake();
    }

    /** A page taken, recorded (with its discoveries) and finished, as PageTask does. */
    private static void finished(Scheduler s, RecordingStore st, List<FrontierEntry> discovered) {
        Lease lease = leased(s);
        st.write(new PageRecord(URL, 0, TestTime.START, new PageOutcome.Failed("timeout"), discovered));
        s.finish(lease);
    }

    private static Arguments row(String name, Given given, boolean over, List<String> calls, List<Duration> slept,
                                 boolean schedulerFinishes) {
        return Arguments.of(name, given, over, calls, slept, schedulerFinishes);
    }
}
