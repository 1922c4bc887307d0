package dev.trawl.parse;

import dev.trawl.bench.BenchSite;
import dev.trawl.url.UrlNormalizer;
import java.nio.file.Path;
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
 * The whole parse stage for one page of the benchmark site (8-16 KB, 20-40 links): charset sniffing, the tag scan
 * (of the page's UTF-8 bytes), title and meta extraction, and resolving and normalising every link. Pages are taken in turn
 * so that the JIT sees a mix of pages, not one.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PageParserBench {
    @Param("/tmp/trawl-bench/site-20000")
    public String site;
    @Param("../shared/bench/gensite.py")
    public String gensite;
    @Param("300")
    public int pages;

    private final PageParser parser = new PageParser(new UrlNormalizer());
    private List<BenchSite.Page> loaded;
    private int next;

    @Setup
    public void load() {
        loaded = BenchSite.load(Path.of(site), Path.of(gensite), pages);
        ParsedPage first = parser.parse(loaded.get(0).body(), loaded.get(0).body().length, "text/html", loaded.get(0).url());
        if (first.outlinks().isEmpty()) throw new IllegalStateException("no links found on " + loaded.get(0).url());
    }

    @Benchmark
    public ParsedPage parsePage() {
        BenchSite.Page page = loaded.get(next);
        next = next + 1 == loaded.size() ? 0 : next + 1;
        return parser.parse(page.body(), page.body().length, "text/html; charset=utf-8", page.url());
    }
}
