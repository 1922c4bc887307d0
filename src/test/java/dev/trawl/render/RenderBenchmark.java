package dev.trawl.render;

import dev.trawl.CliRunner;
import dev.trawl.testsite.TestSite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;

/**
 * bench/render.sh: a mixed local site (every fifth page an app shell whose title and links a script makes, the rest
 * static pages with their links in the HTML) crawled by a child trawl (the ./trawl heap, 192 MB) with --render never,
 * auto and always. Prints pages, pages rendered, seconds, pages/s and rendered pages/s, and the peak memory of trawl
 * plus its browser: RSS summed over the processes (shared pages counted in each) and PSS (shared pages split), both
 * sampled every 100 ms from /proc. The load average before and after each run.
 * Usage: bench/render.sh [PAGES] [RENDER_CONCURRENCY]
 */
public final class RenderBenchmark {
    private RenderBenchmark() {}

    public static void main(String[] args) throws Exception {
        int pages = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        String tabs = args.length > 1 ? args[1] : String.valueOf(RenderSettings.defaultConcurrency());
        System.out.printf("pages=%d shells=%d render_concurrency=%s cores=%d%n", pages, pages / 5, tabs,
                Runtime.getRuntime().availableProcessors());
        System.out.println("mode     pages  rendered  seconds  pages/s  rendered/s  peak_rss_mb  peak_pss_mb  load_before  load_after");
        try (TestSite site = site(pages)) {
            for (String mode : List.of("never", "auto", "always")) run(site, mode, tabs);
        }
    }

    static TestSite site(int pages) throws IOException {
        TestSite site = TestSite.start();
        site.bytes("/robots.txt", 200, "text/plain", SinglePageApp.ascii("User-agent: *\nAllow: /\n"));
        site.bytes("/app.js", 200, "text/javascript", SinglePageApp.ascii("""
                const n = Number(location.pathname.slice(2));
                document.title = 'App ' + n + ' (rendered)';
                const links = [1, 2, 3, 4].map(k => '<a href="/p' + ((n * 4 + k) %% %d) + '">next</a>').join(' ');
                document.getElementById('root').innerHTML = '<h1>App ' + n + '</h1><p>Made by a script.</p>' + links;
                """.formatted(pages)));
        for (int i = 0; i < pages; i++) {
            if (i % 5 == 4) {
                site.html("/p" + i, SinglePageApp.shell("/app.js"));
            } else {
                var html = new StringBuilder("<!doctype html><html><head><title>Static ").append(i)
                        .append("</title></head><body><h1>Static page</h1><p>")
                        .append("Its words and links are in the HTML the server sends. ".repeat(20)).append("</p>");
                for (int k = 1; k <= 4; k++) html.append("<a href=\"/p").append((i * 4 + k) % pages).append("\">next</a> ");
                html.append("<script>document.title = 'Static ").append(i).append(" (rendered)';</script></body></html>");
                site.html("/p" + i, html.toString());
            }
        }
        return site;
    }

    private static void run(TestSite site, String mode, String tabs) throws Exception {
        Path dir = Files.createTempDirectory("trawl-render-bench");
        Path db = dir.resolve(mode + ".db");
        String loadBefore = loadAverage();
        long start = System.nanoTime();
        Process child = CliRunner.startChild(List.of("-Xmx192m", "-Djava.io.tmpdir=" + dir),
                List.of("crawl", site.url("/p0"), "--db", db.toString(), "--quiet", "--render", mode,
                        "--render-concurrency", tabs), ProcessBuilder.Redirect.appendTo(dir.resolve("out.log").toFile()));
        long peakRss = 0;
        long peakPss = 0;
        while (child.isAlive()) {
            List<ProcessHandle> all = new ArrayList<>();
            all.add(child.toHandle());
            child.descendants().forEach(all::add);
            peakRss = Math.max(peakRss, sum(all, "/status", "VmRSS:"));
            peakPss = Math.max(peakPss, sum(all, "/smaps_rollup", "Pss:"));
            Thread.sleep(100);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (child.exitValue() != 0) throw new IllegalStateException(mode + ": exit " + child.exitValue() + ", see " + dir);
        long stored;
        long rendered;
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + db); var st = c.createStatement()) {
            var rs = st.executeQuery("SELECT count(*), sum(title LIKE '%(rendered)') FROM pages WHERE status = 200");
            rs.next();
            stored = rs.getLong(1);
            rendered = rs.getLong(2);
        }
        System.out.printf("%-7s %6d %9d %8.1f %8.1f %11.1f %12d %12d  %-11s  %s%n", mode, stored, rendered, seconds,
                stored / seconds, rendered / seconds, peakRss / 1024, peakPss / 1024, loadBefore, loadAverage());
    }

    /** The kB value of one field of /proc/PID/file, summed over the processes (those gone meanwhile count 0). */
    private static long sum(List<ProcessHandle> processes, String file, String field) {
        long total = 0;
        for (ProcessHandle p : processes) {
            try {
                for (String line : Files.readAllLines(Path.of("/proc/" + p.pid() + file))) {
                    if (line.startsWith(field)) total += Long.parseLong(line.substring(field.length()).strip().split("\\s+")[0]);
                }
            } catch (IOException | RuntimeException e) {
                // ended between the listing and the read
            }
        }
        return total;
    }

    private static String loadAverage() throws IOException {
        String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
        return parts[0] + "/" + parts[1] + "/" + parts[2];
    }
}
