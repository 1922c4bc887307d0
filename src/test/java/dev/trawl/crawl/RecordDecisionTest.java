package dev.trawl.crawl;

import static dev.trawl.crawl.ScriptedHttp.html;
import static org.assertj.core.api.Assertions.assertThat;

import dev.trawl.frontier.CrawlItem;
import dev.trawl.store.PageRecord;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What PageTask hands the store for a fetched page, as a table: the page's links → the page's record with the
 * frontier entries it discovered (new, in scope, not filtered, not too deep), then the skip rows of the links a trap
 * rule refused, in that order; links already known add nothing. --max-depth 5; see {@link TaskBench}.
 */
class RecordDecisionTest {
    private static final String A = TaskBench.SEED;
    private static final String PAGE = A + "page";
    private final TaskBench bench = new TaskBench();

    @AfterEach
    void close() {
        bench.close();
    }

    static Stream<Arguments> pages() {
        return Stream.of(
                row("new links: pending one level deeper", 1, links("/a", "/b"), null,
                        List.of(page("a pending 2", "b pending 2"))),
                row("the same link twice: one entry", 1, links("/a", "/a#top"), null, List.of(page("a pending 2"))),
                row("a known link: nothing", 1, links("/a", "/known"), A + "known", List.of(page("a pending 2"))),
                row("out of scope and filtered: nothing", 1, links("http://b.test/x", "/excluded/y"), null,
                        List.of(page())),
                row("the other seed's host is in scope", 1, links("http://c.test/z"), null,
                        List.of(new Recorded(PAGE + ": fetched 200 at " + PAGE, List.of("http://c.test/z pending 2")))),
                row("a trap: a skip row after the page", 1, links("/a", "/x/x/x/x"), null,
                        List.of(page("a pending 2"), new Recorded(A + "x/x/x/x: skipped repeating_path", List.of()))),
                row("at --max-depth: links recorded, none followed", 5, links("/a"), null, List.of(page())));
    }

    /** One record as the store got it: its outcome and its frontier entries ("URL pending|done depth"). */
    record Recorded(String outcome, List<String> frontier) {}

    @ParameterizedTest(name = "{0}")
    @MethodSource("pages")
    void records(String name, int depth, String body, String known, List<Recorded> expected) throws Exception {
        if (known != null) bench.known(known);
        bench.http.answer(PAGE, html(body));

        bench.run(CrawlItem.of(PAGE, depth));

        List<PageRecord> written = bench.store.written();
        assertThat(written.stream().map(r -> new Recorded(r.url() + ": " + Outcomes.describe(r.outcome()),
                r.discovered().stream().map(Outcomes::entry).toList())))
                .containsExactlyElementsOf(expected);
        assertThat(bench.heard).as("the listener hears the page's record, not its skip rows").containsExactly(written.getFirst());
        assertThat(written.getFirst().fetchedAt()).isEqualTo(TestTime.START);
        assertThat(bench.scheduler.isIdle()).isTrue();
    }

    private static String links(String... hrefs) {
        var body = new StringBuilder("<!doctype html><title>t</title>");
        for (String href : hrefs) body.append("<a href=\"").append(href).append("\">x</a>");
        return body.toString();
    }

    private static Recorded page(String... frontier) {
        return new Recorded(PAGE + ": fetched 200 at " + PAGE, Stream.of(frontier).map(f -> A + f).toList());
    }

    private static Arguments row(String name, int depth, String body, String known, List<Recorded> expected) {
        return Arguments.of(name, depth, body, known, expected);
    }
}
