package dev.trawl.cli;

import dev.trawl.crawl.Crawl;
import dev.trawl.crawl.CrawlConfig;
import dev.trawl.crawl.CrawlSummary;
import dev.trawl.crawl.Crawler;
import dev.trawl.demo.DemoSite;
import dev.trawl.export.TerminalText;
import dev.trawl.stats.CrawlStats;
import dev.trawl.stats.SummaryReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** `trawl demo`: crawls a built-in website on loopback, offline, and shows what to try next. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Serve a small built-in website on 127.0.0.1 and crawl it into ./trawl-demo.db (works offline).",
        footerHeading = "%nExamples:%n",
        footer = {"  trawl demo",
                "  trawl demo && trawl export --db trawl-demo.db | head"})
final class DemoCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--db", paramLabel = "FILE", defaultValue = "trawl-demo.db", description = "where to store the crawl (default: ${DEFAULT-VALUE}); replaced on each run")
    String db;

    @Option(names = "--pages", paramLabel = "N", defaultValue = "300", description = "pages on the demo site (default: ${DEFAULT-VALUE})")
    int pages;

    @Option(names = "--debug", description = "print stack traces of internal errors (default: off)")
    boolean debug;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (pages < 1) throw new UsageException("--pages: expected an integer >= 1, got " + pages);
        PrintWriter out = spec.commandLine().getOut();
        deleteOldDemo();
        try (DemoSite site = DemoSite.start(pages)) {
            out.println("demo site serving " + pages + " pages at " + site.url());
            var stats = new CrawlStats();
            // The site's port changes each run, so each demo is a new crawl (the old database was removed).
            CrawlConfig config = CrawlConfig.builder(List.of(site.url())).db(db).perHost(16).timeout(java.time.Duration.ofSeconds(5)).build();
            CrawlSummary summary;
            try (Crawl crawl = Crawler.start(config, stats)) {
                summary = crawl.await();
            }
            SummaryReport.print(summary, stats, db, out);
        }
        String shown = TerminalText.safe(db); // a path the user gave, echoed to a terminal
        out.println();
        out.println("Next, try:");
        out.println("  ./trawl serve --db " + shown + "                          # the crawl in your browser");
        out.println("  ./trawl export --db " + shown + " | head -n 3              # JSON lines, one per URL");
        out.println("  ./trawl export --db " + shown + " --out demo.csv           # the same as CSV");
        out.println("  sqlite3 " + shown + " 'select status, count(*) from pages group by 1'");
        out.println("  ./trawl crawl https://example.com/ --max-pages 20 --db example.db");
        out.flush();
        return ExitCodes.OK;
    }

    private void deleteOldDemo() throws IOException {
        for (String suffix : List.of("", "-wal", "-shm")) Files.deleteIfExists(Path.of(db + suffix));
    }
}
