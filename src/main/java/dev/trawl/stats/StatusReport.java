package dev.trawl.stats;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.trawl.export.TerminalText;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What {@code trawl status} prints: one row per crawl process and a total, as a table for people or as
 * one JSON document for scripts. The total leaves stale processes out: their numbers are not live.
 */
public final class StatusReport {
    private static final String ROW = "%-8s %-8s %8s %10s %8s %9s %9s %8s %8s %8s  %s";
    private static final JsonFactory JSON = new JsonFactory();
    private final List<CrawlProcess> processes;
    private final CounterSnapshot total;
    private final Instant now;

    public StatusReport(List<CrawlProcess> processes, Instant now) {
        this.processes = List.copyOf(processes);
        this.now = now;
        this.total = processes.stream().filter(p -> p.state() != CrawlProcess.State.STALE)
                .map(CrawlProcess::counters).reduce(CounterSnapshot.EMPTY, CounterSnapshot::plus);
    }

    public CounterSnapshot total() {
        return total;
    }

    public void printTable(PrintWriter out) {
        out.println(String.format(Locale.ROOT, ROW, "PID", "STATE", "UPTIME", "PAGES", "PAGES/S", "IN FLIGHT", "QUEUED",
                "ERRORS", "P50", "P95", "CRAWL"));
        for (CrawlProcess p : processes) {
            row(out, Long.toString(p.pid()), p.state().label(), uptime(p), p.counters(), TerminalText.safe(p.crawlId()));
        }
        long live = processes.stream().filter(p -> p.state() != CrawlProcess.State.STALE).count();
        row(out, "total", live + (live == 1 ? " crawl" : " crawls"), "", total, "");
        for (CrawlProcess p : processes) {
            if (!p.counters().errorsByKind().isEmpty()) {
                out.println("errors of " + p.pid() + ": " + TerminalText.safe(kinds(p.counters())));
            }
        }
        long stale = processes.size() - live;
        if (stale > 0) out.println(stale + " stale counters file(s), left out of the total; remove them with: trawl status --prune");
        out.flush();
    }

    private static void row(PrintWriter out, String pid, String state, String uptime, CounterSnapshot c, String crawl) {
        String line = String.format(Locale.ROOT, ROW, pid, state, uptime, String.format(Locale.ROOT, "%,d", c.pages()),
                String.format(Locale.ROOT, "%.1f", c.pagesPerSecond()), c.inFlight(),
                String.format(Locale.ROOT, "%,d", c.queued()), c.errors(),
                millis(c.latencyQuantileMillis(0.5)), millis(c.latencyQuantileMillis(0.95)), crawl);
        out.println(line.stripTrailing());
    }

    private String uptime(CrawlProcess p) {
        Instant end = p.state() == CrawlProcess.State.RUNNING ? now : p.heartbeat();
        Duration d = Duration.between(p.started(), end);
        if (d.isNegative()) d = Duration.ZERO;
        if (d.toHours() > 0) return String.format(Locale.ROOT, "%dh%02dm", d.toHours(), d.toMinutesPart());
        if (d.toMinutes() > 0) return String.format(Locale.ROOT, "%dm%02ds", d.toMinutes(), d.toSecondsPart());
        return d.toSeconds() + "s";
    }

    private static String millis(double ms) {
        if (ms < 0) return "-";
        return ms < 10 ? String.format(Locale.ROOT, "%.1fms", ms) : Math.round(ms) + "ms";
    }

    private static String kinds(CounterSnapshot c) {
        return c.errorsByKindOrdered().entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "));
    }

    /** The whole report as one JSON document on one line. */
    public void printJson(Writer out) {
        try (JsonGenerator json = JSON.createGenerator(out).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                .setCharacterEscapes(TerminalText.jsonEscapes())) {
            json.writeStartObject();
            json.writeStringField("time", now.toString());
            json.writeArrayFieldStart("processes");
            for (CrawlProcess p : processes) process(json, p);
            json.writeEndArray();
            json.writeFieldName("total");
            counters(json, total);
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write status: " + e.getMessage(), e);
        }
    }

    private void process(JsonGenerator json, CrawlProcess p) throws IOException {
        json.writeStartObject();
        json.writeNumberField("pid", p.pid());
        json.writeStringField("crawl", p.crawlId());
        json.writeStringField("state", p.state().label());
        json.writeStringField("started", p.started().toString());
        json.writeNumberField("heartbeat_age_ms", Math.max(0, now.toEpochMilli() - p.heartbeat().toEpochMilli()));
        if (p.metricsPort() > 0) json.writeNumberField("metrics_port", p.metricsPort());
        else json.writeNullField("metrics_port");
        json.writeStringField("file", p.file().toString());
        json.writeFieldName("counters");
        counters(json, p.counters());
        json.writeEndObject();
    }

    private static void counters(JsonGenerator json, CounterSnapshot c) throws IOException {
        json.writeStartObject();
        json.writeNumberField("pages", c.pages());
        json.writeNumberField("pages_per_second", Math.round(c.pagesPerSecond() * 10) / 10.0);
        json.writeNumberField("bytes", c.bytes());
        json.writeNumberField("requests", c.requests());
        json.writeNumberField("in_flight", c.inFlight());
        json.writeNumberField("queued", c.queued());
        json.writeNumberField("retries", c.retries());
        json.writeNumberField("robots_denied", c.robotsDenied());
        json.writeNumberField("errors", c.errors());
        json.writeObjectFieldStart("errors_by_kind");
        for (Map.Entry<String, Long> e : c.errorsByKindOrdered().entrySet()) json.writeNumberField(e.getKey(), e.getValue());
        json.writeEndObject();
        json.writeObjectFieldStart("responses");
        for (int i = 0; i < c.statusClasses().length; i++) json.writeNumberField((i + 1) + "xx", c.statusClasses()[i]);
        json.writeEndObject();
        latency(json, c);
        json.writeObjectFieldStart("parse"); // HTML pages by reader: the tag scanner, or jsoup and why
        json.writeNumberField("scanner", c.scannedPages());
        json.writeNumberField("jsoup", c.jsoupPages());
        json.writeObjectFieldStart("jsoup_by_reason");
        for (Map.Entry<String, Long> e : c.jsoupFallbacksOrdered().entrySet()) json.writeNumberField(e.getKey(), e.getValue());
        json.writeEndObject();
        json.writeEndObject();
        json.writeEndObject();
    }

    private static void latency(JsonGenerator json, CounterSnapshot c) throws IOException {
        json.writeObjectFieldStart("latency_ms");
        quantile(json, "p50", c.latencyQuantileMillis(0.5));
        quantile(json, "p95", c.latencyQuantileMillis(0.95));
        json.writeNumberField("count", c.latencyCount());
        json.writeNumberField("sum", c.latencySumMillis());
        json.writeArrayFieldStart("le");
        for (long bound : LatencyBuckets.BOUNDS) json.writeNumber(bound);
        json.writeEndArray();
        json.writeArrayFieldStart("buckets"); // counts per bucket, not cumulative; the last is above every bound
        for (long n : c.latencyBuckets()) json.writeNumber(n);
        json.writeEndArray();
        json.writeEndObject();
    }

    private static void quantile(JsonGenerator json, String name, double ms) throws IOException {
        if (ms < 0) json.writeNullField(name);
        else json.writeNumberField(name, Math.round(ms * 10) / 10.0);
    }
}
