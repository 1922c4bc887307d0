package dev.trawl.url;

import dev.trawl.bench.BenchSite;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * URL normalisation as the parse stage runs it: every href of a page resolved against that page's URL, page after
 * page (so the normaliser's one-entry base cache hits as in a crawl), and canonical URLs normalised again. The
 * hrefs are the real ones of the benchmark site: relative, root-relative, absolute, with fragments and external
 * links.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class UrlNormalizerBench {
    private static final Pattern HREF = Pattern.compile("href=\"([^\"]*)\"");

    @Param("/tmp/trawl-bench/site-20000")
    public String site;
    @Param("../shared/bench/gensite.py")
    public String gensite;
    @Param("300")
    public int pages;

    private final UrlNormalizer normalizer = new UrlNormalizer();
    private String[] bases;
    private String[] hrefs;
    private String[] canonical;
    private int next;

    @Setup
    public void load() {
        List<String> b = new ArrayList<>();
        List<String> h = new ArrayList<>();
        for (BenchSite.Page page : BenchSite.load(Path.of(site), Path.of(gensite), pages)) {
            Matcher m = HREF.matcher(new String(page.body(), StandardCharsets.UTF_8));
            while (m.find()) {
                b.add(page.url());
                h.add(m.group(1));
            }
        }
        bases = b.toArray(String[]::new);
        hrefs = h.toArray(String[]::new);
        UrlNormalizer n = new UrlNormalizer();
        canonical = new String[hrefs.length];
        for (int i = 0; i < hrefs.length; i++) {
            String url = n.resolve(bases[i], hrefs[i]);
            canonical[i] = url == null ? bases[i] : url;
        }
    }

    /** One href of a page resolved against the page URL and normalised: ~30 of these per crawled page. */
    @Benchmark
    public String resolveSiteLink() {
        int i = cursor();
        return normalizer.resolve(bases[i], hrefs[i]);
    }

    /** An already canonical absolute URL normalised again (seeds, redirect targets, resumed frontier). */
    @Benchmark
    public String normalizeCanonical() {
        return normalizer.normalize(canonical[cursor()]);
    }

    private int cursor() {
        int i = next;
        next = i + 1 == hrefs.length ? 0 : i + 1;
        return i;
    }
}
