package dev.trawl.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trawl.parse.ParsedPage;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a recrawl asks of a store, on both: the previous response read back, a 304 that keeps the stored page, the
 * fetch history, and the requeue of pages fetched before a cutoff, in batches. {@link SqliteRecrawlStoreTest} and
 * {@link PostgresRecrawlStoreIT} give the targets.
 */
abstract class RecrawlStoreContractTest {
    private static final Instant FIRST = Instant.parse("2026-11-01T10:00:00Z");
    private static final Instant LATER = FIRST.plus(Duration.ofDays(10));
    private static final String URL = "https://a.example/p";

    abstract String target();

    /** Runs sql on the database behind the store's back and returns the first column of the first row. */
    abstract String scalar(String sql) throws SQLException;

    /** Runs sql (no result) on the database behind the store's back. */
    abstract void execute(String sql) throws SQLException;

    abstract Dialect dialect();

    /** A database of schema version 9: its pages' latest fetches become the history's first rows. */
    @Test
    void migrationTenStartsTheHistoryWithTheStoredPages() throws Exception {
        List<List<String>> migrations = Schema.migrations(dialect());
        execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)");
        for (List<String> migration : migrations.subList(0, 9)) {
            for (String step : migration) {
                if (!step.equals(UrlKeyBackfill.STEP)) execute(step);
            }
        }
        execute("INSERT INTO meta (key, value) VALUES ('schema_version', '9')");
        execute("INSERT INTO frontier (url, depth, state, host) VALUES ('" + URL + "', 0, 1, 'a.example')");
        execute("INSERT INTO pages (frontier_id, final_url, status, fetched_at, body_bytes, elapsed_ms, digest)"
                + " SELECT id, url, 200, '2026-11-01T10:00:00.000Z', 10, 3, 'sha1:OLD' FROM frontier");
        try (PageStore store = Stores.open(target())) {
            assertThat(store.previousFetch(URL)).isEqualTo(new PreviousFetch(URL, FIRST, 200, "sha1:OLD", Validators.NONE));
        }
        assertThat(scalar("SELECT status || '|' || digest || '|' || fetched_at || '|' || COALESCE(change, 'none')"
                + " FROM fetches")).isEqualTo("200|sha1:OLD|2026-11-01T10:00:00.000Z|none");
    }

    @Test
    void aNotModifiedKeepsTheStoredPageAndTheHistoryKeepsBothFetches() throws Exception {
        PreviousFetch previous;
        try (PageStore store = Stores.open(target())) {
            store.write(fetched(URL, FIRST, "sha1:AAAA", new Validators("\"v1\"", "Sun, 01 Nov 2026 09:00:00 GMT"), null));
            store.flush();
            previous = store.previousFetch(URL);
            assertThat(previous).isEqualTo(new PreviousFetch(URL, FIRST, 200, "sha1:AAAA",
                    new Validators("\"v1\"", "Sun, 01 Nov 2026 09:00:00 GMT")));
            // the 304 repeats the ETag only: the stored Last-Modified stays
            var reply = new PageOutcome.Reply(URL, 304, null, 0, 7, null, new Validators("\"v1\"", null));
            store.write(new PageRecord(URL, 0, LATER, new PageOutcome.NotModified(reply), List.of(), previous));
            store.flush();
            assertThat(store.previousFetch(URL)).isEqualTo(new PreviousFetch(URL, LATER, 200, "sha1:AAAA",
                    new Validators("\"v1\"", "Sun, 01 Nov 2026 09:00:00 GMT")));
        }
        assertThat(scalar("SELECT status || '|' || title || '|' || digest || '|' || fetched_at || '|' || elapsed_ms"
                + " || '|' || change || '|' || last_modified FROM pages"))
                .isEqualTo("200|title v1|sha1:AAAA|2026-11-11T10:00:00.000Z|7|unchanged|Sun, 01 Nov 2026 09:00:00 GMT");
        assertThat(scalar("SELECT targets FROM links")).as("its links row stays").isEqualTo("[\"https://a.example/x\"]");
        assertThat(scalar("SELECT COUNT(*) FROM fetches")).isEqualTo("2");
        assertThat(scalar("SELECT status || '|' || change || '|' || digest FROM fetches ORDER BY id LIMIT 1"))
                .isEqualTo("200|new|sha1:AAAA");
        assertThat(scalar("SELECT status || '|' || change || '|' || digest || '|' || etag FROM fetches ORDER BY id DESC LIMIT 1"))
                .isEqualTo("304|unchanged|sha1:AAAA|\"v1\"");
    }

    @Test
    void aChangedPageReplacesTheRowAndIsAppendedToTheHistory() throws Exception {
        try (PageStore store = Stores.open(target())) {
            store.write(fetched(URL, FIRST, "sha1:AAAA", new Validators("\"v1\"", null), null));
            store.flush();
            PreviousFetch previous = store.previousFetch(URL);
            store.write(fetched(URL, LATER, "sha1:BBBB", Validators.NONE, previous));
            store.flush();
            assertThat(store.previousFetch(URL).validators()).as("the new response had none").isEqualTo(Validators.NONE);
        }
        assertThat(scalar("SELECT digest || '|' || change FROM pages")).isEqualTo("sha1:BBBB|changed");
        assertThat(scalar("SELECT COUNT(*) FROM fetches WHERE frontier_id = (SELECT id FROM frontier WHERE url = '"
                + URL + "')")).isEqualTo("2");
    }

    @Test
    void noPreviousFetchForAnUnknownUrlOrAnError() throws Exception {
        try (PageStore store = Stores.open(target())) {
            store.write(TestRecords.failed("https://a.example/timeout", 1, "timeout"));
            store.addPending(List.of(new FrontierEntry("https://a.example/never", 1)));
            store.flush();
            assertThat(store.recrawlPending()).as("pending, but never fetched").isFalse();
            assertThat(store.previousFetch("https://a.example/timeout")).isNull();
            assertThat(store.previousFetch("https://a.example/never")).isNull();
        }
    }

    @Test
    void requeueMakesResponsesFetchedBeforeTheCutoffPendingInBatches() throws Exception {
        try (PageStore store = Stores.open(target())) {
            for (int i = 0; i < 7; i++) store.write(fetched(URL + i, FIRST, "sha1:" + i, Validators.NONE, null));
            store.write(fetched("https://a.example/recent", LATER, "sha1:R", Validators.NONE, null));
            store.write(TestRecords.failed("https://a.example/timeout", 1, "timeout"));
            store.write(new PageRecord("https://a.example/trap", 1, FIRST, new PageOutcome.Skipped("url_too_long")));
            store.flush();
            assertThat(store.countPending()).isZero();
            assertThat(store.recrawlPending()).isFalse();

            long requeued = ((QueuedPageStore) store).requeueForRecrawl(FIRST.plus(Duration.ofDays(1)), 3);
            assertThat(requeued).isEqualTo(7);
            assertThat(store.countPending()).isEqualTo(7);
            assertThat(store.recrawlPending()).isTrue();
            assertThat(store.countAttempted()).as("their rows stay, to compare with (the skip row is no attempt)")
                    .isEqualTo(9);
            assertThat(((QueuedPageStore) store).requeueForRecrawl(FIRST.plus(Duration.ofDays(1)), 3))
                    .as("pending ones are not counted twice").isZero();
        }
        assertThat(scalar("SELECT state FROM frontier WHERE url = 'https://a.example/recent'")).isEqualTo("1");
        assertThat(scalar("SELECT state FROM frontier WHERE url = 'https://a.example/timeout'")).isEqualTo("1");
        assertThat(scalar("SELECT state FROM frontier WHERE url = 'https://a.example/trap'")).isEqualTo("1");
    }

    private static PageRecord fetched(String url, Instant at, String digest, Validators validators, PreviousFetch previous) {
        var page = new ParsedPage("title " + (digest.endsWith("AAAA") ? "v1" : digest), List.of("https://a.example/x"),
                null, null, null, null, 0);
        var reply = new PageOutcome.Reply(url, 200, "text/html", 100, 5, digest, validators);
        return new PageRecord(url, 0, at, new PageOutcome.Fetched(reply, page), List.of(), previous);
    }
}
