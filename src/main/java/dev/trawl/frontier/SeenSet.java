package dev.trawl.frontier;

import org.agrona.collections.LongHashSet;

/**
 * The URLs the crawl knows, as 64-bit fingerprints: about 17 bytes per URL instead of ~100 for the string. Two
 * different URLs share a fingerprint with probability ~n²/2⁶⁵ (3·10⁻⁸ at a million URLs), the price Heritrix and
 * Nutch also pay for fingerprint dedup. Thread-safe: one lock around a primitive set.
 *
 * <p>It only saves the store from writing links it already has: the frontier table's unique URL is the real
 * dedup. So the set stops growing at {@code limit} URLs, and past that {@link #add} answers "maybe new" for any URL
 * it does not hold; the store then drops the duplicates (a little more work per link, no more memory).
 */
public final class SeenSet {
    private static final float LOAD_FACTOR = 0.65f; // Agrona's default
    private final LongHashSet fingerprints = new LongHashSet(1024, LOAD_FACTOR);
    private final int limit;

    /** Unbounded (up to the heap). */
    public SeenSet() {
        this(Integer.MAX_VALUE);
    }

    /** Holds at most limit URLs; see the class comment. */
    public SeenSet(int limit) {
        if (limit < 1) throw new IllegalArgumentException("limit must be >= 1, got " + limit);
        this.limit = limit;
    }

    /**
     * The most URLs a set may hold so that its table never needs more than {@code bytes}: the table is a power of two
     * of 8-byte slots and grows by doubling once it is LOAD_FACTOR full, so stop just before the growth that would
     * pass the budget.
     */
    public static int limitForBytes(long bytes) {
        long slots = Long.highestOneBit(Math.max(2048, bytes / Long.BYTES));
        return (int) Math.min(Integer.MAX_VALUE, (long) (slots * LOAD_FACTOR));
    }

    /** Adds the URL; returns true when it was not known before (or may not have been: the set is full). */
    public boolean add(String url) {
        long fp = fingerprint(url);
        synchronized (this) {
            if (fingerprints.size() >= limit) return !fingerprints.contains(fp);
            return fingerprints.add(fp);
        }
    }

    public boolean contains(String url) {
        long fp = fingerprint(url);
        synchronized (this) {
            return fingerprints.contains(fp);
        }
    }

    public synchronized int size() {
        return fingerprints.size();
    }

    /** Whether the set stopped growing: answers about URLs it does not hold are "maybe new" from now on. */
    public synchronized boolean isFull() {
        return fingerprints.size() >= limit;
    }

    /** Bytes of the table's slots; for tests of the memory bound. */
    synchronized long tableBytes() {
        return (long) fingerprints.capacity() * Long.BYTES;
    }

    /** 64-bit FNV-1a over the chars, then a murmur3 finalizer so that similar URLs spread over the table. */
    static long fingerprint(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0, n = s.length(); i < n; i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }
}
