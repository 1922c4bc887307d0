package dev.trawl;

import dev.trawl.store.PostgresTestDatabase;
import dev.trawl.testsite.LinkedSites;
import dev.trawl.testsite.TestSite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * bench/workers.sh: trawl processes (each its own JVM) on one fresh PostgreSQL database per run, crawling a site
 * spread over loopback hosts (one JDK HttpServer each, every page answered after a fixed delay).
 *
 * <p>Part 1, HOSTS hosts (default 12) and each worker count (default 1,2,4,8): the workers start together; at a
 * quarter of the pages one more worker joins, at 60 % one of the first is killed with SIGKILL. Reports pages/s and
 * each worker's pages before the join, the claim and upkeep transactions per second, and the seconds until the
 * joiner holds its share of slots and until, after the kill, every live worker holds its share again (samples of
 * host_slots every 100 ms; share = floor(slots of hosts in work / live workers), at most what the worker can use).
 *
 * <p>Part 2, one host with --per-host 8 and 1, 2, 4 workers: pages/s. Part 3, the same with --delay 10ms (a quarter
 * of the pages): pages/s, the start reservations per second the split host costs (host_pace rows written, from
 * pg_stat_user_tables) and the shortest gap between request starts the server saw.
 *
 * <p>Arguments: PAGES (default 12000), WORKER COUNTS (default 1,2,4,8), PAGE DELAY ms (default 20), HOSTS (12).
 */
public final class WorkersBenchmark {
    private WorkersBenchmark() {}

    public static void main(String[] args) throws Exception {
        int pages = args.length > 0 ? Integer.parseInt(args[0]) : 12_000;
        String[] counts = (args.length > 1 ? args[1] : "1,2,4,8").split(",");
        int delayMs = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        int hosts = args.length > 3 ? Integer.parseInt(args[3]) : 12;
        System.out.printf("pages=%d hosts=%d page_delay_ms=%d cores=%d%n", pages, hosts, delayMs,
                Runtime.getRuntime().availableProcessors());
        List<String> many = List.of("--concurrency", "8", "--per-host", "4");
        for (String count : counts) run(pages, hosts, Integer.parseInt(count.strip()), delayMs, many, true);
        List<String> one = List.of("--concurrency", "8", "--per-host", "8");
        for (int w : new int[] {1, 2, 4}) run(pages / 2, 1, w, delayMs, one, false);
        List<String> paced = List.of("--concurrency", "8", "--per-host", "8", "--delay", "10ms");
        for (int w : new int[] {1, 2, 4}) run(pages / 4, 1, w, delayMs, paced, false);
    }

    private static void run(int pages, int hostCount, int workers, int delayMs, List<String> options, boolean events)
            throws Exception {
        List<TestSite> sites = LinkedSites.start(pages, hostCount, 2, delayMs);
        try (var db = PostgresTestDatabase.create()) {
            List<String> args = new ArrayList<>(List.of("crawl"));
            for (int h = 0; h < hostCount; h++) args.add(sites.get(h).url("/p" + h));
            args.addAll(List.of("--db", db.url(), "--quiet", "--ignore-robots"));
            args.addAll(options);
            int perHost = Integer.parseInt(options.get(options.indexOf("--per-host") + 1));
            int cap = Integer.parseInt(options.get(options.indexOf("--concurrency") + 1));
            Path logs = Files.createTempDirectory("trawl-workers-bench");
            List<Process> processes = new ArrayList<>();
            for (int w = 0; w < workers; w++) processes.add(start(args, logs.resolve("worker-" + w + ".log")));
            Sampler s = new Sampler(db);
            long joinAt = 0;
            long killAt = 0;
            double joinSeconds = -1;
            double registeredSeconds = -1;
            double killSeconds = -1;
            Map<Long, Long> phase1 = Map.of();
            double phase1Rate = 0;
            double txRate = 0;
            Process joiner = null;
            Process victim = null;
            long t0 = System.nanoTime();
            long[] tx0 = null;
            while (processes.stream().anyMatch(Process::isAlive)) {
                s.sample();
                long stored = s.stored;
                if (tx0 == null && stored > 0) tx0 = new long[] {s.tx(), System.nanoTime()};
                if (events && joiner == null && stored >= pages / 4) {
                    phase1 = s.pagesByPid();
                    phase1Rate = s.rate();
                    txRate = tx0 == null ? 0 : (s.tx() - tx0[0]) / ((System.nanoTime() - tx0[1]) / 1e9);
                    joiner = start(List.of("worker", "--db", db.url(), "--quiet", "--concurrency", String.valueOf(cap)),
                            logs.resolve("joiner.log"));
                    processes.add(joiner);
                    joinAt = System.nanoTime();
                }
                if (joiner != null && registeredSeconds < 0 && s.slots.containsKey(joiner.pid())) {
                    registeredSeconds = (System.nanoTime() - joinAt) / 1e9;
                }
                if (joiner != null && joinSeconds < 0 && s.holdsShare(joiner.pid(), perHost, cap)) {
                    joinSeconds = (System.nanoTime() - joinAt) / 1e9;
                }
                if (events && workers > 1 && victim == null && stored >= pages * 6 / 10) {
                    victim = processes.getFirst();
                    victim.destroyForcibly();
                    victim.waitFor();
                    killAt = System.nanoTime();
                }
                if (victim != null && killSeconds < 0 && s.allHoldShares(victim.pid(), perHost, cap)) {
                    killSeconds = (System.nanoTime() - killAt) / 1e9;
                }
                Thread.sleep(100);
            }
            for (Process p : processes) {
                if (p != victim && p.exitValue() != 0) throw new IllegalStateException("a worker failed, see " + logs);
            }
            String pacing = "";
            if (!events) {
                s.sample();
                phase1 = s.lastPages;
                phase1Rate = s.rate();
                txRate = tx0 == null ? 0 : (s.tx() - tx0[0]) / ((System.nanoTime() - tx0[1]) / 1e9);
                if (options.contains("--delay")) {
                    long reservations = Long.parseLong(db.scalar("SELECT COALESCE(SUM(n_tup_ins + n_tup_upd), 0)"
                            + " FROM pg_stat_user_tables WHERE relname = 'host_pace'"));
                    List<Long> starts = new ArrayList<>(sites.getFirst().requestStartNanos());
                    starts.sort(null);
                    long minGap = Long.MAX_VALUE;
                    for (int i = 1; i < starts.size(); i++) minGap = Math.min(minGap, starts.get(i) - starts.get(i - 1));
                    pacing = String.format(" reservations_per_s=%.1f min_gap_ms=%.1f", reservations / s.seconds(),
                            minGap / 1e6);
                }
            }
            System.out.printf("hosts=%d workers=%d options=\"%s\" pages_per_s=%.0f shares=%s spread=%s tx_per_s=%.1f%s%s%n",
                    hostCount, workers, String.join(" ", options), phase1Rate, phase1.values(), spread(phase1), txRate, pacing,
                    events ? String.format(" joiner_registered_s=%s rebalance_after_join_s=%s rebalance_after_registered_s=%s"
                                    + " rebalance_after_kill9_s=%s total_s=%.0f load=%s",
                            registeredSeconds < 0 ? "never" : String.format("%.1f", registeredSeconds),
                            joinSeconds < 0 ? "never" : String.format("%.1f", joinSeconds),
                            joinSeconds < 0 || registeredSeconds < 0 ? "never"
                                    : String.format("%.1f", joinSeconds - registeredSeconds),
                            victim == null ? "n/a" : killSeconds < 0 ? "never" : String.format("%.1f", killSeconds),
                            (System.nanoTime() - t0) / 1e9, loadAverage()) : " load=" + loadAverage());
        } finally {
            sites.forEach(TestSite::close);
        }
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (java.io.IOException e) {
            return "?";
        }
    }

