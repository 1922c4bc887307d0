package dev.trawl.serve;

import dev.trawl.stats.CounterSnapshot;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The overview's aggregates, in SQL both databases speak; {@link ReportQueries} runs them in one snapshot. Each is
 * one pass over the pages table.
 */
final class OverviewQueries {
    /** At most this many bars in the timeline: the narrowest bucket width that fits is chosen. */
    static final int MAX_BUCKETS = 120;
    private static final String CLASS = "CASE WHEN p.status IS NULL THEN 'none' WHEN p.status < 200 THEN '1xx'"
            + " WHEN p.status < 300 THEN '2xx' WHEN p.status < 400 THEN '3xx' WHEN p.status < 500 THEN '4xx' ELSE '5xx' END";
    /** Timestamps are stored as ISO-8601 text with milliseconds, so a prefix of one is the bucket it falls in. */
    private static final String TIME_TEMPLATE = "0000-01-01T00:00:00.000Z";
    private static final List<Width> WIDTHS = List.of(new Width(Duration.ofMillis(100), 21), new Width(Duration.ofSeconds(1), 19),
            new Width(Duration.ofSeconds(10), 18), new Width(Duration.ofMinutes(1), 16), new Width(Duration.ofMinutes(10), 15),
            new Width(Duration.ofHours(1), 13), new Width(Duration.ofDays(1), 10));

    private record Width(Duration duration, int prefix) {}

    record Totals(long pages, long bytes, Instant first, Instant last, Map<String, Long> classes) {}

    private OverviewQueries() {}

    static Totals totals(Connection c) throws SQLException {
        Map<String, Long> classes = new LinkedHashMap<>();
        for (String k : Overview.CLASSES) classes.put(k, 0L);
        long pages = 0;
        long bytes = 0;
        String first = null;
        String last = null;
        try (var ps = c.prepareStatement("SELECT " + CLASS + ", COUNT(*), COALESCE(SUM(p.body_bytes), 0), MIN(p.fetched_at),"
                + " MAX(p.fetched_at) FROM pages p GROUP BY 1"); var rs = ps.executeQuery()) {
            while (rs.next()) {
                classes.put(rs.getString(1), rs.getLong(2));
                pages += rs.getLong(2);
                bytes += rs.getLong(3);
                first = min(first, rs.getString(4));
                last = max(last, rs.getString(5));
            }
        }
        return new Totals(pages, bytes, parse(first), parse(last), classes);
    }

    /** Pages per time bucket and status class, with empty buckets in between kept as zeros. */
    static Overview.Timeline timeline(Connection c, Instant first, Instant last) throws SQLException {
        if (first == null) return new Overview.Timeline(null, WIDTHS.getFirst().duration(), 0, Map.of());
        Width width = WIDTHS.getLast();
        for (Width w : WIDTHS) {
            if (Duration.between(first, last).toMillis() / w.duration().toMillis() < MAX_BUCKETS) {
                width = w;
                break;
            }
        }
        Instant start = parse(first.toString().substring(0, width.prefix()) + TIME_TEMPLATE.substring(width.prefix()));
        int buckets = (int) Math.min(MAX_BUCKETS + 1, Duration.between(start, last).toMillis() / width.duration().toMillis() + 1);
        Map<String, long[]> byClass = new LinkedHashMap<>();
        for (String k : Overview.CLASSES) byClass.put(k, new long[buckets]);
        try (var ps = c.prepareStatement("SELECT substr(p.fetched_at, 1, " + width.prefix() + "), " + CLASS + ", COUNT(*)"
                + " FROM pages p WHERE p.fetched_at IS NOT NULL GROUP BY 1, 2"); var rs = ps.executeQuery()) {
            while (rs.next()) {
                Instant at = parse(rs.getString(1) + TIME_TEMPLATE.substring(width.prefix()));
                int i = (int) (Duration.between(start, at).toMillis() / width.duration().toMillis());
                if (i >= 0 && i < buckets) byClass.get(rs.getString(2))[i] += rs.getLong(3);
            }
        }
        return new Overview.Timeline(start, width.duration(), buckets, byClass);
    }

    /** Pages that got an answer, by the latency buckets `trawl status` uses. */
    static List<Overview.Count> latency(Connection c) throws SQLException {
        long[] bounds = CounterSnapshot.latencyBoundsMillis();
        StringBuilder bucket = new StringBuilder("CASE");
        for (int i = 0; i < bounds.length; i++) bucket.append(" WHEN p.elapsed_ms <= ").append(bounds[i]).append(" THEN ").append(i);
        bucket.append(" ELSE ").append(bounds.length).append(" END");
        long[] counts = new long[bounds.length + 1];
        try (var ps = c.prepareStatement("SELECT " + bucket + ", COUNT(*) FROM pages p WHERE p.status IS NOT NULL GROUP BY 1");
             var rs = ps.executeQuery()) {
            while (rs.next()) counts[rs.getInt(1)] = rs.getLong(2);
        }
        List<Overview.Count> result = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            result.add(new Overview.Count(i < bounds.length ? "≤" + millis(bounds[i]) : ">" + millis(bounds[i - 1]), counts[i]));
        }
        return result;
    }

    private static String millis(long ms) {
        return ms >= 1000 ? ms / 1000 + "s" : ms + "ms";
    }

    /** Pages by media type, parameters (charset) dropped and case folded; the eight largest, then "other". */
    static List<Overview.Count> mediaTypes(Connection c) throws SQLException {
        Map<String, Long> merged = new LinkedHashMap<>();
        for (Overview.Count raw : ReportQueries.counts(c, "SELECT COALESCE(p.content_type, '(none)'), COUNT(*) FROM pages p"
                + " GROUP BY 1 ORDER BY 2 DESC LIMIT 1000")) {
            int semicolon = raw.label().indexOf(';');
            String type = (semicolon < 0 ? raw.label() : raw.label().substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
            merged.merge(type.isEmpty() ? "(none)" : type, raw.count(), Long::sum);
        }
        List<Overview.Count> sorted = merged.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(e -> new Overview.Count(e.getKey(), e.getValue())).toList();
        if (sorted.size() <= 9) return sorted;
        List<Overview.Count> top = new ArrayList<>(sorted.subList(0, 8));
        top.add(new Overview.Count("other", sorted.subList(8, sorted.size()).stream().mapToLong(Overview.Count::count).sum()));
        return top;
    }

    private static Instant parse(String text) {
        try {
            return text == null ? null : Instant.parse(text);
        } catch (java.time.DateTimeException e) {
            return null; // not written by trawl: left out of the timeline
        }
    }

    private static String min(String a, String b) {
        return a == null ? b : b == null ? a : a.compareTo(b) <= 0 ? a : b;
    }

    private static String max(String a, String b) {
        return a == null ? b : b == null ? a : a.compareTo(b) >= 0 ? a : b;
    }
}
