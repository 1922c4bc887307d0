package dev.trawl.crawl;

import static dev.trawl.crawl.ScriptedHttp.failure;
import static dev.trawl.crawl.ScriptedHttp.status;
import static dev.trawl.crawl.ScriptedHttp.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.trawl.fetch.FetchError;
import dev.trawl.fetch.HttpAnswer;
import dev.trawl.frontier.CrawlItem;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * PageTask's robots.txt decision, as a table: what robots.txt answers, then steps of the crawl (visit a new URL or run
 * what may start, after moving the clock) → the item waits (how long: the lookup's request slot, a Crawl-delay, a
 * host held while robots.txt is unreachable), is let go unrecorded (robots.txt unreachable on every attempt), or which
 * outcomes are recorded; how many times robots.txt was requested; whether the page budget was refunded. robots.txt
 * backoff: 15 s, doubling, 3 attempts.
 */
class RobotsDecisionTest {
    private static final String A = TaskBench.SEED;
    private static final String ROBOTS = A + "robots.txt";
    private static final HttpAnswer DISALLOW_PRIVATE = text(200, "User-agent: *\nDisallow: /private\n");
    private static final HttpAnswer DISALLOW_ALL = text(200, "User-agent: *\nDisallow: /\n");
    private static final HttpAnswer CRAWL_DELAY_5 = text(200, "User-agent: *\nCrawl-delay: 5\n");
    private static final Duration DAY = Duration.ofHours(24);
    private TaskBench bench;

    @AfterEach
    void close() {
        bench.close();
    }

    /** A step: move the clock on, then visit a new URL (depth 1) of a.test, or (path null) run what may start now. */
    record Step(Duration after, String path) {}

    static Step visit(String path) {
        return new Step(Duration.ZERO, path);
    }

    static Step next(Duration after) {
        return new Step(after, null);
    }

    sealed interface Then {}

    /** Not recorded: the item may start again after this wait (and not a moment before). */
    record Waits(Duration after) implements Then {}

    /** Let go unrecorded, not queued: pending in the store for the next run. */
    record LetGo() implements Then {}

    /** These outcomes, in order. */
    record Recorded(List<String> outcomes) implements Then {}

    static Stream<Arguments> cases() {
        Duration now = Duration.ZERO;
        Duration base = Duration.ofSeconds(15);
        return Stream.of(
                row("fetched now: the page waits its turn, from now", List.of(DISALLOW_PRIVATE), List.of(visit("public")),
                        new Waits(Duration.ZERO), 1, true),
                row("fetched now with Crawl-delay 5: the page waits 5 s", List.of(CRAWL_DELAY_5), List.of(visit("public")),
                        new Waits(Duration.ofSeconds(5)), 1, true),
                row("allowed", List.of(DISALLOW_PRIVATE), List.of(visit("public"), next(now)),
                        recorded("public: fetched 200 at " + A + "public"), 1, true),
                row("denied", List.of(DISALLOW_PRIVATE), List.of(visit("private"), next(now)),
                        recorded("private: denied"), 1, false),
                row("robots.txt 404: all allowed", List.of(status(404)), List.of(visit("private"), next(now)),
                        recorded("private: fetched 200 at " + A + "private"), 1, true),
                row("robots.txt 403: all allowed", List.of(status(403)), List.of(visit("private"), next(now)),
                        recorded("private: fetched 200 at " + A + "private"), 1, true),
                row("robots.txt 503: held 15 s", List.of(status(503)), List.of(visit("public")), new Waits(base), 1, true),
                row("robots.txt timeout: held 15 s", List.of(failure(FetchError.TIMEOUT)), List.of(visit("public")),
                        new Waits(base), 1, true),
                row("robots.txt 503 twice: held 30 s", List.of(status(503)), List.of(visit("public"), next(base)),
                        new Waits(base.multipliedBy(2)), 2, true),
                row("robots.txt 503, then 200: the page goes", List.of(status(503), DISALLOW_PRIVATE),
                        List.of(visit("public"), next(base), next(now)), recorded("public: fetched 200 at " + A + "public"),
                        2, true),
                row("robots.txt 503 on every attempt: let go", List.of(status(503)),
                        List.of(visit("public"), next(base), next(base.multipliedBy(2))), new LetGo(), 3, false),
                row("rules younger than 24 h are used", List.of(DISALLOW_PRIVATE, DISALLOW_ALL),
                        List.of(visit("public"), next(now), new Step(DAY.minusSeconds(1), "public2")),
                        recorded("public: fetched 200 at " + A + "public", "public2: fetched 200 at " + A + "public2"), 1, true),
                row("rules of 24 h are fetched again", List.of(DISALLOW_PRIVATE, DISALLOW_ALL),
                        List.of(visit("public"), next(now), new Step(DAY, "public2"), next(now)),
                        recorded("public: fetched 200 at " + A + "public", "public2: denied"), 2, false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void decides(String name, List<HttpAnswer> robots, List<Step> steps, Then then, int robotsRequests,
                 boolean budgetSpent) throws Exception {
        long visits = steps.stream().filter(s -> s.path() != null).count();
        bench = new TaskBench(new RobotsBackoff(Duration.ofSeconds(15), 3), visits);
        bench.http.answer(ROBOTS, robots.toArray(HttpAnswer[]::new));
        CrawlItem last = null;
        for (Step step : steps) {
            bench.time.advance(step.after());
            if (step.path() == null) {
                bench.runNext();
            } else {
                bench.http.answer(A + step.path(), status(200));
                last = CrawlItem.of(A + step.path(), 1);
                bench.run(last);
            }
        }

        assertThat(bench.http.requests().stream().filter(ROBOTS::equals)).hasSize(robotsRequests);
        switch (then) {
            case Waits waits -> {
                assertThat(bench.store.written()).isEmpty();
                if (!waits.after().isZero()) {
                    bench.time.advance(waits.after().minusMillis(1));
                    assertThat(bench.startable()).as("nothing starts before the wait is over").isNull();
                    bench.time.advance(Duration.ofMillis(1));
                }
                assertThat(bench.startable()).isEqualTo(last);
                assertThat(bench.http.requests()).as("the page itself was not requested").doesNotContain(last.url());
            }
            case LetGo letGo -> {
                assertThat(bench.store.written()).isEmpty();
                assertThat(bench.scheduler.isIdle()).as("nothing queued, waiting or leased").isTrue();
            }
            case Recorded recorded -> {
                assertThat(Outcomes.describe(bench.store.written()))
                        .containsExactlyElementsOf(recorded.outcomes().stream().map(o -> A + o).toList());
                assertThat(bench.scheduler.isIdle()).isTrue();
            }
        }
        assertThat(bench.scheduler.isBudgetSpent()).as("page budget spent (not refunded)").isEqualTo(budgetSpent);
    }

    private static Recorded recorded(String... outcomes) {
        return new Recorded(List.of(outcomes));
    }

    private static Arguments row(String name, List<HttpAnswer> robots, List<Step> steps, Then then, int robotsRequests,
                                 boolean budgetSpent) {
        return Arguments.of(name, robots, steps, then, robotsRequests, budgetSpent);
    }
}
