package dev.trawl;

import dev.trawl.store.PostgresTestDatabase;
import dev.trawl.testsite.TestSite;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * bench/workers.sh: 1, 2 and 4 trawl processes (`crawl` with the same seeds and options, each its own JVM) on one
 * fresh PostgreSQL database, crawling a site spread over sixteen loopback hosts (127.0.0.2 to 127.0.0.17, one JDK
 * HttpServer each, every page answered after a fixed delay). Reports pages/s and claims/s over the crawl's span
 * (first to last fetched_at, so JVM start-up is left out), URLs per claim and hosts leased, from the workers'
 * running totals (sampled every 100 ms: a worker's row goes when it leaves).
 *
 * <p>Arguments: PAGES (default 20000), WORKER COUNTS (default 1,2,4), PAGE DELAY ms (default 20), then options
 * passed to every process (default --concurrency 8 --per-host 4).
 */
public final class WorkersBenchmark {
    private static final int HOSTS = 16;

    private WorkersBenchmark() {}

    public static void main(String[] args) throws Exception {
        int pages = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        String[] counts = (args.length > 1 ? args[1] : "1,2,4").split(",");
        int delayMs = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        List<String> options = args.length > 3 ? List.of(args).subList(3, args.length)
                : List.of("--concurrency", "8", "--per-host", "4");
        System.out.printf("pages=%d hosts=%d page_delay_ms=%d options=%s cores=%d%n", pages, HOSTS, delayMs,
                String.join(" ", options), Runtime.getRuntime().availableProcessors());
        for (String count : counts) {
            run(pages, Integer.parseInt(count.strip()), delayMs, options);
        }
    }

    private static void run(int pages, int workers, int delayMs, List<String> options) throws Exception {
        List<TestSite> sites = sites(pages, delayMs);
        try (var db = PostgresTestDatabase.create()) {
            List<String> args = new ArrayList<>(List.of("crawl"));
            for (int h = 0; h < HOSTS; h++) args.add(sites.get(h).url("/p" + h));
            args.addAll(List.of("--db", db.url(), "--quiet", "--ignore-robots"));
            args.addAll(options);
            Path logs = Files.createTempDirectory("trawl-workers-bench");
            List<Process> processes = new ArrayList<>();
            for (int w = 0; w < workers; w++) processes.add(start(args, logs.resolve("worker-" + w + ".log")));
            Map<String, long[]> totals = new HashMap<>();
            while (processes.stream().anyMatch(Process::isAlive)) {
                sample(db, totals);
                Thread.sleep(100);
            }
            for (Process p : processes) {
                if (p.exitValue() != 0) throw new IllegalStateException("a worker failed, see " + logs);
            }
            report(db, workers, totals);
        } finally {
            sites.forEach(TestSite::close);
        }
    }

    private static void sample(PostgresTestDatabase db, Map<String, long[]> totals) {
        try {
            String rows = db.scalar("SELECT string_agg(id || ' ' || claims || ' ' || claimed || ' ' || hosts_leased, ',')"
                    + " FROM workers");
            if (rows == null) return;
            for (String row : rows.split(",")) {
                String[] f = row.split(" ");
                totals.put(f[0], new long[] {Long.parseLong(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3])});
            }
        } catch (java.sql.SQLException e) {
            // the schema is not there yet in the first moments
        }
    }

    private static void report(PostgresTestDatabase db, int workers, Map<String, long[]> totals) throws Exception {
        long stored = Long.parseLong(db.scalar("SELECT COUNT(*) FROM pages"));
        Instant first = Instant.parse(db.scalar("SELECT MIN(fetched_at) FROM pages"));
        Instant last = Instant.parse(db.scalar("SELECT MAX(fetched_at) FROM pages"));
        double seconds = (last.toEpochMilli() - first.toEpochMilli()) / 1000.0;
        long claims = totals.values().stream().mapToLong(t -> t[0]).sum();
        long claimed = totals.values().stream().mapToLong(t -> t[1]).sum();
        long leased = totals.values().stream().mapToLong(t -> t[2]).sum();
        System.out.printf("workers=%d pages=%d span_s=%.1f pages_per_s=%.0f claims=%d claims_per_s=%.1f"
                        + " urls_per_claim=%.1f host_leases=%d%n", workers, stored, seconds, stored / seconds, claims,
                claims / seconds, claims == 0 ? 0.0 : (double) claimed / claims, leased);
    }

    private static List<TestSite> sites(int pages, int delayMs) throws Exception {
        List<TestSite> sites = new ArrayList<>();
        for (int h = 0; h < HOSTS; h++) sites.add(TestSite.start(InetAddress.getByName("127.0.0." + (h + 2))));
        for (int i = 0; i < pages; i++) {
            var html = new StringBuilder("<title>P").append(i).append("</title>");
            for (int k = 1; k <= 4; k++) {
                int j = (i * 4 + k) % pages;
                html.append("<a href=\"").append(sites.get(j % HOSTS).url("/p" + j)).append("\">l</a>");
            }
            sites.get(i % HOSTS).slowPage("/p" + i, delayMs, html.toString());
        }
        return sites;
    }

    private static Process start(List<String> args, Path log) throws Exception {
        return CliRunner.startChild(List.of(), args, ProcessBuilder.Redirect.to(log.toFile()));
    }
}
