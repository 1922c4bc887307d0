package dev.trawl.cli;

import dev.trawl.export.TerminalText;
import dev.trawl.stats.CrawlProcess;
import dev.trawl.stats.RunDirectory;
import dev.trawl.stats.StatusReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * `trawl status [--db TARGET] [--watch] [--json]`: reads the live counters every crawl process publishes in
 * the run directory, from outside those processes and without touching their databases.
 */
@Command(name = "status", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Show the crawls running now (pages, pages/s, in flight, queue, errors, latency), per process and in total.",
        footerHeading = "%nExamples:%n",
        footer = {"  trawl status",
                "  trawl status --json"})
final class StatusCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--db", paramLabel = "TARGET", description = "only the crawl on this database (default: all crawls)")
    String db;

    @Option(names = "--watch", description = "refresh in place until the crawls end (or Ctrl-C) (default: off, print once)")
    boolean watch;

    @Option(names = "--interval", paramLabel = "DURATION", defaultValue = "1s", converter = DurationConverter.class,
            description = "time between refreshes with --watch (default: ${DEFAULT-VALUE})")
    Duration interval;

    @Option(names = "--json", description = "one JSON document (per refresh with --watch, one per line) (default: off, a table)")
    boolean json;

    @Option(names = "--run-dir", paramLabel = "DIR",
            description = "where crawls publish their counters (default: as trawl crawl: $TRAWL_RUN_DIR, else $XDG_RUNTIME_DIR/trawl, else /dev/shm/trawl-USER or a trawl-USER temp directory)")
    Path runDir;

    @Option(names = "--prune", description = "remove counters files left by finished or dead crawls, then exit (default: off)")
    boolean prune;

    @Override
    public Integer call() throws InterruptedException {
        if (interval.compareTo(Duration.ofMillis(100)) < 0) {
            throw new UsageException("--interval: expected at least 100ms, got " + interval.toMillis() + "ms");
        }
        Path dir = RunDirectory.resolve(runDir, System.getenv());
        PrintWriter out = spec.commandLine().getOut();
        if (prune) {
            int removed = read(() -> RunDirectory.prune(dir), dir);
            out.println("removed " + removed + " counters file(s) from " + TerminalText.safe(dir.toString()));
            out.flush();
            return ExitCodes.OK;
        }
        String crawlId = db == null ? null : RunDirectory.crawlId(db);
        List<CrawlProcess> processes = list(dir, crawlId);
        if (processes.isEmpty() && !json) {
            out.println(TerminalText.safe("no crawl running" + (db == null ? "" : " on " + crawlId)
                    + " (counters directory: " + dir + ")"));
            out.flush();
            return ExitCodes.OK;
        }
        if (!watch) {
            print(processes, out, false);
            return ExitCodes.OK;
        }
        return watch(dir, crawlId, processes, out);
    }

    /** Redraws until no process is running any more, then leaves the last picture on screen. */
    private int watch(Path dir, String crawlId, List<CrawlProcess> first, PrintWriter out) throws InterruptedException {
        var console = System.console();
        boolean inPlace = !json && console != null && console.isTerminal();
        List<CrawlProcess> processes = first;
        while (true) {
            print(processes, out, inPlace);
            if (processes.stream().noneMatch(p -> p.state() == CrawlProcess.State.RUNNING)) return ExitCodes.OK;
            Thread.sleep(interval);
            processes = list(dir, crawlId);
            if (!inPlace && !json) out.println();
        }
    }

    private void print(List<CrawlProcess> processes, PrintWriter out, boolean inPlace) {
        var report = new StatusReport(processes, Instant.now());
        if (inPlace) out.print("\033[H\033[J"); // cursor home, clear screen: redraw in place
        if (json) {
            report.printJson(out);
            out.println();
            out.flush();
        } else {
            report.printTable(out);
        }
    }

    private static List<CrawlProcess> list(Path dir, String crawlId) {
        return read(() -> RunDirectory.list(dir, crawlId), dir);
    }

    private interface DirectoryRead<T> {
        T run() throws IOException;
    }

    private static <T> T read(DirectoryRead<T> action, Path dir) {
        try {
            return action.run();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read counters directory " + dir + ": " + e.getMessage(), e);
        }
    }
}
