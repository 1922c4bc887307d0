package dev.trawl.frontier;

import org.agrona.collections.LongHashSet;

/**
 * Every URL the crawl knows, as 64-bit fingerprints: about 16 bytes per URL instead of ~100 for the string.
 * Two different URLs share a fingerprint with probability ~n²/2⁶⁵ (3·10⁻⁸ at a million URLs), the
 * price Heritrix and Nutch also pay for fingerprint dedup. Thread-safe: one lock around a primitive set.
 */
public final class SeenSet {
    private final LongHashSet fingerprints = new LongHashSet();

    /** Adds the URL; returns true when it was not known before. */
    public boolean add(String url) {
        long fp = fingerprint(url);
        synchronized (this) {
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
