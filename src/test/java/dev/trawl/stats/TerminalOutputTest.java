package dev.trawl.stats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trawl.crawl.CrawlSummary;
import dev.trawl.export.TerminalText;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The summary, trawl status and the progress line print text from outside (paths, origins): never raw controls. */
class TerminalOutputTest {
    private static final String HOSTILE = "/tmp/\u001b]0;owned\u0007\u009b2J\u202e.db";

    @Test
    void theSummaryShowsTheDatabaseAndTheHostsHeldBackByRobotsTxtSafely() {
        var stats = new CrawlStats();
        stats.robotsUnavailable("http://a.test", 1, false);
        stats.robotsUnavailable("http://b\u001b.test", 4, true);
        var text = new StringWriter();

        SummaryReport.print(new CrawlSummary(0, 0, 7, Duration.ofSeconds(1), CrawlSummary.StopReason.COMPLETE),
                stats, HOSTILE, new PrintWriter(text));

        assertOnlyLineBreaks(text.toString());
        assertThat(text.toString()).contains("7 URLs pending; database /tmp/\\x1b]0;owned\\x07\\x9b2J\\u202e.db")
                .contains("robots.txt unreachable (5xx or no answer) on every try: 1 host(s), e.g. http://b\\x1b.test;");
    }

    @Test
    void statusShowsACrawlIdSafelyAsATableAndAsJson() {
        var now = Instant.parse("2026-01-01T00:00:00Z");
        var process = new CrawlProcess(Path.of("/run/trawl-1.counters"), 1, HOSTILE, now, now, 0,
                CrawlProcess.State.RUNNING, CounterSnapshot.EMPTY);
        var report = new StatusReport(List.of(process), now);
        var table = new StringWriter();
        var json = new StringWriter();

        report.printTable(new PrintWriter(table));
        report.printJson(json);

        assertOnlyLineBreaks(table.toString());
        assertOnlyLineBreaks(json.toString());
        assertThat(table.toString()).contains("/tmp/\\x1b]0;owned\\x07\\x9b2J\\u202e.db");
        assertThat(json.toString()).contains("\\u001B]0;owned\\u0007\\u009b2J\\u202e.db");
    }

    @Test
    void theProgressLineHoldsNumbersOnly() {
        String line = ProgressLine.line(CounterSnapshot.EMPTY);

        assertOnlyLineBreaks(line);
        assertThat(line).isEqualTo("0 done  0 queued  0 in flight  0 errors  0 pages/s");
    }

    private static void assertOnlyLineBreaks(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '\n') assertThat(TerminalText.isUnsafe(c)).as("U+%04X at %d of %s", (int) c, i, text).isFalse();
        }
    }
}
