package dev.trawl.store;

/**
 * A host this worker holds more of than its fair share: it keeps {@code keep} slots (0: gives the host up), sends
 * no more requests there than it keeps, and calls {@link Coordination#handOver} once its requests in flight there
 * are down to that.
 */
public record HandOver(String host, int keep) {
    public HandOver {
        if (keep < 0) throw new IllegalArgumentException("keep must be >= 0, got " + keep);
    }
}
