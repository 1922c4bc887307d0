package dev.trawl.store;

import java.time.Duration;

/**
 * What one worker asks of a frontier: requests at once ({@code --concurrency}), requests at once to one host for
 * the whole crawl ({@code --per-host}), whether a host's slots may be split among workers (a crawl asks for that;
 * whole hosts, one worker each, remain for callers that want them), and the gap between request starts to one host
 * for the whole crawl ({@code --delay}), which a worker that takes a host over waits before its first request there.
 */
public record WorkerDemand(int concurrency, int perHost, boolean splitHosts, Duration delay) {
    public static final WorkerDemand DEFAULT = new WorkerDemand(64, 4, false);

    public WorkerDemand {
        if (concurrency < 1 || perHost < 1 || delay.isNegative()) {
            throw new IllegalArgumentException("concurrency and perHost must be >= 1 and delay >= 0, got "
                    + concurrency + ", " + perHost + ", " + delay);
        }
        splitHosts = splitHosts && perHost > 1;
    }

    /** Without a gap between request starts. */
    public WorkerDemand(int concurrency, int perHost, boolean splitHosts) {
        this(concurrency, perHost, splitHosts, Duration.ZERO);
    }

    /** Hosts it takes to fill --concurrency with --per-host requests each. */
    int wholeHosts() {
        return (concurrency + perHost - 1) / perHost;
    }
}
