package dev.trawl.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * How many page records per second each store commits when fed through {@link PageStore#write} as fast as
 * producers can go: {@code bench/store.sh [RECORDS] [PRODUCERS]}. Each record has 30 outlinks (JSON-encoded by the
 * producer, as in a crawl) and discovers 5 new URLs, so one record is 1 done + 5 pending frontier rows, a pages row
 * and a links row. PostgreSQL runs against TRAWL_PG_URL in a fresh database, once with the array statements the
 * store uses and once with the row-by-row statements SQLite uses.
 */
public final class StoreBenchmark {
    private static final int OUTLINKS = 30;
    private static final int DISCOVERED = 5;

    private StoreBenchmark() {}

    public static void main(String[] args) throws Exception {
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        int producers = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        System.out.printf("%d records, %d outlinks and %d discovered URLs each, %d producer threads, %d cores%n",
                records, OUTLINKS, DISCOVERED, producers, Runtime.getRuntime().availableProcessors());
        Path dir = Files.createTempDirectory("trawl-bench");
        run("sqlite", records, producers, () -> Stores.open(dir.resolve("bench.db").toString()));
        for (boolean rowByRow : new boolean[] {false, true}) {
            try (PostgresTestDatabase db = PostgresTestDatabase.create()) {
                PostgresSettings settings = new PostgresSettings(PostgresSettings.DEFAULTS.batching(),
                        PostgresSettings.DEFAULTS.connectTimeout(), PostgresSettings.DEFAULTS.socketTimeout(), rowByRow);
                run(rowByRow ? "postgresql, row by row" : "postgresql, arrays", records, producers,
                        () -> PostgresPageStore.open(db.url(), settings, InstantSource.system()));
            }
        }
    }

    private static void run(String name, int records, int producers, Supplier<PageStore> open) throws Exception {
        try (PageStore store = open.get()) {
            long start = System.nanoTime();
            try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
                List<Future<?>> done = new ArrayList<>();
                for (int p = 0; p < producers; p++) {
                    int producer = p;
                    done.add(pool.submit(() -> {
                        for (int i = producer; i < records; i += producers) {
                            store.write(record(i));
                        }
                        return null;
                    }));
                }
                for (Future<?> f : done) {
                    f.get();
                }
            }
            store.flush();
            double seconds = (System.nanoTime() - start) / 1e9;
            if (store.countAttempted() != records) {
                throw new AssertionError(name + ": " + store.countAttempted() + " records stored, not " + records);
            }
            System.out.printf("%-24s %7.2f s  %8.0f records/s%n", name, seconds, records / seconds);
        }
    }

    /** Page i of a site where page i links to 30 pages and is the first to discover pages 5i+1 .. 5i+5. */
    private static PageRecord record(int i) {
        List<String> outlinks = new ArrayList<>(OUTLINKS);
        for (int k = 0; k < OUTLINKS; k++) {
            outlinks.add(url((i * 7L + k * 13L) % 1_000_000));
        }
        List<FrontierEntry> discovered = new ArrayList<>(DISCOVERED);
        for (int k = 1; k <= DISCOVERED; k++) {
            discovered.add(new FrontierEntry(url(1_000_000L + (long) i * DISCOVERED + k), 3));
        }
        String url = url(1_000_000L + i);
        var page = new dev.trawl.parse.ParsedPage("Article " + i + " - Example News", outlinks,
                "A short description of article " + i + " as sites put in their meta tags.", url, "en", "UTF-8", 0);
        return new PageRecord(url, 2, Instant.now(),
                new PageOutcome.Fetched(TestRecords.reply(url, 200, "text/html; charset=utf-8", 48_000, 120), page),
                discovered);
    }

    private static String url(long n) {
        return "https://www.example-news.com/section-" + (n % 40) + "/2026/11/article-" + n + "-some-words-in-the-slug";
    }
}
