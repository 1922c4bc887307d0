package dev.trawl.stats;

import dev.trawl.crawl.Crawl;
import dev.trawl.crawl.CrawlConfig;
import dev.trawl.crawl.CrawlListener;
import dev.trawl.crawl.CrawlSummary;
import dev.trawl.crawl.Crawler;
import dev.trawl.testsite.TestSite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Does publishing live counters cost crawl throughput? Crawls the same site in alternating runs with the
 * counters as {@code trawl crawl} uses them (mapped file, sampler thread) and with no listener at all, and
 * prints pages/s of each run and the medians. JMH-free on purpose: what matters is the whole crawl.
 *
 * <p>{@code CountersBench [ROUNDS] [PAGES|URL]}: with a URL, crawls that (e.g. the shared nginx site)
 * instead of the built-in loopback site of PAGES pages.
 */
public final class CountersBench {
    private CountersBench() {}

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        String target = args.length > 1 ? args[1] : "10000";
        Path work = Files.createTempDirectory("trawl-counters-bench");
        TestSite site = target.startsWith("http") ? null : site(Integer.parseInt(target));
        String seed = site == null ? target : site.url("/p0");
        try {
            List<double[]> with = new ArrayList<>();
            List<double[]> without = new ArrayList<>();
            crawl(seed, work, -1, true); // warm-up, both ways: JIT, connection setup, page cache
            crawl(seed, work, 0, false);
            for (int r = 1; r <= rounds; r++) {
                boolean first = r % 2 == 0; // alternate which goes first, so drift hits both alike
                double[] a = crawl(seed, work, r * 2, first);
                double[] b = crawl(seed, work, r * 2 + 1, !first);
                with.add(first ? a : b);
                without.add(first ? b : a);
                System.out.printf(Locale.ROOT, "round %d: with counters %.0f pages/s (%.0f us CPU/page), without %.0f pages/s (%.0f us CPU/page)%n",
                        r, with.getLast()[0], with.getLast()[1], without.getLast()[0], without.getLast()[1]);
            }
            double m1 = median(with, 0);
            double m0 = median(without, 0);
            System.out.printf(Locale.ROOT, "median: with counters %.0f pages/s, without %.0f pages/s (%+.1f%%); CPU/page %.0f us vs %.0f us%n",
                    m1, m0, (m1 - m0) * 100 / m0, median(with, 1), median(without, 1));
            eventCost();
        } finally {
            if (site != null) site.close();
        }
    }

    /** pages/s and process CPU microseconds per page (the in-process site's share included, alike both ways). */
    private static double[] crawl(String seed, Path work, int run, boolean counters) throws Exception {
        Path db = work.resolve("run-" + run + ".db");
        CrawlConfig config = CrawlConfig.builder(List.of(seed)).db(db.toString()).concurrency(64).perHost(64)
                .ignoreRobots(true).build();
        CrawlStats stats = counters ? CrawlStats.publish(work.resolve("run"), db.toString(), false) : null;
        CrawlListener listener = counters ? stats : CrawlListener.NONE;
        CrawlSummary summary;
        long cpu = cpuNanos();
        try (Crawl crawl = Crawler.start(config, listener)) {
            if (stats != null) stats.watch(crawl::progress);
            summary = crawl.await();
        } finally {
            if (stats != null) stats.close();
        }
        for (String suffix : List.of("", "-wal", "-shm")) Files.deleteIfExists(Path.of(db + suffix));
        cpu = cpuNanos() - cpu;
        return new double[] {summary.pagesPerSecond(), cpu / 1e3 / Math.max(1, summary.recorded())};
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** The cost of one page's worth of counter updates, alone and with 64 threads on the same counters. */
    private static void eventCost() throws Exception {
        Path dir = Files.createTempDirectory("trawl-counters-cost");
        var page = dev.trawl.store.TestRecords.answered("http://a.test/", 200, null, 4096, 12);
        try (var stats = CrawlStats.publish(dir, "cost", false)) {
            for (int threads : new int[] {1, 64}) {
                int perThread = 20_000_000 / threads;
                for (int warm = 0; warm < 2; warm++) {
                    long start = System.nanoTime();
                    try (var pool = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
                        for (int t = 0; t < threads; t++) {
                            pool.execute(() -> {
                                for (int i = 0; i < perThread; i++) {
                                    stats.requestStarted();
                                    stats.recorded(page);
                                }
                            });
                        }
                    }
                    double ns = (System.nanoTime() - start) / (double) (perThread * (long) threads);
                    if (warm == 1) System.out.printf(Locale.ROOT, "counter updates per page (request + record): %.0f ns wall, %d writer thread(s)%n", ns, threads);
                }
            }
        }
    }

    /** Pages of about 4 KB, each linking to 20 others, all reachable from /p0. */
    private static TestSite site(int pages) throws Exception {
        var site = TestSite.start();
        String filler = "<p>" + "lorem ipsum dolor sit amet ".repeat(120) + "</p>";
        for (int i = 0; i < pages; i++) {
            var html = new StringBuilder("<!doctype html><title>page ").append(i).append("</title>").append(filler);
            for (int k = 1; k <= 20; k++) html.append("<a href=\"/p").append((i * 7L + k) % pages).append("\">x</a>");
            site.html("/p" + i, html.toString());
        }
        return site;
    }

    private static double median(List<double[]> runs, int column) {
        List<Double> sorted = runs.stream().map(r -> r[column]).sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
