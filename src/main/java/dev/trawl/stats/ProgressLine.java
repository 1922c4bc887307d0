package dev.trawl.stats;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * The live status line on a terminal: redrawn in place a few times a second on stderr, from the same
 * counters {@code trawl status} reads (the rate is the sampler's, over the last few seconds).
 */
public final class ProgressLine implements AutoCloseable {
    private static final long REFRESH_MILLIS = 250;
    private final CrawlStats stats;
    private final PrintWriter err;
    private Ticker ticker;

    private ProgressLine(CrawlStats stats, PrintWriter err) {
        this.stats = stats;
        this.err = err;
    }

    /** Starts redrawing; {@code stats} should be {@link CrawlStats#watch watching} the crawl for live gauges. */
    public static ProgressLine start(CrawlStats stats, PrintWriter err) {
        var line = new ProgressLine(stats, err);
        line.ticker = Ticker.start("trawl-progress", REFRESH_MILLIS, line::draw);
        return line;
    }

    private void draw() {
        CounterSnapshot s = stats.snapshot();
        err.print("\r\033[K" + line(s));
        err.flush();
    }

    static String line(CounterSnapshot s) {
        return String.format(Locale.ROOT, "%,d done  %,d queued  %,d in flight  %,d errors  %,.0f pages/s",
                s.pages(), s.queued(), s.inFlight(), s.errors(), s.pagesPerSecond());
    }

    /** Stops redrawing and clears the line. */
    @Override
    public void close() {
        ticker.close();
        err.print("\r\033[K");
        err.flush();
    }
}
