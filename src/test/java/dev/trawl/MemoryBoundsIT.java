package dev.trawl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trawl.parse.PageLimits;
import dev.trawl.testsite.TestSite;
import dev.trawl.testsite.WorstInputs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The worst inputs for memory (dense pages of 750,000 links, 40 responses that announce 10 MB and stall, gzip bombs,
 * a 9 MB title, ...) crawled by trawl in a child JVM with ./trawl's heap and settings, 64 requests at once. Before the
 * memory budget one dense page ended the JVM with OutOfMemoryError (exit 3), and again on every resume, since the
 * page was still pending. Here the dense pages are pending at the start of a resumed run (the first run stops after
 * the index): it must finish, and so must a third run.
 */
class MemoryBoundsIT {
    /** ./trawl's JVM settings (its jvm_opts): the heap the bounds are made for. */
    private static final List<String> TRAWL_JVM = List.of("-XX:+UseSerialGC", "-Xmx192m", "-XX:+UseCompactObjectHeaders",
            "-XX:+ExitOnOutOfMemoryError");

    @TempDir
    Path dir;

    @Test
    void denseHugeAndCompressedPagesAreStoredAndAResumeThatFetchesThemFinishes() throws Exception {
        try (var site = TestSite.start()) {
            WorstInputs.serve(site, "dense:2 gzdense:2 svgdense:1 bomb:2 title:2 wide:1", 1);
            Path db = dir.resolve("worst.db");
            List<String> crawl = List.of("crawl", site.url("/"), "--db", db.toString(), "--max-depth", "1",
                    "--concurrency", "64", "--per-host", "64", "--timeout", "20s", "--quiet");

            var first = child(concat(crawl, List.of("--max-pages", "1")), dir.resolve("first.log"));
            assertThat(first).as("first run: the index alone").isZero();
            assertThat(pages(db)).hasSize(1);

            var resumed = child(concat(crawl, List.of("--max-pages", "100")), dir.resolve("resumed.log"));
            assertThat(resumed).as("resumed run, the worst pages pending: " + Files.readString(dir.resolve("resumed.log")))
                    .isZero();

            Map<String, Row> rows = pages(db);
            assertThat(rows).hasSize(1 + 2 + 2 + 1 + 2 + 2 + 1);
            for (String dense : List.of("/dense/0", "/dense/1", "/gzdense/0", "/gzdense/1", "/svgdense/0")) {
                Row row = rows.get(site.url(dense));
                assertThat(row.status()).as(dense + " " + row).isEqualTo(200);
                assertThat(row.linksCut()).as(dense).isEqualTo(WorstInputs.DENSE_LINKS - PageLimits.MAX_LINKS);
                assertThat(row.links()).as(dense).isEqualTo(PageLimits.MAX_LINKS);
            }
            assertThat(rows.get(site.url("/bomb/0")).error()).isEqualTo("too_large");
            assertThat(rows.get(site.url("/title/0")).titleLength()).isEqualTo(PageLimits.MAX_TITLE_CHARS - 1);
            assertThat(rows.get(site.url("/wide/0")).status()).isEqualTo(200);

            var again = child(crawl, dir.resolve("again.log"));
            assertThat(again).as("a third run of the same command").isZero();
            assertThat(pages(db)).hasSize(rows.size());
        }
    }

    /** 64 requests at once, 40 of them announcing 10 MB and stalling, beside dense pages: no buffer is sized from it. */
    @Test
    void fortyStalledTenMegabyteResponsesAtOnceEndAsTimeouts() throws Exception {
        try (var site = TestSite.start()) {
            WorstInputs.serve(site, "stall:40 dense:2", 1);
            Path db = dir.resolve("stall.db");
            var exit = child(List.of("crawl", site.url("/"), "--db", db.toString(), "--max-depth", "1",
                    "--concurrency", "64", "--per-host", "64", "--timeout", "2s", "--retries", "0", "--quiet"),
                    dir.resolve("stall.log"));
            assertThat(exit).as(Files.readString(dir.resolve("stall.log"))).isZero();
            Map<String, Row> rows = pages(db);
            assertThat(rows).hasSize(1 + 40 + 2);
            for (int i = 0; i < 40; i++) {
                assertThat(rows.get(site.url("/stall/" + i)).error()).isEqualTo("timeout");
            }
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }

    private static int child(List<String> args, Path log) throws Exception {
        Process p = CliRunner.startChild(TRAWL_JVM, args, ProcessBuilder.Redirect.to(log.toFile()));
        if (!p.waitFor(3, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("trawl did not finish in 3 minutes: " + Files.readString(log));
        }
        return p.exitValue();
    }

    private record Row(Integer status, String error, int linksCut, int links, int titleLength) {}

    private static Map<String, Row> pages(Path db) throws Exception {
        Map<String, Row> rows = new HashMap<>();
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + db);
             var st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT f.url, p.status, p.error, p.links_cut,"
                     + " (SELECT count(*) FROM json_each(l.targets)), length(p.title)"
                     + " FROM pages p JOIN frontier f ON f.id = p.frontier_id JOIN links l ON l.frontier_id = p.frontier_id")) {
            while (rs.next()) {
                rows.put(rs.getString(1), new Row((Integer) rs.getObject(2), rs.getString(3), rs.getInt(4), rs.getInt(5),
                        rs.getInt(6)));
            }
        }
        return rows;
    }
}
