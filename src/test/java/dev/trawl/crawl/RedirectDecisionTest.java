package dev.trawl.crawl;

import static dev.trawl.crawl.ScriptedHttp.redirect;
import static dev.trawl.crawl.ScriptedHttp.status;
import static org.assertj.core.api.Assertions.assertThat;

import dev.trawl.fetch.HttpAnswer;
import dev.trawl.frontier.CrawlItem;
import dev.trawl.store.PageRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * PageTask's redirect decision, as a table: a 3xx answer → followed within the item (the next hop may start at
 * once), or recorded as which outcome with which frontier entries (hops requested are stored done, a target handed to
 * the frontier pending at the item's depth). Scope: hosts a.test and c.test; /excluded filtered; see {@link TaskBench}.
 */
class RedirectDecisionTest {
    private static final String A = TaskBench.SEED;
    private static final String FROM = A + "from";
    private final TaskBench bench = new TaskBench();

    @AfterEach
    void close() {
        bench.close();
    }

    /** What the crawl knows before the answer: a shared frontier (PostgreSQL workers), a URL known already. */
    record Given(boolean shared, String known) {
        static final Given LOCAL = new Given(false, null);
        static final Given SHARED = new Given(true, null);

        static Given known(String url) {
            return new Given(false, url);
        }
    }

    sealed interface Then {}

    /** Followed: the item's next request is to this URL, at once, with the chain so far. */
    record Followed(String next) implements Then {}

    /** Recorded: the outcome, and the frontier entries written with it ("URL pending|done depth"). */
    record Recorded(String outcome, List<String> frontier) implements Then {}

    static Stream<Arguments> redirects() {
        CrawlItem first = item(FROM);
        return Stream.of(
                row("in scope, new: followed", first, redirect(301, "/to"), Given.LOCAL, new Followed(A + "to")),
                row("302 relative: followed", first, redirect(302, "to"), Given.LOCAL, new Followed(A + "to")),
                row("307: followed", first, redirect(307, "/to"), Given.LOCAL, new Followed(A + "to")),
                row("308: followed", first, redirect(308, "/to"), Given.LOCAL, new Followed(A + "to")),
                row("other host in scope, local frontier: followed", first, redirect(301, "http://c.test/x"), Given.LOCAL,
                        new Followed("http://c.test/x")),
                row("out of scope", first, redirect(301, "http://b.test/x"), Given.LOCAL,
                        new Recorded("redirected 301 -> http://b.test/x", List.of())),
                row("filtered by --exclude", first, redirect(301, "/excluded/x"), Given.LOCAL,
                        new Recorded("redirected 301 -> " + A + "excluded/x", List.of())),
                row("known already", first, redirect(301, "/known"), Given.known(A + "known"),
                        new Recorded("redirected 301 -> " + A + "known", List.of())),
                row("a trap (repeating path)", first, redirect(301, "/x/x/x/x"), Given.LOCAL,
                        new Recorded("redirected 301 -> " + A + "x/x/x/x", List.of())),
                row("unusable Location (mailto:)", first, redirect(301, "mailto:someone@a.test"), Given.LOCAL,
                        new Recorded("redirected 301 -> null", List.of())),
                row("unusable Location (ftp:)", first, redirect(301, "ftp://a.test/file"), Given.LOCAL,
                        new Recorded("redirected 301 -> null", List.of())),
                row("3xx without Location: the outcome", first, status(302), Given.LOCAL,
                        new Recorded("fetched 302 at " + FROM, List.of())),
                row("304 is no redirect", first, redirect(304, "/to"), Given.LOCAL,
                        new Recorded("fetched 304 at " + FROM, List.of())),
                row("to itself: a loop", first, redirect(301, FROM), Given.LOCAL,
                        new Recorded("failed redirect_loop at " + FROM, List.of())),
                row("back to an earlier hop: a loop", item(FROM, A + "mid"), redirect(301, FROM), Given.LOCAL,
                        new Recorded("failed redirect_loop at " + A + "mid", List.of(A + "mid done 1"))),
                row("the 9th hop: followed", item(hops(8)), redirect(301, "/hop9"), Given.LOCAL, new Followed(A + "hop9")),
                row("the 10th hop: too many", item(hops(9)), redirect(301, "/hop10"), Given.LOCAL,
                        new Recorded("failed too_many_redirects at " + A + "hop9", doneHops(9))),
                row("the chain's end is the outcome, its hops done", item(FROM, A + "to"), status(200), Given.LOCAL,
                        new Recorded("fetched 200 at " + A + "to", List.of(A + "to done 1"))),
                row("shared frontier, other host: handed to the frontier", first, redirect(301, "http://c.test/x"),
                        Given.SHARED, new Recorded("redirected 301 -> http://c.test/x", List.of("http://c.test/x pending 1"))),
                row("shared frontier, same host: followed", first, redirect(301, "/to"), Given.SHARED, new Followed(A + "to")),
                row("shared frontier, other host known already", first, redirect(301, "http://c.test/x"),
                        new Given(true, "http://c.test/x"), new Recorded("redirected 301 -> http://c.test/x", List.of())),
                row("shared frontier, other host out of scope", first, redirect(301, "http://b.test/x"), Given.SHARED,
                        new Recorded("redirected 301 -> http://b.test/x", List.of())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("redirects")
    void decides(String name, CrawlItem item, HttpAnswer answer, Given given, Then then) throws Exception {
        bench.store.shared = given.shared();
        if (given.known() != null) bench.known(given.known());
        bench.http.answer(item.current(), answer);

        bench.run(item);

        switch (then) {
            case Followed followed -> {
                assertThat(bench.store.written()).isEmpty();
                assertThat(bench.startable()).isEqualTo(item.redirectedTo(followed.next()));
            }
            case Recorded recorded -> {
                List<PageRecord> written = bench.store.written();
                assertThat(Outcomes.describe(written)).containsExactly(FROM + ": " + recorded.outcome());
                assertThat(written.getFirst().discovered().stream().map(Outcomes::entry))
                        .containsExactlyElementsOf(recorded.frontier());
                assertThat(bench.scheduler.isIdle()).as("the item is let go").isTrue();
            }
        }
    }

    /** The item FROM at depth 1, having requested the given hops already (the last one is to be requested now). */
    private static CrawlItem item(String... chain) {
        CrawlItem item = CrawlItem.of(chain[0], 1);
        for (int i = 1; i < chain.length; i++) item = item.redirectedTo(chain[i]);
        return item;
    }

    /** FROM, then hop1 ... hopN. */
    private static String[] hops(int n) {
        List<String> chain = new ArrayList<>(List.of(FROM));
        IntStream.rangeClosed(1, n).forEach(i -> chain.add(A + "hop" + i));
        return chain.toArray(String[]::new);
    }

    private static List<String> doneHops(int n) {
        return IntStream.rangeClosed(1, n).mapToObj(i -> A + "hop" + i + " done 1").toList();
    }

    private static Arguments row(String name, CrawlItem item, HttpAnswer answer, Given given, Then then) {
        return Arguments.of(name, item, answer, given, then);
    }
}
