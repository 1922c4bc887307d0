package dev.trawl.cli;

import dev.trawl.crawl.Crawl;
import dev.trawl.crawl.CrawlSummary;
import dev.trawl.crawl.Crawler;
import dev.trawl.stats.CrawlStats;
import dev.trawl.stats.ProgressLine;
import dev.trawl.stats.SummaryReport;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * `trawl worker --db postgresql://...`: joins the crawl already in the database, with the options it was started
 * with; only how hard this process works is its own. Waiting, Ctrl-C and the summary are as for `trawl crawl`
 * (kept apart from CrawlCommand so that the two can change independently).
 */
@Command(name = "worker", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Join the crawl in a PostgreSQL database as one more worker, with the options it was started with.")
final class WorkerCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--db", paramLabel = "TARGET", required = true,
            description = "the crawl's PostgreSQL database (postgresql://user@host/db)")
    String db;

    @Option(names = "--concurrency", paramLabel = "N", defaultValue = "64",
            description = "requests in flight from this worker, all hosts together (default: ${DEFAULT-VALUE})")
    int concurrency;

    @Option(names = "--time-limit", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "stop this worker gracefully after this long; its unfinished URLs go back to the others")
    Duration timeLimit;

    @Option(names = "--quiet", description = "no progress line")
    boolean quiet;

    @Option(names = "--debug", description = "print stack traces of internal errors")
    boolean debug;

    @Override
    public Integer call() throws InterruptedException {
        if (concurrency < 1) throw new UsageException("--concurrency: expected an integer >= 1, got " + concurrency);
        var stats = new CrawlStats();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Crawl crawl = Crawler.join(db, concurrency, timeLimit, stats);
        var printed = new CountDownLatch(1);
        Thread hook = Thread.ofPlatform().unstarted(() -> onInterrupt(crawl, printed));
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            CrawlSummary summary = awaitWithProgress(crawl, stats, err);
            SummaryReport.print(summary, stats, db, out);
            return ExitCodes.OK;
        } finally {
            printed.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it ends once the summary is printed
            }
        }
    }

    private CrawlSummary awaitWithProgress(Crawl crawl, CrawlStats stats, PrintWriter err) throws InterruptedException {
        var console = System.console();
        if (quiet || console == null || !console.isTerminal()) return crawl.await();
        var line = ProgressLine.start(stats, crawl::progress, err);
        try {
            return crawl.await();
        } finally {
            line.close();
        }
    }

    /** Ctrl-C: stop taking work; the store commits, and this worker's unfinished URLs go back to the others. */
    private static void onInterrupt(Crawl crawl, CountDownLatch printed) {
        crawl.cancel();
        try {
            printed.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