    private static String spread(Map<Long, Long> pages) {
        if (pages.size() < 2) return "-";
        long min = pages.values().stream().mapToLong(Long::longValue).min().orElse(0);
        long max = pages.values().stream().mapToLong(Long::longValue).max().orElse(0);
        return min + "-" + max;
    }

    /** What the database says, every 100 ms. */
    private static final class Sampler {
        final PostgresTestDatabase db;
        long stored;
        Map<Long, Long> lastPages = new HashMap<>();
        Map<Long, Integer> slots = new HashMap<>();
        Map<String, long[]> tx = new HashMap<>();
        int hostsInWork;

        Sampler(PostgresTestDatabase db) {
            this.db = db;
        }

        void sample() {
            try {
                stored = Long.parseLong(db.scalar("SELECT COUNT(*) FROM pages"));
                String rows = db.scalar("SELECT string_agg(w.id || ' ' || w.pid || ' ' || w.pages || ' ' || w.claims || ' '"
                        + " || w.checks || ' ' || (SELECT COUNT(*) FROM host_slots s WHERE s.worker = w.id), ',') FROM workers w"
                        + " WHERE w.heartbeat_at > (extract(epoch from clock_timestamp()) * 1000)::bigint - 10000");
                Map<Long, Integer> nowSlots = new HashMap<>();
                if (rows != null) {
                    for (String row : rows.split(",")) {
                        String[] f = row.split(" ");
                        long pid = Long.parseLong(f[1]);
                        lastPages.put(pid, Long.parseLong(f[2]));
                        tx.put(f[0], new long[] {Long.parseLong(f[3]), Long.parseLong(f[4])});
                        nowSlots.put(pid, Integer.parseInt(f[5]));
                    }
                }
                slots = nowSlots;
                hostsInWork = Integer.parseInt(db.scalar("SELECT COUNT(*) FROM (SELECT DISTINCT host FROM frontier"
                        + " WHERE state IN (0, 2)) h"));
            } catch (java.sql.SQLException | NumberFormatException e) {
                // the schema is not there yet in the first moments
            }
        }

        long tx() {
            return tx.values().stream().mapToLong(t -> t[0] + t[1]).sum();
        }

        Map<Long, Long> pagesByPid() {
            return new HashMap<>(lastPages);
        }

        double rate() throws Exception {
            return stored / seconds();
        }

        /** First to last fetched_at. */
        double seconds() throws Exception {
            String first = db.scalar("SELECT MIN(fetched_at) FROM pages");
            String last = db.scalar("SELECT MAX(fetched_at) FROM pages");
            if (first == null) return 0.001;
            return Math.max(0.001, (Instant.parse(last).toEpochMilli() - Instant.parse(first).toEpochMilli()) / 1000.0);
        }

        int share(int perHost, int cap, int live) {
            return live == 0 ? 0 : Math.min(cap, hostsInWork * perHost / live);
        }

        boolean holdsShare(long pid, int perHost, int cap) {
            return slots.containsKey(pid) && slots.get(pid) >= share(perHost, cap, slots.size());
        }

        boolean allHoldShares(long dead, int perHost, int cap) {
            if (slots.containsKey(dead)) return false; // its heartbeat has not expired yet
            return slots.values().stream().allMatch(n -> n >= share(perHost, cap, slots.size()));
        }
    }

    private static Process start(List<String> args, Path log) throws Exception {
        return CliRunner.startChild(List.of(), args, ProcessBuilder.Redirect.to(log.toFile()));
    }
}
