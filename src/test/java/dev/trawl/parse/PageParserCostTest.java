package dev.trawl.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Measures parse cost per page and prints it; asserts nothing about time (shared CI cores make timings noisy).
 * Uses the pages of a gensite.py site when one exists (system property trawl.bench.site, default /tmp/parse-site),
 * else pages of the same shape generated here.
 */
class PageParserCostTest {
    private static final int ROUNDS = 4;
    private static final long ROUND_NANOS = 400_000_000L;
    private static final String PAGE_URL = "http://127.0.0.1:8088/sec01/page-1.html";

    @Test
    void printsMicrosecondsPerPage() throws IOException {
        List<byte[]> pages = pages();
        PageParser parser = new PageParser(new UriLinkResolver());
        PageParser noResolve = new PageParser((base, href) -> href);
        long bytes = pages.stream().mapToLong(p -> p.length).sum();
        int links = parser.parse(pages.get(0), pages.get(0).length, "text/html", PAGE_URL).outlinks().size();
        System.out.printf("parse cost over %d pages (mean %d bytes, first page %d links), best of %d rounds:%n",
                pages.size(), bytes / pages.size(), links, ROUNDS);
        System.out.println("  with java.net.URI link resolution: " + best(parser, pages));
        System.out.println("  without link resolution:           " + best(noResolve, pages));
        assertThat(links).isPositive();
    }

    /** Thread CPU time is the figure to trust on shared cores; wall time is printed next to it. */
    private record Cost(double cpuMicros, double wallMicros) {
        @Override
        public String toString() {
            return String.format("%.1f µs/page CPU (%.1f µs/page wall)", cpuMicros, wallMicros);
        }
    }

    private static Cost best(PageParser parser, List<byte[]> pages) {
        Cost best = null;
        for (int i = 0; i < ROUNDS; i++) {
            Cost c = round(parser, pages);
            best = best == null || c.cpuMicros() < best.cpuMicros() ? c : best;
        }
        return best;
    }

    /** Parses pages round-robin for at least ROUND_NANOS. */
    private static Cost round(PageParser parser, List<byte[]> pages) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        long count = 0;
        long sink = 0;
        while (System.nanoTime() - start < ROUND_NANOS) {
            for (byte[] page : pages) {
                sink += parser.parse(page, page.length, "text/html; charset=utf-8", PAGE_URL).outlinks().size();
            }
            count += pages.size();
        }
        long wall = System.nanoTime() - start;
        long cpu = threads.getCurrentThreadCpuTime() - cpuStart;
        assertThat(sink).isPositive(); // keeps the JIT from dropping the work
        return new Cost(cpu / 1000.0 / count, wall / 1000.0 / count);
    }

    private static List<byte[]> pages() throws IOException {
        Path site = Path.of(System.getProperty("trawl.bench.site", "/tmp/parse-site"));
        if (Files.isDirectory(site)) {
            try (Stream<Path> files = Files.walk(site)) {
                List<byte[]> pages = new ArrayList<>();
                for (Path p : files.filter(f -> f.toString().endsWith(".html")).sorted().limit(200).toList()) {
                    pages.add(Files.readAllBytes(p));
                }
                if (!pages.isEmpty()) {
                    return pages;
                }
            }
        }
        Random random = new Random(42);
        List<byte[]> pages = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            pages.add(SyntheticPage.html(random, i).getBytes(StandardCharsets.UTF_8));
        }
        return pages;
    }
}
