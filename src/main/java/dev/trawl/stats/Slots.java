package dev.trawl.stats;

import dev.trawl.fetch.FetchError;
import dev.trawl.parse.JsoupFallback;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Where each counter lives in a counters file: a fixed list of scalars, then responses by status class,
 * errors by kind and the latency histogram. The error kinds are also written into the file as text, so a
 * reader never guesses them from its own build.
 */
final class Slots {
    private Slots() {}

    static final int PAGES = 0;
    static final int BYTES = 1;
    static final int REQUESTS = 2;
    static final int RETRIES = 3;
    static final int ROBOTS_DENIED = 4;
    static final int ERRORS = 5;
    static final int IN_FLIGHT = 6;
    static final int QUEUED = 7;
    /** Pages per second over the last few seconds, times 1000 (the sampler writes it). */
    static final int RATE_MILLI = 8;
    static final int LATENCY_SUM_MILLIS = 9;
    private static final int SCALARS = 10;

    /** 1xx to 5xx. */
    static final int STATUS_CLASSES = 5;
    static final int FIRST_STATUS_CLASS = SCALARS;

    /** Error codes of the export contract, then the two HTTP error classes and a catch-all. */
    static final List<String> ERROR_KINDS = errorKinds();
    static final int FIRST_ERROR_KIND = FIRST_STATUS_CLASS + STATUS_CLASSES;

    static final int FIRST_LATENCY_BUCKET = FIRST_ERROR_KIND + ERROR_KINDS.size();

    /** Pages read by the tag scanner alone, then pages read by jsoup per {@link JsoupFallback} reason. */
    static final int PARSE_SCANNED = FIRST_LATENCY_BUCKET + LatencyBuckets.COUNT;
    static final List<String> FALLBACKS = Arrays.stream(JsoupFallback.values()).map(JsoupFallback::code).toList();
    static final int FIRST_FALLBACK = PARSE_SCANNED + 1;

    /** Total slots this build writes. */
    static final int COUNT = FIRST_FALLBACK + FALLBACKS.size();

    private static List<String> errorKinds() {
        List<String> kinds = new ArrayList<>();
        for (FetchError e : FetchError.values()) kinds.add(e.code());
        kinds.addAll(List.of("internal", "http_4xx", "http_5xx", "other"));
        return List.copyOf(kinds);
    }

    /** The slot of a failed outcome's kind: its error code, else its HTTP status class. */
    static int errorKind(String error, Integer status) {
        String kind = error != null ? error : status >= 500 ? "http_5xx" : "http_4xx";
        int i = ERROR_KINDS.indexOf(kind);
        return FIRST_ERROR_KIND + (i >= 0 ? i : ERROR_KINDS.indexOf("other"));
    }
}
