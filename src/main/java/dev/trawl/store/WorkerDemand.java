package dev.trawl.store;

/**
 * What one worker asks of a frontier: requests at once ({@code --concurrency}), requests at once to one host for
 * the whole crawl ({@code --per-host}), and whether a host's slots may be split among workers (only when nothing
 * paces requests across them: {@code --delay 0}).
 */
public record WorkerDemand(int concurrency, int perHost, boolean splitHosts) {
    public static final WorkerDemand DEFAULT = new WorkerDemand(64, 4, false);

    public WorkerDemand {
        if (concurrency < 1 || perHost < 1) {
            throw new IllegalArgumentException("concurrency and perHost must be >= 1, got " + concurrency + ", " + perHost);
        }
        splitHosts = splitHosts && perHost > 1;
    }

    /** Hosts it takes to fill --concurrency with --per-host requests each. */
    int wholeHosts() {
        return (concurrency + perHost - 1) / perHost;
    }
}
