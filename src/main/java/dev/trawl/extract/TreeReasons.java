package dev.trawl.extract;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Why pages went through jsoup's tree in a `trawl extract --debug` run, counted by reason: the markup where a page
 * stopped being plain (its tag, as {@code <table}) or a selector that needs a tree. Thread-safe. The reasons come
 * from pages, so at most {@link #MAX_REASONS} distinct ones are kept; the rest count as "other".
 */
final class TreeReasons {
    static final int MAX_REASONS = 20;
    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

    /** Counts why the page at pageUrl needs a tree (rules' fields for it, and its markup). */
    void count(ExtractionRules rules, String html, String pageUrl) {
        String reason = rules.whyTree(html, pageUrl);
        String key;
        if (reason.startsWith("<")) { // the markup: "<table ... (in html body div)" counts as "<table"
            int end = reason.startsWith("</") ? 2 : 1;
            while (end < Math.min(reason.length(), 40) && isNameChar(reason.charAt(end))) end++;
            key = reason.substring(0, end).toLowerCase(Locale.ROOT);
        } else {
            key = OneLine.clip(reason);
        }
        if (counts.size() >= MAX_REASONS && !counts.containsKey(key)) key = "other";
        counts.computeIfAbsent(key, k -> new LongAdder()).increment();
    }

    private static boolean isNameChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '!';
    }

    /** The counts, largest first (then by reason). */
    Map<String, Long> sorted() {
        Map<String, Long> sorted = new LinkedHashMap<>();
        counts.entrySet().stream()
                .sorted(Comparator.comparingLong((Map.Entry<String, LongAdder> e) -> e.getValue().sum()).reversed()
                        .thenComparing(Map.Entry::getKey))
                .forEach(e -> sorted.put(e.getKey(), e.getValue().sum()));
        return sorted;
    }
}
