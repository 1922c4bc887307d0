package dev.trawl.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trawl.frontier.SkipReason;
import dev.trawl.parse.ParsedPage;
import dev.trawl.stats.CrawlStats;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The record decision, as a table: each kind of outcome → the row {@link PageColumns} makes of it (status, error,
 * final_url, the page's columns, outlinks) and whether it is a failure ({@link PageOutcome#isFailure}, which the live
 * counters of {@link CrawlStats} count, as the crawl's summary does).
 */
class PageColumnsTest {
    private static final String URL = "http://a.test/p";
    private static final String FINAL = "http://a.test/final";
    private static final ParsedPage PAGE = new ParsedPage("Title", List.of("http://a.test/x", "http://b.test/y"),
            "About", URL, "en", "UTF-8", 3);

    /** The columns the table checks, as stored (null for SQL NULL), and the outcome's standing. */
    record Row(Integer status, String error, String finalUrl, String title, long bodyBytes, int linksCut,
               List<String> outlinks, boolean failure) {}

    static Stream<Arguments> outcomes() {
        return Stream.of(
                row("fetched 200, parsed", new PageOutcome.Fetched(reply(200), PAGE, "{\"a\":\"1\"}", null),
                        new Row(200, null, FINAL, "Title", 1234, 3, PAGE.outlinks(), false)),
                row("fetched 200, not HTML", new PageOutcome.Fetched(reply(200), null),
                        new Row(200, null, FINAL, null, 1234, 0, List.of(), false)),
                row("fetched 304", new PageOutcome.Fetched(reply(304), null),
                        new Row(304, null, FINAL, null, 1234, 0, List.of(), false)),
                row("fetched 399", new PageOutcome.Fetched(reply(399), null),
                        new Row(399, null, FINAL, null, 1234, 0, List.of(), false)),
                row("fetched 400", new PageOutcome.Fetched(reply(400), null),
                        new Row(400, null, FINAL, null, 1234, 0, List.of(), true)),
                row("fetched 404, parsed", new PageOutcome.Fetched(reply(404), PAGE),
                        new Row(404, null, FINAL, "Title", 1234, 3, PAGE.outlinks(), true)),
                row("fetched 503 (retries spent)", new PageOutcome.Fetched(reply(503), null),
                        new Row(503, null, FINAL, null, 1234, 0, List.of(), true)),
                row("redirected out of scope", new PageOutcome.Redirected(reply(301), "http://b.test/"),
                        new Row(301, null, FINAL, null, 1234, 0, List.of("http://b.test/"), false)),
                row("redirected, unusable Location", new PageOutcome.Redirected(reply(302), null),
                        new Row(302, null, FINAL, null, 1234, 0, List.of(), false)),
                row("failed: timeout", new PageOutcome.Failed("timeout"),
                        new Row(null, "timeout", null, null, 0, 0, List.of(), true)),
                row("failed: redirect loop", new PageOutcome.Failed("redirect_loop", "http://a.test/hop"),
                        new Row(null, "redirect_loop", "http://a.test/hop", null, 0, 0, List.of(), true)),
                row("failed: internal", new PageOutcome.Failed(PageOutcome.Failed.INTERNAL),
                        new Row(null, "internal", null, null, 0, 0, List.of(), true)),
                row("denied by robots.txt", new PageOutcome.Denied(),
                        new Row(null, "robots", null, null, 0, 0, List.of(), false)),
                row("skipped: URL too long", new PageOutcome.Skipped(SkipReason.URL_TOO_LONG.code()),
                        new Row(null, "url_too_long", null, null, 0, 0, List.of(), false)),
                row("skipped: host page limit", new PageOutcome.Skipped(SkipReason.HOST_PAGE_LIMIT.code()),
                        new Row(null, "host_page_limit", null, null, 0, 0, List.of(), false)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("outcomes")
    void rowOf(String name, PageOutcome outcome, Row expected) {
        var record = new PageRecord(URL, 1, Instant.parse("2026-12-06T10:00:00Z"), outcome);
        Map<String, Object> columns = columns(record);

        assertThat(columns.get("status")).isEqualTo(expected.status());
        assertThat(columns.get("error")).isEqualTo(expected.error());
        assertThat(columns.get("final_url")).isEqualTo(expected.finalUrl());
        assertThat(columns.get("title")).isEqualTo(expected.title());
        assertThat(columns.get("body_bytes")).isEqualTo(expected.bodyBytes());
        assertThat(columns.get("links_cut")).isEqualTo(expected.linksCut());
        assertThat(columns.get("fetched_at")).isEqualTo("2026-12-06T10:00:00.000Z");
        boolean responded = expected.status() != null;
        assertThat(columns.get("content_type")).isEqualTo(responded ? "text/html" : null);
        assertThat(columns.get("elapsed_ms")).isEqualTo(responded ? 56L : 0L);
        assertThat(columns.get("digest")).isEqualTo(responded ? "sha1:ABC" : null);
        assertThat(columns.get("fields")).isEqualTo(outcome instanceof PageOutcome.Fetched f ? f.fields() : null);
        assertThat(record.outlinks()).isEqualTo(expected.outlinks());
        assertThat(outcome.isFailure()).as("a failure").isEqualTo(expected.failure());
    }

    /** The live counters count the same failures: one definition, PageOutcome.isFailure. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("outcomes")
    void countedAsTheTableSays(String name, PageOutcome outcome, Row expected) {
        try (var stats = CrawlStats.inMemory()) {
            stats.recorded(new PageRecord(URL, 1, Instant.EPOCH, outcome));

            assertThat(stats.recorded()).isEqualTo(1);
            assertThat(stats.errors()).as("errors").isEqualTo(expected.failure() ? 1 : 0);
            assertThat(stats.robotsDenied()).isEqualTo(outcome instanceof PageOutcome.Denied ? 1 : 0);
        }
    }

    private static Map<String, Object> columns(PageRecord record) {
        Map<String, Object> values = new HashMap<>();
        for (PageColumns.Column c : PageColumns.STORED) values.put(c.name(), c.value().apply(record));
        return values;
    }

    private static PageOutcome.Reply reply(int status) {
        return new PageOutcome.Reply(FINAL, status, "text/html", 1234, 56, "sha1:ABC");
    }

    private static Arguments row(String name, PageOutcome outcome, Row expected) {
        return Arguments.of(name, outcome, expected);
    }
}
