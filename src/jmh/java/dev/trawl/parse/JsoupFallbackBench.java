package dev.trawl.parse;

import dev.trawl.bench.BenchSite;
import dev.trawl.url.UrlNormalizer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What each reason for leaving a page to jsoup costs: benchmark-site pages with one construct of that reason put
 * just before {@code </body>} (so the scanner reads nearly the whole page before it stops, the worst case), parsed by
 * {@link PageParser}; "none" is the same pages untouched, read by the scanner alone. The difference to "none" is the
 * price of the fallback. SCANNER_ERROR has no case: no input is known to make the scanner throw.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class JsoupFallbackBench {
    @Param("/tmp/trawl-bench/site-20000")
    public String site;
    @Param("../shared/bench/gensite.py")
    public String gensite;
    @Param("100")
    public int pages;
    @Param({"none", "NUL", "U_FFFF", "FOREIGN_CONTENT", "TEMPLATE", "FRAMESET", "SCRIPT_ESCAPE", "FOSTER_PARENTING",
            "MISMATCHED_CELL", "DEEP_TABLES", "DEEP_NESTING", "NOSCRIPT_ISLAND", "ATTRIBUTE_LIMIT"})
    public String reason;

    private final PageParser parser = new PageParser(new UrlNormalizer());
    private final List<BenchSite.Page> loaded = new ArrayList<>();
    private int next;

    /** A construct that makes the scanner stop for the reason, and nothing else. */
    static String construct(JsoupFallback reason) {
        return switch (reason) {
            case NUL -> "<p>a\u0000b</p>";
            case U_FFFF -> "<p>a\uFFFFb</p>";
            case FOREIGN_CONTENT -> "<svg><desc><b>an HTML element in an svg integration point</b></desc></svg>";
            case TEMPLATE -> "<template><a href=t.html>t</a></template>";
            case FRAMESET -> "<frameset><frame src=f.html></frameset>";
            case SCRIPT_ESCAPE -> "<script><!-- var x = 1; --></script>";
            case FOSTER_PARENTING -> "<table><a href=f.html>f</a><tr><td>x</td></tr></table>";
            case MISMATCHED_CELL -> "<table><tr><td>x</th></td></tr></table>";
            case DEEP_TABLES -> "<table><tr><td>".repeat(33) + "x";
            case DEEP_NESTING -> "<div>".repeat(520) + "<table><col><td>x";
            case NOSCRIPT_ISLAND -> "<noscript><frame src=f.html></noscript>";
            case ATTRIBUTE_LIMIT -> "<a" + " x".repeat(600) + " href=h.html>h</a>";
            case SCANNER_ERROR -> throw new IllegalArgumentException("no input is known to make the scanner throw");
        };
    }

    @Setup
    public void load() {
        for (BenchSite.Page page : BenchSite.load(Path.of(site), Path.of(gensite), pages)) {
            if (reason.equals("none")) {
                loaded.add(page);
                continue;
            }
            JsoupFallback expected = JsoupFallback.valueOf(reason);
            String html = new String(page.body(), StandardCharsets.UTF_8);
            int end = html.lastIndexOf("</body>");
            String changed = html.substring(0, end < 0 ? html.length() : end) + construct(expected)
                    + (end < 0 ? "" : html.substring(end));
            JsoupFallback actual = TagScanner.bailReason(changed);
            if (actual != expected) {
                throw new IllegalStateException(page.url() + " with the " + reason + " construct: the scanner gives " + actual);
            }
            loaded.add(new BenchSite.Page(page.url(), changed.getBytes(StandardCharsets.UTF_8)));
        }
    }

    @Benchmark
    public ParsedPage parsePage() {
        BenchSite.Page page = loaded.get(next);
        next = next + 1 == loaded.size() ? 0 : next + 1;
        return parser.parse(page.body(), page.body().length, "text/html; charset=utf-8", page.url());
    }
}
