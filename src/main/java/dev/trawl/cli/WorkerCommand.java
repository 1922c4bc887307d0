package dev.trawl.cli;

import dev.trawl.crawl.Crawler;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * `trawl worker --db postgresql://...`: joins the crawl already in the database, with the options it was started
 * with; only how hard this process works is its own. Live counters, Ctrl-C and the summary are those of
 * `trawl crawl` ({@link CrawlSession}).
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

    @Option(names = "--run-dir", paramLabel = "DIR",
            description = "where live counters are published for trawl status (default as for trawl crawl)")
    Path runDir;

    @Option(names = "--metrics-port", paramLabel = "N", description = "serve the live counters in the Prometheus text format on 127.0.0.1:N (0: any free port)")
    Integer metricsPort;

    @Override
    public Integer call() throws InterruptedException {
        if (concurrency < 1) throw new UsageException("--concurrency: expected an integer >= 1, got " + concurrency);
        if (metricsPort != null && (metricsPort < 0 || metricsPort > 65535)) {
            throw new UsageException("--metrics-port: expected a port from 0 to 65535, got " + metricsPort);
        }
        var session = new CrawlSession(db, runDir, false, metricsPort, quiet,
                spec.commandLine().getOut(), spec.commandLine().getErr());
        return session.run(stats -> Crawler.join(db, concurrency, timeLimit, stats));
    }
}
