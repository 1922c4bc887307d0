package dev.trawl.stats;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A crawl's counters as read at one moment. Counts are totals since the process started; in flight,
 * queued and the page rate are gauges. Adding two snapshots sums everything (rates included), which is
 * what a total over several processes means.
 *
 * @param pages           URLs whose outcome was stored (fetched, failed or denied)
 * @param bytes           decoded body bytes of those pages
 * @param requests        requests sent: pages, redirect hops, retries and robots.txt
 * @param errors          outcomes with an error code or a 4xx/5xx status (robots denials not included)
 * @param pagesPerSecond  pages stored per second over the last few seconds
 * @param errorsByKind    error count per kind (timeout, connect, ..., http_4xx, http_5xx), zeros left out
 * @param statusClasses   responses by class: index 0 is 1xx, 4 is 5xx
 * @param latencyBuckets  page latency histogram, bounds in {@link #latencyBoundsMillis()}
 * @param scannedPages    HTML pages read by the tag scanner alone
 * @param jsoupFallbacks  HTML pages read by jsoup's tree builder, per reason (see JsoupFallback), zeros left out
 */
public record CounterSnapshot(long pages, long bytes, long requests, long retries, long robotsDenied, long errors,
                              long inFlight, long queued, double pagesPerSecond, Map<String, Long> errorsByKind,
                              long[] statusClasses, long[] latencyBuckets, long latencySumMillis,
                              long scannedPages, Map<String, Long> jsoupFallbacks) {
    public CounterSnapshot {
        errorsByKind = Map.copyOf(errorsByKind);
        jsoupFallbacks = Map.copyOf(jsoupFallbacks);
        statusClasses = statusClasses.clone();
        latencyBuckets = latencyBuckets.clone();
    }

    static final CounterSnapshot EMPTY = new CounterSnapshot(0, 0, 0, 0, 0, 0, 0, 0, 0, Map.of(),
            new long[Slots.STATUS_CLASSES], new long[LatencyBuckets.COUNT], 0, 0, Map.of());

    /** Reads every slot once; each value is exact, the set is as consistent as a running crawl allows. */
    static CounterSnapshot read(CountersFile file) {
        Map<String, Long> kinds = new LinkedHashMap<>();
        List<String> names = List.of(file.errorKinds().split(","));
        for (int i = 0; i < names.size(); i++) {
            long n = file.get(Slots.FIRST_ERROR_KIND + i);
            if (n != 0) kinds.put(names.get(i), n);
        }
        long[] classes = new long[Slots.STATUS_CLASSES];
        for (int i = 0; i < classes.length; i++) classes[i] = file.get(Slots.FIRST_STATUS_CLASS + i);
        // error kinds are read from the file, so a file from another build still places its buckets right
        int firstBucket = Slots.FIRST_ERROR_KIND + names.size();
        long[] buckets = new long[LatencyBuckets.COUNT];
        for (int i = 0; i < buckets.length; i++) buckets[i] = file.get(firstBucket + i);
        // the parse counters follow the histogram, their reasons named in the file (none in older builds' files)
        int scanned = firstBucket + LatencyBuckets.COUNT;
        Map<String, Long> fallbacks = new LinkedHashMap<>();
        String reasons = file.fallbacks();
        List<String> fallbackNames = reasons.isEmpty() ? List.of() : List.of(reasons.split(","));
        for (int i = 0; i < fallbackNames.size(); i++) {
            long n = file.get(scanned + 1 + i);
            if (n != 0) fallbacks.put(fallbackNames.get(i), n);
        }
        return new CounterSnapshot(file.get(Slots.PAGES), file.get(Slots.BYTES), file.get(Slots.REQUESTS),
                file.get(Slots.RETRIES), file.get(Slots.ROBOTS_DENIED), file.get(Slots.ERRORS),
                file.get(Slots.IN_FLIGHT), file.get(Slots.QUEUED), file.get(Slots.RATE_MILLI) / 1000.0,
                kinds, classes, buckets, file.get(Slots.LATENCY_SUM_MILLIS),
                fallbackNames.isEmpty() ? 0 : file.get(scanned), fallbacks);
    }

    public CounterSnapshot plus(CounterSnapshot o) {
        Map<String, Long> kinds = new LinkedHashMap<>(errorsByKind);
        o.errorsByKind.forEach((k, v) -> kinds.merge(k, v, Long::sum));
        Map<String, Long> fallbacks = new LinkedHashMap<>(jsoupFallbacks);
        o.jsoupFallbacks.forEach((k, v) -> fallbacks.merge(k, v, Long::sum));
        return new CounterSnapshot(pages + o.pages, bytes + o.bytes, requests + o.requests, retries + o.retries,
                robotsDenied + o.robotsDenied, errors + o.errors, inFlight + o.inFlight, queued + o.queued,
                pagesPerSecond + o.pagesPerSecond, kinds, sum(statusClasses, o.statusClasses),
                sum(latencyBuckets, o.latencyBuckets), latencySumMillis + o.latencySumMillis,
                scannedPages + o.scannedPages, fallbacks);
    }

    /** Pages that got an answer and so a latency. */
    public long latencyCount() {
        return Arrays.stream(latencyBuckets).sum();
    }

    /** The q-quantile (0..1) of page latency in milliseconds, within a bucket; -1 before any answer. */
    public double latencyQuantileMillis(double q) {
        return LatencyBuckets.quantile(latencyBuckets, q);
    }

    /** Upper bounds of the histogram's buckets; the last bucket has none. */
    public static long[] latencyBoundsMillis() {
        return LatencyBuckets.BOUNDS.clone();
    }

    /** Error kinds in a stable order (the file's), then any others by name. */
    public Map<String, Long> errorsByKindOrdered() {
        Map<String, Long> ordered = new LinkedHashMap<>();
        for (String kind : Slots.ERROR_KINDS) {
            if (errorsByKind.containsKey(kind)) ordered.put(kind, errorsByKind.get(kind));
        }
        errorsByKind.keySet().stream().sorted().forEach(k -> ordered.putIfAbsent(k, errorsByKind.get(k)));
        return ordered;
    }

    /** HTML pages read by jsoup's tree builder, all reasons together. */
    public long jsoupPages() {
        return jsoupFallbacks.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The jsoup fallback reasons in this build's order (JsoupFallback's), then any others by name. */
    public Map<String, Long> jsoupFallbacksOrdered() {
        Map<String, Long> ordered = new LinkedHashMap<>();
        for (String reason : Slots.FALLBACKS) {
            if (jsoupFallbacks.containsKey(reason)) ordered.put(reason, jsoupFallbacks.get(reason));
        }
        jsoupFallbacks.keySet().stream().sorted().forEach(k -> ordered.putIfAbsent(k, jsoupFallbacks.get(k)));
        return ordered;
    }

    private static long[] sum(long[] a, long[] b) {
        long[] s = a.clone();
        for (int i = 0; i < s.length && i < b.length; i++) s[i] += b[i];
        return s;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CounterSnapshot s && pages == s.pages && bytes == s.bytes && requests == s.requests
                && retries == s.retries && robotsDenied == s.robotsDenied && errors == s.errors
                && inFlight == s.inFlight && queued == s.queued && pagesPerSecond == s.pagesPerSecond
                && errorsByKind.equals(s.errorsByKind) && Arrays.equals(statusClasses, s.statusClasses)
                && Arrays.equals(latencyBuckets, s.latencyBuckets) && latencySumMillis == s.latencySumMillis
                && scannedPages == s.scannedPages && jsoupFallbacks.equals(s.jsoupFallbacks);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(pages) * 31 + Arrays.hashCode(latencyBuckets);
    }

    @Override
    public String toString() {
        return "CounterSnapshot[pages=" + pages + ", errors=" + errorsByKind + ", inFlight=" + inFlight
                + ", queued=" + queued + ", rate=" + pagesPerSecond + "]";
    }
}
