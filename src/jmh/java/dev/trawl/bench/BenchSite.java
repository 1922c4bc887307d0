package dev.trawl.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Pages of a site made by the shared generator ({@code ../shared/bench/gensite.py}), loaded into memory for the
 * benchmarks. Uses an existing site when {@code siteDir} holds one (bench/crawl.sh leaves one in
 * /tmp/trawl-bench/site-20000), else generates a small one once, in the temporary folder, and reuses it.
 */
public final class BenchSite {
    /** Where the pages were served from by bench/crawl.sh; the base for their relative links. */
    public static final String ORIGIN = "http://127.0.0.1:8088";
    private static final int GENERATED_PAGES = 300;

    /** One page: its absolute URL and its bytes. */
    public record Page(String url, byte[] body) {}

    private BenchSite() {}

    /** The first {@code count} pages of the site in siteDir (index.html first), generating a site if needed. */
    public static List<Page> load(Path siteDir, Path gensite, int count) {
        try {
            Path site = Files.isRegularFile(siteDir.resolve("urls.txt")) ? siteDir : generate(gensite);
            List<Page> pages = new ArrayList<>();
            for (String path : Files.readAllLines(site.resolve("urls.txt"))) {
                if (pages.size() == count) break;
                pages.add(new Page(ORIGIN + path, Files.readAllBytes(site.resolve(path.substring(1)))));
            }
            if (pages.isEmpty()) throw new IllegalStateException("no pages in " + site);
            return pages;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path generate(Path gensite) throws IOException {
        Path dir = Path.of(System.getProperty("java.io.tmpdir"), "trawl-jmh-site-" + GENERATED_PAGES);
        if (Files.isRegularFile(dir.resolve("site.json"))) return dir; // written last by gensite.py
        Process p = new ProcessBuilder("python3", gensite.toString(), dir.toString(), "-n", "" + GENERATED_PAGES)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("python3 " + gensite + " " + dir + " failed or took over 120 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while generating a site in " + dir, e);
        }
        return dir;
    }
}
