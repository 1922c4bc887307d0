package dev.trawl.stats;

import dev.trawl.crawl.CrawlProgress;
import java.io.PrintWriter;
import java.util.function.Supplier;

/**
 * The live status line on a terminal: redrawn in place a few times a second on stderr. The rate is over
 * the last few seconds, so it shows the pace now rather than the average since start.
 */
public final class ProgressLine implements AutoCloseable {
    private static final long REFRESH_MILLIS = 250;
    private static final int WINDOW = 8; // refreshes in the rate's window: 2 s
    private final CrawlStats stats;
    private final Supplier<CrawlProgress> progress;
    private final PrintWriter err;
    private final Thread thread;
    private final long[] history = new long[WINDOW];
    private final long[] times = new long[WINDOW];
    private int ticks;

    private ProgressLine(CrawlStats stats, Supplier<CrawlProgress> progress, PrintWriter err) {
        this.stats = stats;
        this.progress = progress;
        this.err = err;
        this.thread = Thread.ofPlatform().daemon().name("trawl-progress").unstarted(this::loop);
    }

    public static ProgressLine start(CrawlStats stats, Supplier<CrawlProgress> progress, PrintWriter err) {
        var line = new ProgressLine(stats, progress, err);
        line.thread.start();
        return line;
    }

    private void loop() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Thread.sleep(REFRESH_MILLIS);
                draw();
            }
        } catch (InterruptedException e) {
            // closing
        }
    }

    private void draw() {
        long now = System.nanoTime();
        long done = stats.recorded();
        int slot = ticks % WINDOW;
        int oldest = ticks < WINDOW ? 0 : (ticks + 1) % WINDOW;
        history[slot] = done;
        times[slot] = now;
        ticks++;
        double seconds = (now - times[oldest]) / 1e9;
        double rate = seconds > 0 ? (done - history[oldest]) / seconds : 0;
        CrawlProgress p = progress.get();
        err.printf("\r\033[K%,d done  %,d queued  %,d in flight  %,d errors  %,.0f pages/s",
                done, p.queued(), p.inFlight(), stats.errors(), rate);
        err.flush();
    }

    /** Stops redrawing and clears the line. */
    @Override
    public void close() {
        thread.interrupt();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        err.print("\r\033[K");
        err.flush();
    }
}
