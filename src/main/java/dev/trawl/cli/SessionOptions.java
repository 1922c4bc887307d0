package dev.trawl.cli;

import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** The options of `crawl` and `worker` that are about this process rather than the crawl (a picocli mixin). */
final class SessionOptions {
    @Option(names = "--quiet", description = "no progress line (default: off; the line shows only on a terminal)")
    boolean quiet;

    @Option(names = "--debug", description = "print stack traces of internal errors, and which parser read the pages in the summary (default: off)")
    boolean debug;

    @Option(names = "--metrics-port", paramLabel = "PORT",
            description = "serve live counters in the Prometheus text format at http://127.0.0.1:PORT/metrics (0: any free port; default: none)")
    Integer metricsPort;

    @Option(names = "--run-dir", paramLabel = "DIR",
            description = "where live counters are published for trawl status (default: $TRAWL_RUN_DIR, else $XDG_RUNTIME_DIR/trawl, else /dev/shm/trawl-USER or a trawl-USER temp directory)")
    Path runDir;

    /** The session of a crawling process on db, once the options are checked. */
    CrawlSession session(String db, boolean keepStatus, CommandSpec spec) {
        if (metricsPort != null && (metricsPort < 0 || metricsPort > 65_535)) {
            throw new UsageException("--metrics-port: expected a port from 0 to 65535, got " + metricsPort);
        }
        return new CrawlSession(db, runDir, keepStatus, metricsPort, quiet, debug,
                spec.commandLine().getOut(), spec.commandLine().getErr());
    }
}
