package dev.trawl.store;

import static dev.trawl.store.TestRecords.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The {@link PageStore} contract, run against every implementation: {@link SqlitePageStoreTest} on a file in a
 * temporary directory, {@link PostgresPageStoreIT} on a fresh database. Each test gets an empty target.
 */
abstract class PageStoreContractTest {

    /** The --db target of this test's empty database. */
    abstract String target();

    /** Runs sql on the database behind the store's back and returns the first column of the first row. */
    abstract String scalar(String sql) throws SQLException;

    /** The dialect the target uses. */
    abstract Dialect dialect();

    /** Runs sql (no result) on the database behind the store's back. */
    abstract void execute(String sql) throws SQLException;

    @Test
    void urlsWithOneDedupKeyAreOneRowKeepingTheFirstAsWritten() throws SQLException {
        try (PageStore store = open()) {
            store.addPending(List.of(new FrontierEntry("https://a.example/p?sid=1&x=2", 1),
                    new FrontierEntry("https://a.example/p?x=2&sid=9", 1), new FrontierEntry("https://a.example//d//e", 1),
                    new FrontierEntry("https://a.example/d/e", 2)));
            // in one batch PostgreSQL inserts in URL order (against deadlocks), which here is discovery order too
            assertThat(frontier(store)).containsExactlyInAnyOrder(new Known("https://a.example/p?sid=1&x=2", 1, false),
                    new Known("https://a.example//d//e", 1, false));
        }
        assertThat(scalar("SELECT url_key FROM frontier WHERE url = 'https://a.example/p?sid=1&x=2'"))
                .isEqualTo("https://a.example/p?x=2");
    }

    @Test
    void aRedirectHopIsStoredDoneAndEndsAPendingRowOfItsKey() throws Exception {
        try (PageStore store = open()) {
            store.addPending(List.of(new FrontierEntry("https://a.example/", 0), new FrontierEntry("https://a.example/x", 1)));
            store.write(ok("https://a.example/", 0, List.of(), List.of(new FrontierEntry("https://a.example/x?sid=3", 0, true),
                    new FrontierEntry("https://a.example/hop", 0, true))));
            store.flush();
            assertThat(store.countPending()).as("/x was requested as a hop").isZero();
            assertThat(frontier(store)).contains(new Known("https://a.example/hop", 0, true));
        }
    }

    @Test
    void aSkipRowWhoseKeyIsKnownIsStoredWithoutFailingTheBatch() throws Exception {
        try (PageStore store = open()) {
            store.addPending(List.of(new FrontierEntry("https://a.example/p", 0)));
            store.write(TestRecords.failed("https://a.example/p?sid=1", 1, "host_page_limit"));
            store.write(ok("https://a.example/p", 0));
            store.flush();
            assertThat(store.countAttempted()).as("skip rows are not attempts").isEqualTo(1);
        }
        assertThat(scalar("SELECT COUNT(*) FROM pages")).isEqualTo("2");
    }

    @Test
    void hostBudgetIsKeptAcrossReopeningAndNeverPassesTheLimit() throws Exception {
        try (PageStore store = open()) {
            assertThat(store.reserveHostUrls("a.example", 10, 15)).isEqualTo(10);
            store.returnHostUrls(java.util.Map.of("a.example", 3L));
        }
        try (PageStore store = open()) {
            assertThat(store.reserveHostUrls("a.example", 10, 15)).isEqualTo(8);
            assertThat(store.reserveHostUrls("a.example", 10, 15)).isZero();
            assertThat(store.reserveHostUrls("b.example", 10, 15)).isEqualTo(10);
        }
    }

