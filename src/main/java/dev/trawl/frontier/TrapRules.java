package dev.trawl.frontier;

import java.util.HashMap;
import java.util.Map;

/**
 * The crawler-trap rules a discovered URL must pass before it enters the frontier: a length cap (browsers and
 * peers stop near 2,083 characters; a page that links to ever-longer URLs otherwise grows the database without end)
 * and a cap on how often one path segment may occur (Heritrix's PathologicalPathDecideRule, Nutch's
 * "/a/b/a/b/a/" filter: relative links that resolve ever deeper, "/a/a/a/..." or "/x/y/x/y/..."). Immutable and
 * thread-safe. 0 turns a rule off. Seeds are not checked: they are the user's choice.
 *
 * @param maxUrlLength    most characters a URL (request form) may have
 * @param maxPathRepeats  most times one non-empty path segment may occur in a path
 */
public record TrapRules(int maxUrlLength, int maxPathRepeats) {
    public static final int DEFAULT_MAX_URL_LENGTH = 2083;
    public static final int DEFAULT_MAX_PATH_REPEATS = 2;
    public static final TrapRules DEFAULT = new TrapRules(DEFAULT_MAX_URL_LENGTH, DEFAULT_MAX_PATH_REPEATS);
    public static final TrapRules OFF = new TrapRules(0, 0);

    public TrapRules {
        if (maxUrlLength < 0 || maxPathRepeats < 0) {
            throw new IllegalArgumentException("limits must be >= 0, got " + maxUrlLength + ", " + maxPathRepeats);
        }
    }

    /** The rule a URL in request form breaks, or null when it passes. */
    public SkipReason check(String url) {
        if (maxUrlLength > 0 && url.length() > maxUrlLength) return SkipReason.URL_TOO_LONG;
        if (maxPathRepeats > 0 && repeatsSegment(url, maxPathRepeats)) return SkipReason.REPEATING_PATH;
        return null;
    }

    /** Whether some non-empty segment of the URL's path occurs more than max times. */
    static boolean repeatsSegment(String url, int max) {
        int scheme = url.indexOf("://");
        int start = url.indexOf('/', scheme < 0 ? 0 : scheme + 3);
        if (start < 0) return false;
        int end = url.indexOf('?', start);
        if (end < 0) end = url.length();
        if (countSlashes(url, start, end) <= max) return false; // too few segments to repeat: the usual case
        Map<String, Integer> counts = new HashMap<>();
        for (int from = start + 1; from <= end; ) {
            int slash = url.indexOf('/', from);
            int to = slash < 0 || slash > end ? end : slash;
            if (to > from && counts.merge(url.substring(from, to), 1, Integer::sum) > max) return true;
            from = to + 1;
        }
        return false;
    }

    private static int countSlashes(String s, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            if (s.charAt(i) == '/') n++;
        }
        return n;
    }
}
