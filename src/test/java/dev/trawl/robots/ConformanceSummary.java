package dev.trawl.robots;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The printed "N run, M skipped: reasons" line, so no conformance case is skipped silently. */
final class ConformanceSummary {
    private ConformanceSummary() {}

    /** skipReason gives null for a case that runs, else why it cannot be run. */
    static <T> String of(String file, List<T> cases, Function<T, String> skipReason) {
        Map<String, Long> skipped = cases.stream()
                .map(skipReason)
                .filter(reason -> reason != null)
                .collect(Collectors.groupingBy(reason -> reason, TreeMap::new, Collectors.counting()));
        long skippedCount = skipped.values().stream().mapToLong(Long::longValue).sum();
        String reasons = skipped.entrySet().stream()
                .map(entry -> entry.getValue() + " × " + entry.getKey())
                .collect(Collectors.joining("; "));
        return "%s: %d run, %d skipped%s".formatted(
                file, cases.size() - skippedCount, skippedCount, reasons.isEmpty() ? "" : ": " + reasons);
    }
}
