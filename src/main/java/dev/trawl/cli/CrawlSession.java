package dev.trawl.cli;

import dev.trawl.crawl.Crawl;
import dev.trawl.crawl.CrawlSummary;
import dev.trawl.stats.CrawlStats;
import dev.trawl.stats.MetricsServer;
import dev.trawl.stats.ProgressLine;
import dev.trawl.stats.RunDirectory;
import dev.trawl.stats.SummaryReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * What `trawl crawl` and `trawl worker` share around a running crawl: live counters published for
 * `trawl status`, optional Prometheus metrics, the progress line, Ctrl-C, and the summary.
 *
 * @param runDir      --run-dir, or null for the default
 * @param metricsPort --metrics-port, or null for none
 * @param debug       --debug: the summary also tells which reader parsed the pages
 */
record CrawlSession(String db, Path runDir, boolean keepStatus, Integer metricsPort, boolean quiet, boolean debug,
                    PrintWriter out, PrintWriter err) {

    /** Starts the crawl with the session's listener, waits for it, prints the summary; returns the exit code. */
    int run(Function<CrawlStats, Crawl> start) throws InterruptedException {
        CrawlStats stats = publishStats();
        MetricsServer metrics = null;
        var printed = new CountDownLatch(1);
        Thread hook = null;
        try {
            metrics = serveMetrics(stats);
            Crawl crawl = start.apply(stats);
            stats.watch(crawl::progress);
            Thread onCtrlC = Thread.ofPlatform().unstarted(() -> onInterrupt(crawl, printed));
            Runtime.getRuntime().addShutdownHook(onCtrlC);
            hook = onCtrlC;
            CrawlSummary summary = awaitWithProgress(crawl, stats);
            SummaryReport.print(summary, stats, db, debug, out);
            return ExitCodes.OK;
        } finally {
            if (metrics != null) metrics.close();
            stats.close(); // before the Ctrl-C hook lets the JVM go, so the counters file is removed
            printed.countDown();
            if (hook != null) removeHook(hook);
        }
    }

    /** The live counters, in the run directory when possible; a crawl never fails for want of them. */
    private CrawlStats publishStats() {
        Path dir = RunDirectory.resolve(runDir, System.getenv());
        try {
            return CrawlStats.publish(dir, RunDirectory.crawlId(db), keepStatus);
        } catch (IOException | RuntimeException e) {
            err.println("trawl: " + TrawlCommand.oneLine("cannot publish live counters in " + dir + ": " + e.getMessage()
                    + "; trawl status will not see this crawl"));
            return CrawlStats.inMemory();
        }
    }

    private MetricsServer serveMetrics(CrawlStats stats) {
        if (metricsPort == null) return null;
        var metrics = MetricsServer.start(metricsPort, stats, RunDirectory.crawlId(db));
        err.println("metrics at http://127.0.0.1:" + metrics.port() + "/metrics");
        err.flush();
        return metrics;
    }

    private CrawlSummary awaitWithProgress(Crawl crawl, CrawlStats stats) throws InterruptedException {
        var console = System.console();
        if (quiet || console == null || !console.isTerminal()) return crawl.await();
        var line = ProgressLine.start(stats, err);
        try {
            return crawl.await();
        } finally {
            line.close();
        }
    }

    /** Ctrl-C: stop taking work, let the store commit, and give main the moment it needs to print. */
    private static void onInterrupt(Crawl crawl, CountDownLatch printed) {
        crawl.cancel();
        try {
            printed.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running: it ends once the summary is printed
        }
    }
}
