package dev.trawl.stats;

import dev.trawl.crawl.CrawlProgress;
import java.util.function.Supplier;

/**
 * Copies gauges the crawl keeps itself (queue, in flight) into the counters, works out the recent page
 * rate and beats the heartbeat, a few times a second on one daemon thread. Keeping this off the fetch path
 * is what makes the counters free for the crawl.
 */
final class Sampler implements AutoCloseable {
    static final long PERIOD_MILLIS = 250;
    /**
     * The crawl's gauges sit behind its scheduler's lock, which every task takes: read them once a second,
     * not on every tick, so that this thread (which the OS may preempt while it holds that lock on a busy
     * machine) stays out of the crawl's way. Counters and heartbeat need no lock and go every tick.
     */
    private static final int GAUGE_EVERY = 4;
    /** Samples in the rate's window: 5 s. */
    private static final int WINDOW = 20;
    private final CountersFile counters;
    private final Supplier<CrawlProgress> progress;
    private final long[] pages = new long[WINDOW];
    private final long[] nanos = new long[WINDOW];
    private Ticker ticker;
    private int ticks;

    private Sampler(CountersFile counters, Supplier<CrawlProgress> progress) {
        this.counters = counters;
        this.progress = progress;
    }

    static Sampler start(CountersFile counters, Supplier<CrawlProgress> progress) {
        var sampler = new Sampler(counters, progress);
        sampler.sample();
        sampler.ticker = Ticker.start("trawl-counters", PERIOD_MILLIS, sampler::sample);
        return sampler;
    }

    private void sample() {
        if (ticks % GAUGE_EVERY == 0) gauges();
        long now = System.nanoTime();
        long done = counters.get(Slots.PAGES);
        int slot = ticks % WINDOW;
        int oldest = ticks < WINDOW ? 0 : (ticks + 1) % WINDOW;
        pages[slot] = done;
        nanos[slot] = now;
        ticks++;
        double seconds = (now - nanos[oldest]) / 1e9;
        counters.set(Slots.RATE_MILLI, seconds > 0 ? Math.round((done - pages[oldest]) * 1000 / seconds) : 0);
        counters.heartbeat(System.currentTimeMillis());
    }

    private void gauges() {
        CrawlProgress p = progress.get();
        counters.set(Slots.IN_FLIGHT, p.inFlight());
        counters.set(Slots.QUEUED, p.queued());
    }

    /** Stops sampling after one last sample, so the file ends with the final gauges. */
    @Override
    public void close() {
        ticker.close();
        gauges();
        sample();
    }
}