    /** A database written by schema version 3 (before url_key): keys are filled, duplicates keep no key. */
    @Test
    void migrationFourFillsKeysAndHostBudgetsOfAnOlderDatabase() throws Exception {
        List<List<String>> migrations = Schema.migrations(dialect());
        for (List<String> migration : migrations.subList(0, 3)) {
            for (String step : migration) execute(step);
        }
        execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)");
        execute("INSERT INTO meta (key, value) VALUES ('schema_version', '3')");
        execute("INSERT INTO frontier (url, depth, state, host) VALUES ('https://a.example/p?sid=1', 0, 1, 'a.example'),"
                + " ('https://a.example/p?sid=2', 1, 0, 'a.example'), ('https://a.example/q', 1, 0, NULL)");
        try (PageStore store = open()) {
            assertThat(store.countPending()).isEqualTo(2);
            store.addPending(List.of(new FrontierEntry("https://a.example/p?sid=3", 1)));
            assertThat(store.countPending()).as("its key is known").isEqualTo(2);
            assertThat(store.reserveHostUrls("a.example", 10, 4)).as("3 URLs of a.example already").isEqualTo(1);
        }
        assertThat(scalar("SELECT COUNT(*) FROM frontier WHERE url_key IS NULL")).isEqualTo("1");
        assertThat(scalar("SELECT url_key FROM frontier WHERE url = 'https://a.example/p?sid=1'"))
                .isEqualTo("https://a.example/p");
        assertThat(scalar("SELECT host FROM frontier WHERE url = 'https://a.example/q'")).isEqualTo("a.example");
        assertThat(scalar("SELECT value FROM meta WHERE key = 'schema_version'"))
                .isEqualTo(Integer.toString(Schema.latest(dialect())));
    }

    PageStore open() {
        return Stores.open(target());
    }

    private record Known(String url, int depth, boolean done) {}

    private static List<Known> frontier(PageStore store) {
        List<Known> known = new ArrayList<>();
        store.loadFrontier((url, depth, done) -> known.add(new Known(url, depth, done)));
        return known;
    }

    @Test
    void newDatabaseIsEmptyAtTheLatestSchemaVersion() throws SQLException {
        try (PageStore store = open()) {
            assertThat(store.countAttempted()).isZero();
            assertThat(frontier(store)).isEmpty();
        }
        assertThat(scalar("SELECT value FROM meta WHERE key = 'schema_version'"))
                .isEqualTo(Integer.toString(Schema.latest(dialect())));
    }

    @Test
    void loadingTheFrontierStopsAtTheLimitGivenAndCountsWhatIsPending() {
        try (PageStore store = open()) {
            store.addPending(List.of(new FrontierEntry("https://a.example/", 0), new FrontierEntry("https://b.example/", 1),
                    new FrontierEntry("https://c.example/", 1)));
            List<String> firstTwo = new ArrayList<>();
            store.loadFrontier((url, depth, done) -> firstTwo.add(url), 2);
            assertThat(firstTwo).containsExactly("https://a.example/", "https://b.example/");
            assertThat(store.countPending()).isEqualTo(3);
        }
    }

    @Test
    void reopeningDoesNotMigrateAgain() throws SQLException {
        open().close();
        open().close();
        assertThat(scalar("SELECT COUNT(*) FROM meta")).isEqualTo("1");
    }

    @Test
    void seedsAreCommittedOnReturnAndAddedOnlyOnce() {
        try (PageStore store = open()) {
            store.addPending(List.of(new FrontierEntry("https://a.example/", 0)));
            store.addPending(List.of(new FrontierEntry("https://a.example/", 3), new FrontierEntry("https://b.example/", 0)));
            try (PageStore reader = open()) {
                assertThat(frontier(reader)).containsExactly(
                        new Known("https://a.example/", 0, false), new Known("https://b.example/", 0, false));
            }
        }
    }

    @Test
    void aRecordMarksItsUrlDoneAndAddsWhatItDiscoveredAsPending() throws InterruptedException {
        try (PageStore store = open()) {
            store.addPending(List.of(new FrontierEntry("https://a.example/", 0)));
            store.write(ok("https://a.example/", 0, List.of("https://a.example/x", "https://elsewhere.example/"),
                    List.of(new FrontierEntry("https://a.example/x", 1))));
            store.flush();
            assertThat(store.countAttempted()).isEqualTo(1);
            assertThat(frontier(store)).containsExactly(
                    new Known("https://a.example/", 0, true), new Known("https://a.example/x", 1, false));
        }
    }

    @Test
    void aChildStoredBeforeItsParentStaysDone() throws InterruptedException {
        try (PageStore store = open()) {
            store.write(ok("https://a.example/child", 1));
            store.flush(); // separate batches
            store.write(ok("https://a.example/", 0, List.of(), List.of(new FrontierEntry("https://a.example/child", 1))));
            // and within one batch
            store.write(ok("https://a.example/second", 1));
            store.write(ok("https://a.example/third", 0, List.of(), List.of(new FrontierEntry("https://a.example/second", 1))));
            store.flush();
            assertThat(frontier(store)).allSatisfy(k -> assertThat(k.done()).as(k.url()).isTrue()).hasSize(4);
        }
    }

    @Test
    void writingAUrlAgainReplacesItsPageAndLinks() throws InterruptedException {
        try (PageStore store = open()) {
            // no flush in between: both land in one batch, where an upsert must not touch a row twice
            store.write(TestRecords.failed("https://a.example/", 0, "timeout"));
            store.write(ok("https://a.example/", 0, List.of("https://a.example/z"), List.of()));
            store.flush();
            store.write(TestRecords.failed("https://b.example/", 0, "dns"));
            store.flush();
            store.write(ok("https://b.example/", 0));
            store.flush();
            List<ExportRow> rows = new ArrayList<>();
            store.exportRows(rows::add);
            assertThat(rows).hasSize(2).allSatisfy(r -> {
                assertThat(r.value("status")).isEqualTo(200);
                assertThat(r.value("error")).isNull();
            });
            assertThat(rows.getFirst().value("outlinks")).isEqualTo("[\"https://a.example/z\"]");
        }
    }

    @Test
    void reopeningResumesWhereTheCrawlStopped() throws InterruptedException {
        try (PageStore store = open()) {
            store.write(ok("https://a.example/", 0, List.of(), List.of(new FrontierEntry("https://a.example/next", 1))));
        } // close flushes
        try (PageStore store = open()) {
            assertThat(store.countAttempted()).isEqualTo(1);
            assertThat(frontier(store)).containsExactly(
                    new Known("https://a.example/", 0, true), new Known("https://a.example/next", 1, false));
        }
    }

    @Test
    void closeIsIdempotentAndLaterWritesAreRefused() {
        PageStore store = open();
        store.close();
        store.close();
        assertThatThrownBy(() -> store.write(ok("https://a.example/", 0)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }

    @Test
    void exportRowsCarryEveryFieldAndNulls() throws InterruptedException {
        try (PageStore store = open()) {
            store.write(ok("https://a.example/", 0, List.of("https://b.example/\"q\"", "https://c.example/ü"), List.of()));
            store.write(TestRecords.failed("https://a.example/gone", 1, "connect"));
        }
        List<ExportRow> rows = new ArrayList<>();
        try (PageStore store = open()) {
            store.exportRows(rows::add);
        }
        String at = "2026-11-25T13:49:08.123Z";
        assertThat(rows).containsExactly(
                new ExportRow(Arrays.asList("https://a.example/", "https://a.example/", 200, 0, "text/html",
                        "title of https://a.example/", null, at, null, false, null, null,
                        "[\"https://b.example/\\\"q\\\"\",\"https://c.example/ü\"]", null, "new")),
                new ExportRow(Arrays.asList("https://a.example/gone", null, null, 1, null, null, "connect", at, null,
                        false, null, null, "[]", null, null)));
    }

    @Test
    void pagesLinksAndFrontierColumnsHoldWhatWasWritten() throws InterruptedException, SQLException {
        try (PageStore store = open()) {
            store.write(ok("https://a.example/", 0, List.of("https://b.example/"), List.of()));
        }
        assertThat(scalar("SELECT fetched_at || '|' || description || '|' || canonical || '|' || language || '|'"
                + " || charset || '|' || body_bytes || '|' || elapsed_ms FROM pages"))
                .isEqualTo("2026-11-25T13:49:08.123Z|about https://a.example/|https://a.example/|en|UTF-8|1234|56");
        assertThat(scalar("SELECT targets FROM links")).isEqualTo("[\"https://b.example/\"]");
        assertThat(scalar("SELECT discovered_at FROM frontier")).isEqualTo("2026-11-25T13:49:08.123Z");
    }

    @Test
    void concurrentWritersLoseAndDuplicateNothing() throws Exception {
        int threads = 4;
        int perThread = 1_500;
        try (PageStore store = open()) {
            try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
                List<Future<?>> done = IntStream.range(0, threads).<Future<?>>mapToObj(t -> pool.submit(() -> {
                    for (int i = 0; i < perThread; i++) {
                        // discovers its successor and a URL another thread writes, so done and pending rows race
                        String next = url(t, i + 1);
                        String other = url((t + 1) % threads, i);
                        store.write(ok(url(t, i), 1, List.of(next, other),
                                List.of(new FrontierEntry(next, 1), new FrontierEntry(other, 1))));
                    }
                    return null;
                })).toList();
                for (Future<?> f : done) {
                    f.get();
                }
            }
            store.flush();
            assertRacedWritesLanded(store, threads, perThread);
        }
    }

    /**
     * After threads × perThread pages were written concurrently, page i of thread t discovering page i+1 of t and
     * page i of t+1: every page once, done, and only each thread's never-written last successor still pending.
     */
    static void assertRacedWritesLanded(PageStore store, int threads, int perThread) {
        assertThat(store.countAttempted()).isEqualTo((long) threads * perThread);
        Set<String> urls = new HashSet<>();
        AtomicLong doneCount = new AtomicLong();
        store.loadFrontier((url, depth, isDone) -> {
            assertThat(urls.add(url)).as("duplicate frontier url %s", url).isTrue();
            if (isDone) {
                doneCount.incrementAndGet();
            } else {
                assertThat(url).endsWith("/page/" + perThread); // only the never-written successors
            }
        });
        assertThat(doneCount.get()).isEqualTo((long) threads * perThread);
        assertThat(urls).hasSize(threads * perThread + threads);
    }

    private static String url(int thread, int i) {
        return "https://t" + thread + ".example/page/" + i;
    }
    // --- claims: pending → claimed → done; each URL is handed out once; claims of a dead process come back

    private static List<FrontierEntry> claimEntries(int from, int to) {
        List<FrontierEntry> list = new ArrayList<>();
        for (int i = from; i < to; i++) list.add(new FrontierEntry("http://a.test/" + i, 1));
        return list;
    }

    private static List<String> claimUrls(List<FrontierEntry> entries) {
        return entries.stream().map(FrontierEntry::url).toList();
    }

    @Test
    void claimsHandOutPendingUrlsOnceInDiscoveryOrder() throws Exception {
        try (PageStore store = open()) {
            store.addPending(claimEntries(0, 10));

            List<FrontierEntry> first = store.coordination().claimPending(4);
            List<FrontierEntry> second = store.coordination().claimPending(100);

            assertThat(claimUrls(first)).containsExactlyElementsOf(claimUrls(claimEntries(0, 4)));
            assertThat(claimUrls(second)).containsExactlyElementsOf(claimUrls(claimEntries(4, 10)));
            assertThat(store.coordination().claimPending(100)).isEmpty();
        }
    }

    @Test
    void discoveriesBecomeClaimableOnceCommittedAndDoneUrlsNeverReturn() throws Exception {
        try (PageStore store = open()) {
            store.addPending(claimEntries(0, 1));
            FrontierEntry seed = store.coordination().claimPending(10).getFirst();

            store.write(TestRecords.ok(seed.url(), 0, List.of(), claimEntries(1, 4)));
            store.flush();

            assertThat(claimUrls(store.coordination().claimPending(10))).containsExactlyElementsOf(claimUrls(claimEntries(1, 4)));
            assertThat(store.coordination().claimPending(10)).as("the done seed never comes back").isEmpty();
        }
    }

    @Test
    void claimsStopAtThePageLimitCountingStoredAndClaimedUrls() throws Exception {
        try (PageStore store = open()) {
            store.addPending(claimEntries(0, 10));
            store.write(TestRecords.ok("http://a.test/0", 1));
            store.flush();

            assertThat(store.coordination().claimPending(100, 5)).hasSize(4); // 1 stored + 4 claimed = 5
            assertThat(store.coordination().claimPending(100, 5)).isEmpty();
            assertThat(store.coordination().hasWorkLeft(5)).as("pending URLs beyond the limit are no work").isFalse();
            assertThat(store.coordination().hasWorkLeft(Long.MAX_VALUE)).isTrue();
        }
    }

    @Test
    void sharedStoresKeepTheFirstOptionsOffered() {
        try (PageStore store = open()) {
            assertThat(store.coordination().crawlOptions()).isNull();
            assertThat(store.coordination().offerCrawlOptions("{\"a\":1}")).isEqualTo("{\"a\":1}");
            assertThat(store.coordination().offerCrawlOptions("{\"a\":2}")).isEqualTo("{\"a\":1}");
        }
        try (PageStore store = open()) {
            assertThat(store.coordination().crawlOptions()).isEqualTo("{\"a\":1}");
        }
    }

    @Test
    void concurrentClaimersNeverGetTheSameUrl() throws Exception {
        try (PageStore store = open()) {
            store.addPending(claimEntries(0, 5000));
            Set<String> claimed = ConcurrentHashMap.newKeySet();
            var duplicates = new HashSet<String>();
            try (var pool = Executors.newFixedThreadPool(8)) {
                for (int t = 0; t < 8; t++) {
                    pool.execute(() -> {
                        try {
                            List<FrontierEntry> batch;
                            while (!(batch = store.coordination().claimPending(37)).isEmpty()) {
                                for (FrontierEntry e : batch) {
                                    if (!claimed.add(e.url())) {
                                        synchronized (duplicates) {
                                            duplicates.add(e.url());
                                        }
                                    }
                                }
                            }
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    });
                }
            }
            assertThat(duplicates).isEmpty();
            assertThat(claimed).hasSize(5000);
        }
    }

    @Test
    void fieldNamesAreSortedCappedAndLeaveOutTheTruncationList() throws InterruptedException {
        var names = new StringBuilder("{\"_truncated\":[\"f0000\"]");
        for (int i = StoreReads.MAX_FIELD_NAMES; i >= 0; i--) names.append(String.format(",\"f%04d\":\"v\"", i));
        String fields = names.append('}').toString();
        try (PageStore store = open()) {
            var page = new dev.trawl.parse.ParsedPage("t", List.of(), null, null, null, null, 0);
            store.write(new PageRecord("https://a.example/", 0, TestRecords.AT, new PageOutcome.Fetched(
                    TestRecords.reply("https://a.example/", 200, "text/html", 10, 1), page, fields, null, false)));
            store.flush();
            List<String> got = store.fieldNames();
            assertThat(got).as("MAX_FIELD_NAMES of the 1,001, in name order").hasSize(StoreReads.MAX_FIELD_NAMES)
                    .startsWith("f0000", "f0001").endsWith("f0999").doesNotContain("_truncated", "f1000");
        }
    }

    @Test
    void storedBodiesComeBackInIdOrderAfterAGivenPage() throws Exception {
        byte[] html = "<title>kept</title>".repeat(100).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        try (PageStore store = open()) {
            for (String path : List.of("a", "b", "c")) {
                String url = "https://a.example/" + path;
                var body = StoredBody.of("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n", html, html.length, false);
                store.write(new PageRecord(url, 0, TestRecords.AT, new PageOutcome.Fetched(
                        TestRecords.reply(url, 200, "text/html", html.length, 1), null, null, body, false)));
            }
            store.write(TestRecords.ok("https://a.example/no-body", 0));
            store.flush();
            List<PageReads.StoredPage> all = new ArrayList<>();
            store.storedPages(0, all::add);
            assertThat(all).extracting(PageReads.StoredPage::url)
                    .containsExactly("https://a.example/a", "https://a.example/b", "https://a.example/c");
            assertThat(all.getFirst().body().received(html.length)).isEqualTo(html);
            assertThat(all.getFirst().body().header("content-type")).isEqualTo("text/html");
            List<PageReads.StoredPage> after = new ArrayList<>();
            store.storedPages(all.getFirst().id(), after::add);
            assertThat(after).extracting(PageReads.StoredPage::url)
                    .containsExactly("https://a.example/b", "https://a.example/c");
        }
    }
}
