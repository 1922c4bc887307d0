package dev.trawl.cli;

import dev.trawl.crawl.Crawler;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * `trawl worker --db postgresql://...`: joins the crawl already in the database, with the options it was started
 * with; only how hard this process works is its own. Live counters, Ctrl-C and the summary are those of
 * `trawl crawl` ({@link CrawlSession}).
 */
@Command(name = "worker", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Join the crawl in a PostgreSQL database as one more worker, with the options it was started with.",
        footerHeading = "%nExamples:%n",
        footer = {"  trawl crawl https://example.com/ --db postgresql://me@db/crawl  # first one",
                "  trawl worker --db postgresql://me@db/crawl  # more, on any machine"})
final class WorkerCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--db", paramLabel = "TARGET", required = true,
            description = "the crawl's PostgreSQL database (postgresql://user@host/db) (required)")
    String db;

    @Option(names = "--concurrency", paramLabel = "N", defaultValue = "64",
            description = "requests in flight from this worker, all hosts together (default: ${DEFAULT-VALUE})")
    int concurrency;

    @Option(names = "--time-limit", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "stop this worker gracefully after this long; its unfinished URLs go back to the others (default: no limit)")
    Duration timeLimit;

    @Mixin SessionOptions process;

    @Override
    public Integer call() throws InterruptedException {
        if (concurrency < 1) throw new UsageException("--concurrency: expected an integer >= 1, got " + concurrency);
        return process.session(db, false, spec).run(stats -> Crawler.join(db, concurrency, timeLimit, stats));
    }
}
