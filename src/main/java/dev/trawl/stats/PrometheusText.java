package dev.trawl.stats;

import java.util.Map;

/** Counters in the Prometheus text exposition format (version 0.0.4). */
final class PrometheusText {
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private PrometheusText() {}

    static String render(CounterSnapshot c, String crawlId, long pid, long startMillis) {
        var out = new StringBuilder(4096);
        metric(out, "trawl_info", "gauge", "the crawl this process runs; value always 1");
        out.append("trawl_info{crawl=\"").append(escape(crawlId)).append("\",pid=\"").append(pid).append("\"} 1\n");
        single(out, "trawl_start_time_seconds", "gauge", "when the process started, unix time", startMillis / 1000.0);
        single(out, "trawl_pages_total", "counter", "URLs whose outcome was stored", c.pages());
        single(out, "trawl_bytes_total", "counter", "decoded body bytes of stored pages", c.bytes());
        single(out, "trawl_requests_total", "counter", "requests sent, redirect hops, retries and robots.txt included", c.requests());
        single(out, "trawl_retries_total", "counter", "requests scheduled again after a transient failure", c.retries());
        single(out, "trawl_robots_denied_total", "counter", "URLs not fetched because robots.txt disallows them", c.robotsDenied());
        single(out, "trawl_in_flight", "gauge", "requests in flight now", c.inFlight());
        single(out, "trawl_queued", "gauge", "URLs waiting in the frontier now", c.queued());
        metric(out, "trawl_errors_total", "counter", "stored outcomes with an error or a 4xx/5xx status, by kind");
        for (Map.Entry<String, Long> e : c.errorsByKindOrdered().entrySet()) {
            out.append("trawl_errors_total{kind=\"").append(escape(e.getKey())).append("\"} ").append(e.getValue()).append('\n');
        }
        metric(out, "trawl_responses_total", "counter", "final responses of stored pages by status class");
        for (int i = 0; i < c.statusClasses().length; i++) {
            out.append("trawl_responses_total{class=\"").append(i + 1).append("xx\"} ").append(c.statusClasses()[i]).append('\n');
        }
        metric(out, "trawl_parsed_pages_total", "counter", "HTML pages parsed, by reader; for jsoup, by why the tag scanner left the page to it");
        out.append("trawl_parsed_pages_total{reader=\"scanner\"} ").append(c.scannedPages()).append('\n');
        for (Map.Entry<String, Long> e : c.jsoupFallbacksOrdered().entrySet()) {
            out.append("trawl_parsed_pages_total{reader=\"jsoup\",reason=\"").append(escape(e.getKey())).append("\"} ")
                    .append(e.getValue()).append('\n');
        }
        histogram(out, c);
        return out.toString();
    }

    private static void histogram(StringBuilder out, CounterSnapshot c) {
        String name = "trawl_page_latency_seconds";
        metric(out, name, "histogram", "time from first request to the end of the body, hops and retries included");
        long cumulative = 0;
        long[] buckets = c.latencyBuckets();
        for (int i = 0; i < LatencyBuckets.BOUNDS.length; i++) {
            cumulative += buckets[i];
            out.append(name).append("_bucket{le=\"").append(number(LatencyBuckets.BOUNDS[i] / 1000.0)).append("\"} ")
                    .append(cumulative).append('\n');
        }
        cumulative += buckets[LatencyBuckets.BOUNDS.length];
        out.append(name).append("_bucket{le=\"+Inf\"} ").append(cumulative).append('\n');
        out.append(name).append("_sum ").append(number(c.latencySumMillis() / 1000.0)).append('\n');
        out.append(name).append("_count ").append(cumulative).append('\n');
    }

    private static void single(StringBuilder out, String name, String type, String help, double value) {
        metric(out, name, type, help);
        out.append(name).append(' ').append(number(value)).append('\n');
    }

    private static void metric(StringBuilder out, String name, String type, String help) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }

    private static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString(); // never 1.2E9: easier on eyes and greps
    }

    private static String escape(String label) {
        return label.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
