package dev.trawl.stats;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trawl.crawl.CrawlSummary;
import dev.trawl.parse.JsoupFallback;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which reader parsed each page is counted per jsoup fallback reason, and shown by status, metrics and summary. */
class ParseCountersTest {
    @TempDir
    Path dir;

    private static void parse(CrawlStats stats) {
        for (int i = 0; i < 3; i++) stats.scanned();
        stats.fellBack(JsoupFallback.FOREIGN_CONTENT);
        stats.fellBack(JsoupFallback.FOREIGN_CONTENT);
        stats.fellBack(JsoupFallback.SCANNER_ERROR);
    }

    @Test
    void statusJsonOfAPublishedCrawlHasPagesByReaderAndReason() throws Exception {
        try (var stats = CrawlStats.publish(dir, "/data/a.db", false)) {
            parse(stats);
            List<CrawlProcess> processes = RunDirectory.list(dir, null);
            var json = new StringWriter();
            new StatusReport(processes, Instant.now()).printJson(json);

            JsonNode parse = new ObjectMapper().readTree(json.toString()).path("total").path("parse");
            assertThat(parse.path("scanner").asLong()).isEqualTo(3);
            assertThat(parse.path("jsoup").asLong()).isEqualTo(3);
            assertThat(parse.path("jsoup_by_reason").properties()).extracting(Map.Entry::getKey)
                    .containsExactly("foreign_content", "scanner_error");
            assertThat(parse.path("jsoup_by_reason").path("foreign_content").asLong()).isEqualTo(2);
            assertThat(PrometheusText.render(stats.snapshot(), "x", 1, 0).lines().toList()).contains(
                    "trawl_parsed_pages_total{reader=\"scanner\"} 3",
                    "trawl_parsed_pages_total{reader=\"jsoup\",reason=\"foreign_content\"} 2",
                    "trawl_parsed_pages_total{reader=\"jsoup\",reason=\"scanner_error\"} 1");
        }
    }

    @Test
    void everyReasonHasItsOwnSlotAndTheNamesFitTheHeader() {
        var stats = new CrawlStats();
        for (JsoupFallback reason : JsoupFallback.values()) {
            for (int i = 0; i <= reason.ordinal(); i++) stats.fellBack(reason);
        }
        Map<String, Long> counted = stats.snapshot().jsoupFallbacksOrdered();
        assertThat(counted.keySet()).containsExactlyElementsOf(Slots.FALLBACKS);
        for (JsoupFallback reason : JsoupFallback.values()) {
            assertThat(counted.get(reason.code())).as(reason.code()).isEqualTo(reason.ordinal() + 1L);
        }
        assertThat(String.join(",", Slots.FALLBACKS).length()).isLessThanOrEqualTo(CountersFile.FALLBACKS_MAX);
        assertThat(String.join(",", Slots.ERROR_KINDS).length()).isLessThanOrEqualTo(CountersFile.KINDS_MAX);
    }

    /** A file written by a build without parse counters has 0 where the reasons' length is now: read as none. */
    @Test
    void aFileWithoutReasonNamesReadsAsNoParseCounters() throws Exception {
        try (var stats = CrawlStats.publish(dir, "/data/b.db", false)) {
            parse(stats);
            stats.recorded(dev.trawl.store.TestRecords.answered("http://a.test/", 200, null, 100, 5));
            try (var channel = FileChannel.open(stats.file(), StandardOpenOption.WRITE)) {
                channel.write(ByteBuffer.allocate(4).order(ByteOrder.nativeOrder()).putInt(0, 0), 56);
            }
            CounterSnapshot read = RunDirectory.list(dir, null).getFirst().counters();
            assertThat(read.scannedPages()).isZero();
            assertThat(read.jsoupFallbacks()).isEmpty();
            assertThat(read.pages()).isEqualTo(1);
            assertThat(read.latencyCount()).isEqualTo(1);
        }
    }

    @Test
    void summaryNamesTheReadersOnlyWithDebug() {
        var stats = new CrawlStats();
        parse(stats);
        var summary = new CrawlSummary(6, 0, 0, Duration.ofSeconds(1), CrawlSummary.StopReason.COMPLETE);
        var plain = new StringWriter();
        SummaryReport.print(summary, stats, "a.db", false, new PrintWriter(plain));
        var debug = new StringWriter();
        SummaryReport.print(summary, stats, "a.db", true, new PrintWriter(debug));

        assertThat(plain.toString()).doesNotContain("tag scanner");
        assertThat(debug.toString()).contains(
                "parsed 6 HTML pages: 3 by the tag scanner, 3 by jsoup (foreign_content 2, scanner_error 1)");
    }
}
