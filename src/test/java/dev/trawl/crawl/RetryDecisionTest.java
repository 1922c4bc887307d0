package dev.trawl.crawl;

import static dev.trawl.crawl.ScriptedHttp.failure;
import static dev.trawl.crawl.ScriptedHttp.retryAfter;
import static dev.trawl.crawl.ScriptedHttp.status;
import static org.assertj.core.api.Assertions.assertThat;

import dev.trawl.fetch.FetchError;
import dev.trawl.fetch.HttpAnswer;
import dev.trawl.frontier.CrawlItem;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * PageTask's retry decision, as a table: an answer to the item's attempt → retried after which wait, holding its
 * whole host or not (Retry-After and 429 do), or recorded as which outcome. --retries 2; see {@link TaskBench}.
 */
class RetryDecisionTest {
    private static final String URL = TaskBench.SEED + "page";
    private static final String OTHER = TaskBench.SEED + "other";
    private final TaskBench bench = new TaskBench();

    @AfterEach
    void close() {
        bench.close();
    }

    /** What the table expects: a retry after wait (the host held meanwhile or not), or a recorded outcome. */
    sealed interface Then {}

    record Retry(Duration after, boolean holdsHost) implements Then {}

    record Recorded(String outcome) implements Then {}

    static Stream<Arguments> answers() {
        Duration first = TaskBench.backoff(0);
        Duration second = TaskBench.backoff(1);
        return Stream.of(
                // every FetchError: the transient ones are retried with backoff, the rest recorded at once
                row("timeout", 0, failure(FetchError.TIMEOUT), new Retry(first, false)),
                row("connect", 0, failure(FetchError.CONNECT), new Retry(first, false)),
                row("reset", 0, failure(FetchError.RESET), new Retry(first, false)),
                row("dns", 0, failure(FetchError.DNS), new Recorded("failed dns")),
                row("tls", 0, failure(FetchError.TLS), new Recorded("failed tls")),
                row("redirect_loop", 0, failure(FetchError.REDIRECT_LOOP), new Recorded("failed redirect_loop")),
                row("too_many_redirects", 0, failure(FetchError.TOO_MANY_REDIRECTS), new Recorded("failed too_many_redirects")),
                row("too_large", 0, failure(FetchError.TOO_LARGE), new Recorded("failed too_large")),
                row("bad_url", 0, failure(FetchError.BAD_URL), new Recorded("failed bad_url")),
                row("bad_encoding", 0, failure(FetchError.BAD_ENCODING), new Recorded("failed bad_encoding")),
                row("protocol", 0, failure(FetchError.PROTOCOL), new Recorded("failed protocol")),
                row("private_address", 0, failure(FetchError.PRIVATE_ADDRESS), new Recorded("failed private_address")),
                // statuses: 5xx and 408 retried with backoff; 429 too, holding the host; the rest are the outcome
                row("500", 0, status(500), new Retry(first, false)),
                row("501", 0, status(501), new Retry(first, false)),
                row("503", 0, status(503), new Retry(first, false)),
                row("599", 0, status(599), new Retry(first, false)),
                row("408", 0, status(408), new Retry(first, false)),
                row("429", 0, status(429), new Retry(first, true)),
                row("404", 0, status(404), new Recorded("fetched 404 at " + URL)),
                row("400", 0, status(400), new Recorded("fetched 400 at " + URL)),
                row("200", 0, status(200), new Recorded("fetched 200 at " + URL)),
                // Retry-After, in seconds or as an HTTP-date, is obeyed (at most 5 minutes) and holds the host
                row("503 Retry-After: 7", 0, retryAfter(503, "7"), new Retry(Duration.ofSeconds(7), true)),
                row("429 Retry-After: 2", 0, retryAfter(429, "2"), new Retry(Duration.ofSeconds(2), true)),
                row("503 Retry-After: 0", 0, retryAfter(503, "0"), new Retry(Duration.ZERO, true)),
                row("503 Retry-After: in 30 s as a date", 0, retryAfter(503, date(30)), new Retry(Duration.ofSeconds(30), true)),
                row("503 Retry-After: a date past", 0, retryAfter(503, date(-60)), new Retry(Duration.ZERO, true)),
                row("503 Retry-After: 3600 (capped)", 0, retryAfter(503, "3600"), new Retry(Duration.ofMinutes(5), true)),
                row("503 Retry-After: soon (unusable)", 0, retryAfter(503, "soon"), new Retry(first, false)),
                row("503 Retry-After: -5 (unusable)", 0, retryAfter(503, "-5"), new Retry(first, false)),
                row("429 Retry-After: soon (unusable)", 0, retryAfter(429, "soon"), new Retry(first, true)),
                // the second retry waits twice as long
                row("timeout, second try", 1, failure(FetchError.TIMEOUT), new Retry(second, false)),
                row("503, second try", 1, status(503), new Retry(second, false)),
                // retries exhausted: the last answer is the outcome
                row("timeout, retries spent", 2, failure(FetchError.TIMEOUT), new Recorded("failed timeout")),
                row("reset, retries spent", 2, failure(FetchError.RESET), new Recorded("failed reset")),
                row("503, retries spent", 2, status(503), new Recorded("fetched 503 at " + URL)),
                row("408, retries spent", 2, status(408), new Recorded("fetched 408 at " + URL)),
                row("429 Retry-After: 7, retries spent", 2, retryAfter(429, "7"), new Recorded("fetched 429 at " + URL)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("answers")
    void decides(String name, int attempt, HttpAnswer answer, Then then) throws Exception {
        bench.http.answer(URL, answer);

        bench.run(new CrawlItem(URL, 0, URL, List.of(), attempt));

        switch (then) {
            case Retry retry -> assertRetried(retry, attempt);
            case Recorded recorded -> {
                assertThat(Outcomes.describe(bench.store.written())).containsExactly(URL + ": " + recorded.outcome());
                assertThat(bench.heard).hasSize(1);
                assertThat(bench.retriesScheduled).hasValue(0);
                assertThat(bench.scheduler.isIdle()).as("the item is let go").isTrue();
            }
        }
    }

    /** The item comes back, one attempt on, exactly after the wait; a held host starts nothing else meanwhile. */
    private void assertRetried(Retry retry, int attempt) {
        assertThat(bench.store.written()).isEmpty();
        assertThat(bench.retriesScheduled).hasValue(1);
        bench.scheduler.add(CrawlItem.of(OTHER, 0));
        if (!retry.after().isZero()) {
            bench.time.advance(retry.after().minusMillis(1));
            CrawlItem early = bench.startable();
            if (retry.holdsHost()) {
                assertThat(early).as("the host is held until the wait is over").isNull();
            } else {
                assertThat(early).as("the host's other URL goes meanwhile").isEqualTo(CrawlItem.of(OTHER, 0));
            }
            bench.time.advance(Duration.ofMillis(1));
        }
        assertThat(bench.startable()).isEqualTo(new CrawlItem(URL, 0, URL, List.of(), attempt + 1));
    }

    private static String date(int secondsFromNow) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(TestTime.START.plusSeconds(secondsFromNow).atZone(ZoneOffset.UTC));
    }

    private static Arguments row(String name, int attempt, HttpAnswer answer, Then then) {
        return Arguments.of(name, attempt, answer, then);
    }
}
