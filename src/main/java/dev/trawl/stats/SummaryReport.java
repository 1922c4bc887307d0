package dev.trawl.stats;

import dev.trawl.crawl.CrawlSummary;
import dev.trawl.export.TerminalText;
import dev.trawl.store.Change;
import java.io.PrintWriter;
import java.util.Locale;

/** The lines printed when a crawl ends, whatever ended it. Text from outside is shown terminal-safe. */
public final class SummaryReport {
    private SummaryReport() {}

    public static void print(CrawlSummary summary, CrawlStats stats, String db, PrintWriter out) {
        print(summary, stats, db, false, out);
    }

    /** debug adds which reader parsed the HTML pages: the tag scanner, or jsoup and why (--debug). */
    public static void print(CrawlSummary summary, CrawlStats stats, String db, boolean debug, PrintWriter out) {
        double seconds = summary.elapsed().toMillis() / 1000.0;
        out.printf(Locale.ROOT, "crawled %,d URLs in %.1fs (%,.0f pages/s): %,d ok, %,d errors, %,d denied by robots.txt, %,d retries%n",
                summary.recorded(), seconds, summary.pagesPerSecond(),
                summary.recorded() - stats.errors() - stats.robotsDenied(), stats.errors(), stats.robotsDenied(), stats.retries());
        out.printf(Locale.ROOT, "%s; %,d URLs pending; database %s%n", describe(summary), summary.pending(),
                TerminalText.safe(db));
        long revisited = stats.changes(Change.CHANGED) + stats.changes(Change.UNCHANGED) + stats.changes(Change.GONE);
        if (revisited > 0) { // a recrawl: a first crawl's pages are all new, and saying so adds nothing
            out.printf(Locale.ROOT, "recrawl: %,d changed, %,d unchanged, %,d gone (404/410), %,d new%n",
                    stats.changes(Change.CHANGED), stats.changes(Change.UNCHANGED), stats.changes(Change.GONE),
                    stats.changes(Change.NEW));
        }
        stats.sitemaps().summary().ifPresent(line -> out.println(TerminalText.safe(line)));
        if (stats.robotsGaveUp() > 0) {
            out.printf(Locale.ROOT, "robots.txt unreachable (5xx or no answer) on every try: %,d host(s), e.g. %s;"
                    + " their URLs stay pending (run the same command again to retry)%n",
                    stats.robotsGaveUp(), TerminalText.safe(stats.robotsGaveUpExample()));
        }
        stats.archiveNotes().forEach(line -> out.println(TerminalText.safe(line)));
        if (debug) out.println(parsers(stats.snapshot()));
        out.flush();
    }

    /** "parsed 530 HTML pages: 1 by the tag scanner, 529 by jsoup (foreign_content 529)". */
    static String parsers(CounterSnapshot c) {
        String line = String.format(Locale.ROOT, "parsed %,d HTML pages: %,d by the tag scanner, %,d by jsoup",
                c.scannedPages() + c.jsoupPages(), c.scannedPages(), c.jsoupPages());
        if (c.jsoupPages() == 0) return line;
        return line + c.jsoupFallbacksOrdered().entrySet().stream()
                .map(e -> String.format(Locale.ROOT, "%s %,d", e.getKey(), e.getValue()))
                .collect(java.util.stream.Collectors.joining(", ", " (", ")"));
    }

    private static String describe(CrawlSummary summary) {
        return switch (summary.stoppedBy()) {
            case COMPLETE -> "complete";
            case MAX_PAGES -> "stopped at --max-pages";
            case TIME_LIMIT -> "stopped at --time-limit (run the same command again to resume)";
            case CANCELLED -> "interrupted (run the same command again to resume)";
        };
    }
}
