package dev.trawl.frontier;

/** Permission to send one request for {@code item}; hand it back with {@link Scheduler#release}. */
public final class Lease {
    private final CrawlItem item;
    final HostQueue host;
    boolean released;
    boolean ended;
    /** The host was shared with other workers when this lease was taken: its start is reserved crawl-wide. */
    boolean paced;

    Lease(CrawlItem item, HostQueue host) {
        this.item = item;
        this.host = host;
    }

    public CrawlItem item() {
        return item;
    }
}
