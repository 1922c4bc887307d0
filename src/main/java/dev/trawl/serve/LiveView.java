package dev.trawl.serve;

import dev.trawl.stats.CrawlProcess;
import dev.trawl.stats.RunDirectory;
import dev.trawl.stats.StatusReport;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * `/live` and `/api/live`: the live counters of the processes crawling this database (one or many workers on this
 * machine), read from their shared-memory counters files exactly as `trawl status --db ... --json` reads them; the
 * page polls the JSON once a second.
 */
final class LiveView {
    private final Path runDir;
    private final String crawlId;
    private final Layout layout;

    LiveView(Path runDir, String crawlId, Layout layout) {
        this.runDir = runDir;
        this.crawlId = crawlId;
        this.layout = layout;
    }

    View page() {
        return rawQuery -> {
            Params.parse(rawQuery, Set.of());
            String body = "<p class=\"muted\" id=\"live-state\" data-run-dir=\"" + Html.text(runDir.toString()) + "\">waiting for counters…</p>"
                    + "<div class=\"cards\" id=\"live-totals\"></div>"
                    + "<section><h2>Pages per second, last two minutes</h2><svg class=\"chart\" id=\"live-rate\" viewBox=\"0 0 1280 180\""
                    + " role=\"img\" aria-label=\"pages per second\"></svg></section>"
                    + "<section><h2>Processes</h2><table class=\"data\" id=\"live-processes\"><thead><tr><th>pid</th><th>state</th>"
                    + "<th class=\"num\">pages</th><th class=\"num\">pages/s</th><th class=\"num\">in flight</th><th class=\"num\">queued</th>"
                    + "<th class=\"num\">errors</th><th class=\"num\">p50</th><th class=\"num\">p95</th></tr></thead><tbody></tbody></table></section>"
                    + "<section><h2>Errors by kind</h2><table class=\"data\" id=\"live-errors\"><tbody></tbody></table></section>"
                    + "<p class=\"muted\">The numbers of <code>trawl status --db " + Html.text(crawlId) + "</code>, refreshed every second.</p>"
                    + "<script src=\"/static/live.js\"></script>";
            return Response.html(layout.page("live", "Live", body));
        };
    }

    View json() {
        return rawQuery -> {
            Params.parse(rawQuery, Set.of());
            List<CrawlProcess> processes;
            try {
                processes = RunDirectory.list(runDir, crawlId);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read counters directory " + runDir + ": " + e.getMessage(), e);
            }
            StringWriter out = new StringWriter();
            new StatusReport(processes, Instant.now()).printJson(out);
            return Response.json(out.toString());
        };
    }
}
