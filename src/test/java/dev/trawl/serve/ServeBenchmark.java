package dev.trawl.serve;

import dev.trawl.store.Stores;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;

/**
 * How fast `trawl serve` answers on a large crawl: {@code bench/serve.sh [ROWS]} makes a SQLite database of ROWS
 * pages (default 1,000,000; 50 hosts, statuses 200/404/500/none, two outlinks each), serves it, and times each
 * view over HTTP: the median and the slowest of 5 requests after one warm-up.
 */
public final class ServeBenchmark {
    private static final int RUNS = 5;

    private ServeBenchmark() {}

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Path dir = Files.createTempDirectory("trawl-serve-bench");
        Path db = dir.resolve("serve-bench.db");
        long t0 = System.nanoTime();
        generate(db, rows);
        System.out.printf("generated %,d pages in %.1fs (%,d MB)%n", rows, (System.nanoTime() - t0) / 1e9, Files.size(db) >> 20);
        int deep = rows - 1000;
        List<String> views = List.of("/pages", "/pages?after=" + deep, "/pages?sort=url&after=" + deep + ":http%3A%2F%2Fhost7.example%2Fpage%2F9",
                "/pages?sort=status&dir=desc", "/pages?sort=status&after=" + deep + ":200", "/pages?sort=title&after=" + deep + ":Page%209",
                "/pages?sort=depth&dir=desc&before=" + deep + ":3", "/pages?sort=fetched&dir=desc",
                "/pages?q=about%20cats", "/pages?q=page%2F" + deep, "/pages?q=no-such-text", "/pages?status=5xx",
                "/page?id=" + (rows / 2), "/errors", "/");
        try (ReportServer server = ReportServer.start(db.toString(), new InetSocketAddress("127.0.0.1", 0), dir.resolve("run"))) {
            System.out.printf("%-70s %10s %10s%n", "view", "median ms", "max ms");
            for (String view : views) {
                URI url = server.url().resolve(view);
                ServeFixture.Answer warm = ServeFixture.get(url);
                if (warm.status() != 200) throw new IllegalStateException(view + ": " + warm.status() + " " + warm.body());
                double[] ms = new double[RUNS];
                for (int i = 0; i < RUNS; i++) {
                    long start = System.nanoTime();
                    ServeFixture.get(url);
                    ms[i] = (System.nanoTime() - start) / 1e6;
                }
                Arrays.sort(ms);
                System.out.printf("%-70s %10.1f %10.1f%n", view, ms[RUNS / 2], ms[RUNS - 1]);
            }
        }
    }

    /** The schema from the store (every migration), then rows made by SQLite itself in one transaction. */
    private static void generate(Path db, int rows) throws Exception {
        Stores.open(db.toString()).close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
            st.execute("PRAGMA journal_mode = WAL");
            st.execute("PRAGMA synchronous = OFF");
            st.execute("PRAGMA cache_size = -262144");
            c.setAutoCommit(false);
            String n = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < " + rows + ") ";
            st.executeUpdate(n + "INSERT INTO frontier (id, url, depth, state, discovered_at, host) SELECT i,"
                    + " 'http://host' || (i % 50) || '.example/page/' || i, i % 7, 1, '2026-01-01T00:00:00.000Z',"
                    + " 'host' || (i % 50) || '.example' FROM n");
            st.executeUpdate(n + "INSERT INTO pages (frontier_id, final_url, status, content_type, title, error, fetched_at,"
                    + " body_bytes, elapsed_ms) SELECT i, 'http://host' || (i % 50) || '.example/page/' || i,"
                    + " CASE WHEN i % 97 = 0 THEN 404 WHEN i % 211 = 0 THEN NULL WHEN i % 503 = 0 THEN 500 ELSE 200 END,"
                    + " 'text/html; charset=utf-8', 'Page ' || i || CASE WHEN i % 10 = 0 THEN ' about cats' ELSE ' about dogs' END,"
                    + " CASE WHEN i % 211 = 0 THEN 'timeout' END,"
                    + " strftime('%Y-%m-%dT%H:%M:%S', 1767225600 + i / 100, 'unixepoch') || '.' || printf('%03d', i % 1000) || 'Z',"
                    + " 5000 + i % 3000, 5 + i % 400 FROM n");
            st.executeUpdate(n + "INSERT INTO links (frontier_id, targets) SELECT i, '[\"http://host' || ((i + 1) % 50) || '.example/page/'"
                    + " || (i + 1) || '\",\"http://host' || ((i + 7) % 50) || '.example/page/' || (i + 7) || '\"]' FROM n");
            c.commit();
            c.setAutoCommit(true);
            st.execute("ANALYZE");
            st.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        }
    }
}
