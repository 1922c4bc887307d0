package dev.trawl.crawl;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * The robots.txt entries of {@link RobotsCache}, bounded in number and in estimated bytes, least recently used
 * evicted first: a crawl of a million hosts must not keep a million rule sets. An entry whose weight is 0 (a fetch in
 * progress, which tasks wait on) is never evicted; their number is bounded by the tasks running at once. The map
 * operations are the compare-and-set ones RobotsCache needs, each atomic under one lock (held for map work only,
 * never for a fetch).
 *
 * @param <V> the entry type
 */
final class RobotsTable<V> {
    private final int maxEntries;
    private final long maxBytes;
    private final ToLongFunction<V> weight;
    private final LinkedHashMap<String, V> entries = new LinkedHashMap<>(64, 0.75f, true); // access order: LRU first
    private long bytes;
    private long evicted;

    /**
     * @param maxEntries most origins kept
     * @param maxBytes   most estimated bytes kept, all entries together
     * @param weight     an entry's estimated bytes; 0 pins the entry
     */
    RobotsTable(int maxEntries, long maxBytes, ToLongFunction<V> weight) {
        if (maxEntries < 1 || maxBytes < 1) throw new IllegalArgumentException("bounds must be >= 1");
        this.maxEntries = maxEntries;
        this.maxBytes = maxBytes;
        this.weight = weight;
    }

    synchronized V get(String origin) {
        return entries.get(origin);
    }

    /** Puts value when origin has no entry; returns whether it did. */
    synchronized boolean putIfAbsent(String origin, V value) {
        if (entries.containsKey(origin)) return false;
        put(origin, value);
        return true;
    }

    /** Replaces expected (compared by identity) with value; returns whether it did. */
    synchronized boolean replace(String origin, V expected, V value) {
        if (entries.get(origin) != expected) return false;
        bytes -= weight.applyAsLong(expected);
        put(origin, value);
        return true;
    }

    /** Removes origin's entry when it is expected (compared by identity). */
    synchronized void remove(String origin, V expected) {
        if (entries.get(origin) != expected) return;
        entries.remove(origin);
        bytes -= weight.applyAsLong(expected);
    }

    synchronized int size() {
        return entries.size();
    }

    synchronized long bytes() {
        return bytes;
    }

    /** Entries dropped to keep within the bounds so far. */
    synchronized long evicted() {
        return evicted;
    }

    private void put(String origin, V value) {
        entries.put(origin, value);
        bytes += weight.applyAsLong(value);
        evictBeyondBounds(origin);
    }

    /** Drops the least recently used entries, never a pinned one nor the one just put, until within both bounds. */
    private void evictBeyondBounds(String justPut) {
        Iterator<Map.Entry<String, V>> eldestFirst = entries.entrySet().iterator();
        while ((entries.size() > maxEntries || bytes > maxBytes) && eldestFirst.hasNext()) {
            Map.Entry<String, V> e = eldestFirst.next();
            long w = weight.applyAsLong(e.getValue());
            if (w == 0 || e.getKey().equals(justPut)) continue;
            eldestFirst.remove();
            bytes -= w;
            evicted++;
        }
    }
}
