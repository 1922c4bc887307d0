package dev.trawl;

import static dev.trawl.CliRunner.run;
import static dev.trawl.testsite.SitemapFiles.gzip;
import static dev.trawl.testsite.SitemapFiles.index;
import static dev.trawl.testsite.SitemapFiles.urlset;
import static dev.trawl.testsite.SitemapFiles.xml;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trawl.store.PostgresTestDatabase;
import dev.trawl.testsite.TestSite;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * `trawl crawl --sitemaps` end to end against a local site, on SQLite and on PostgreSQL: robots.txt's Sitemap: lines
 * and /sitemap.xml, an index, gzip, text, an out-of-scope URL, a trapped one, a gzip bomb, one over --max-body and one
 * robots.txt disallows; every request within --delay; where each URL came from; a resume that fetches no sitemap again.
 */
class SitemapsCrawlIT {
    @TempDir Path dir;
    @RegisterExtension final PostgresTestDatabase pg = PostgresTestDatabase.perTest();

    @Test
    void readsEverySitemapKindThroughTheCrawlsLimitsOnSqlite() throws Exception {
        readsEverySitemapKind(dir.resolve("sitemaps.db").toString());
    }

    @Test
    void readsEverySitemapKindThroughTheCrawlsLimitsOnPostgres() throws Exception {
        readsEverySitemapKind(pg.url());
    }

    @Test
    void aResumeAfterTimeLimitFetchesNoSitemapItHadReadOnSqlite() throws Exception {
        resumesWhereTheWalkStopped(dir.resolve("resume.db").toString(), SitemapsCrawlIT::stopAtTimeLimit);
    }

    @Test
    void aResumeAfterTimeLimitFetchesNoSitemapItHadReadOnPostgres() throws Exception {
        resumesWhereTheWalkStopped(pg.url(), SitemapsCrawlIT::stopAtTimeLimit);
    }

    @Test
    void aResumeAfterKill9FetchesNoSitemapItHadReadOnSqlite() throws Exception {
        resumesWhereTheWalkStopped(dir.resolve("killed.db").toString(), SitemapsCrawlIT::killWhileBIsInFlight);
    }

    /** Stops the first crawl while b.xml is in flight. */
    @FunctionalInterface
    private interface Stop {
        void crawlUntilStopped(String db, TestSite site) throws Exception;
    }

    private static void stopAtTimeLimit(String db, TestSite site) {
        assertThat(crawl(db, site, "--sitemaps", "--time-limit", "2s").out()).contains("stopped at --time-limit");
    }

    private static void killWhileBIsInFlight(String db, TestSite site) throws Exception {
        Process child = CliRunner.startChild(List.of(), List.of("crawl", site.url("/"), "--db", db, "--quiet",
                "--retries", "0", "--sitemaps"), ProcessBuilder.Redirect.DISCARD);
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(60).toNanos();
        while (site.hits("/b.xml") == 0) {
            assertThat(child.isAlive()).as("the crawl ended before b.xml").isTrue();
            assertThat(System.nanoTime()).as("b.xml not requested in time").isLessThan(deadline);
            Thread.sleep(20);
        }
        Thread.sleep(500); // a.xml's rows, handed to the writer before b.xml was requested, are committed by now
        child.destroyForcibly(); // SIGKILL: no shutdown hook, no flush
        assertThat(child.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void offByDefaultAndNoneAtMaxDepthZero() throws Exception {
        try (TestSite site = TestSite.start()) {
            site.page("/", "home");
            xml(site, "/sitemap.xml", urlset(site.url("/listed")));
            site.page("/listed", "listed");

            var plain = crawl(dir.resolve("plain.db").toString(), site);
            var seedsOnly = crawl(dir.resolve("depth0.db").toString(), site, "--sitemaps", "--max-depth", "0");

            assertThat(site.hits("/sitemap.xml")).isZero();
            assertThat(plain.out()).contains("crawled 1 URLs").doesNotContain("sitemaps:");
            assertThat(seedsOnly.out()).contains("crawled 1 URLs");
        }
    }

    @Test
    void followsRedirectsRetriesA503AndWalksEverySeedsSite() throws Exception {
        try (TestSite one = TestSite.start(); TestSite two = TestSite.start()) {
            one.page("/", "one");
            one.redirect("/sitemap.xml", 301, one.url("/moved/sitemap.xml"));
            xml(one, "/moved/sitemap.xml", urlset(one.url("/from-moved")));
            one.page("/from-moved", "m");
            two.page("/", "two");
            two.sequence("/sitemap.xml", urlset(two.url("/from-retried")), 503, 200);
            two.page("/from-retried", "r");
            String db = dir.resolve("two-sites.db").toString();

            List<Object> args = new ArrayList<>(List.of("crawl", one.url("/"), two.url("/"), "--db", db, "--quiet",
                    "--sitemaps", "--retries", "1", "--scope", "any"));
            CliRunner.Result r = run(args.toArray());

            assertThat(r.exit()).as(r.toString()).isZero();
            var exported = export(db);
            assertThat(exported.keySet()).containsExactlyInAnyOrder(one.url("/"), two.url("/"), one.url("/from-moved"),
                    two.url("/from-retried"));
            assertThat(exported.get(one.url("/from-moved")).get("sitemap").asText())
                    .as("the export says which sitemap listed the URL").isEqualTo(one.url("/sitemap.xml"));
            assertThat(exported.get(one.url("/")).get("sitemap").isNull()).isTrue();
            assertThat(one.hits("/sitemap.xml")).isEqualTo(1);
            assertThat(one.hits("/moved/sitemap.xml")).isEqualTo(1);
            assertThat(two.hits("/sitemap.xml")).as("a 503, then the retry").isEqualTo(2);
            assertThat(rows(db, "SELECT f.url, s.sitemap FROM frontier f JOIN sitemap_urls s ON s.url_key = f.url_key"))
                    .containsEntry(one.url("/from-moved"), List.of(one.url("/sitemap.xml")))
                    .containsEntry(two.url("/from-retried"), List.of(two.url("/sitemap.xml")));
            assertThat(r.out()).contains("sitemaps: 2 visited, 2 URLs listed, 2 new to the crawl");
        }
    }

    @Test
    void robotsTxtUnreachableOnEveryTryLeavesTheWalkForTheNextRun() throws Exception {
        try (TestSite site = TestSite.start()) {
            var robotsUp = new java.util.concurrent.atomic.AtomicBoolean(false);
            site.route("/robots.txt", ex -> {
                if (robotsUp.get()) TestSite.send(ex, 200, "text/plain", "Sitemap: " + site.url("/listed.xml") + "\n");
                else TestSite.send(ex, 503, "text/plain", "busy");
            });
            site.page("/", "home");
            xml(site, "/listed.xml", urlset(site.url("/from-robots")));
            xml(site, "/sitemap.xml", urlset(site.url("/from-default")));
            site.page("/from-robots", "r");
            site.page("/from-default", "d");
            String db = dir.resolve("unreachable.db").toString();
            var config = dev.trawl.crawl.CrawlConfig.builder(List.of(site.url("/"))).db(db).sitemaps(true)
                    .robotsRetryBase(java.time.Duration.ofMillis(20)).build();

            try (var crawl = dev.trawl.crawl.Crawler.start(config)) {
                assertThat(crawl.await().pending()).as("the seed waits for robots.txt").isEqualTo(1);
            }
            assertThat(site.hits("/sitemap.xml") + site.hits("/listed.xml")).isZero();
            assertThat(rows(db, "SELECT url FROM sitemaps")).as("nothing of the walk recorded").isEmpty();
            robotsUp.set(true);
            try (var crawl = dev.trawl.crawl.Crawler.start(config)) {
                assertThat(crawl.await().pending()).isZero();
            }

            assertThat(export(db).keySet()).containsExactlyInAnyOrder(site.url("/"), site.url("/from-robots"),
                    site.url("/from-default"));
        }
    }

    private void readsEverySitemapKind(String db) throws Exception {
        try (TestSite site = TestSite.start()) {
            site.bytes("/robots.txt", 200, "text/plain", ("User-agent: *\nDisallow: /private\n"
                    + "Sitemap: " + site.url("/index.xml") + "\nSitemap: " + site.url("/news.txt") + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            site.page("/", "home", "/linked");
            xml(site, "/index.xml", index(site.url("/a.xml"), site.url("/b.xml.gz"), site.url("/bomb.xml.gz"),
                    site.url("/big.xml"), site.url("/private/c.xml"), site.url("/a.xml")));
            xml(site, "/a.xml", urlset(site.url("/page-a"), site.url("/linked"), "http://elsewhere.invalid/x",
                    site.url("/t/t/t/t"), site.url("/")));
            site.bytes("/b.xml.gz", 200, "application/x-gzip", gzip(urlset(site.url("/page-b1"), site.url("/page-b2"))));
            site.bytes("/bomb.xml.gz", 200, "application/gzip", gzip(new byte[64 * 1024 * 1024]));
            xml(site, "/big.xml", urlset(site.url("/never")) + " ".repeat(2 << 20));
            xml(site, "/private/c.xml", urlset(site.url("/never")));
            site.bytes("/news.txt", 200, "text/plain", (site.url("/page-t") + "\n").getBytes(StandardCharsets.UTF_8));
            xml(site, "/sitemap.xml", urlset(site.url("/page-d")));
            for (String page : List.of("/linked", "/page-a", "/page-b1", "/page-b2", "/page-t", "/page-d")) {
                site.page(page, page);
            }

            var first = crawl(db, site, "--sitemaps", "--delay", "150ms", "--max-body", "1MB");

            Map<String, JsonNode> export = export(db);
            assertThat(export.keySet()).containsExactlyInAnyOrder(site.url("/"), site.url("/linked"),
                    site.url("/page-a"), site.url("/page-b1"), site.url("/page-b2"), site.url("/page-t"),
                    site.url("/page-d"), site.url("/t/t/t/t"));
            assertThat(export.get(site.url("/t/t/t/t")).get("error").asText()).isEqualTo("repeating_path");
            assertThat(export.get(site.url("/page-a")).get("depth").asInt()).as("one hop from the seed").isEqualTo(1);
            assertThat(export.get(site.url("/page-b1")).get("status").asInt()).isEqualTo(200);
            assertThat(site.hits("/robots.txt")).as("the crawl's own robots.txt fetch gave the Sitemap: lines").isEqualTo(1);
            for (String sitemap : List.of("/index.xml", "/a.xml", "/b.xml.gz", "/bomb.xml.gz", "/big.xml", "/news.txt",
                    "/sitemap.xml")) {
                assertThat(site.hits(sitemap)).as(sitemap).isEqualTo(1);
            }
            assertThat(site.hits("/private/c.xml")).as("robots.txt disallows it").isZero();
            assertThat(site.hits("/never")).isZero();
            assertThat(gaps(site)).as("ms between request starts: --delay holds for sitemaps too")
                    .allSatisfy(gap -> assertThat(gap).isGreaterThanOrEqualTo(130));

            Map<String, List<String>> sitemaps = rows(db, "SELECT url, state, urls, children, problem, depth, listed_by"
                    + " FROM sitemaps ORDER BY url");
            assertThat(sitemaps.get(site.url("/index.xml"))).containsExactly("1", "0", "6", null, "0", "robots.txt");
            assertThat(sitemaps.get(site.url("/a.xml"))).containsExactly("1", "5", "0", null, "1", site.url("/index.xml"));
            assertThat(sitemaps.get(site.url("/bomb.xml.gz")).get(3)).startsWith("larger than ")
                    .endsWith(" bytes after gzip decompression");
            assertThat(sitemaps.get(site.url("/big.xml")).get(3)).isEqualTo("too_large");
            assertThat(sitemaps.get(site.url("/private/c.xml")).get(3)).isEqualTo("disallowed by robots.txt");
            assertThat(sitemaps.get(site.url("/sitemap.xml"))).containsExactly("1", "1", "0", null, "0", "default");
            assertThat(sitemaps).hasSize(8);

            Map<String, List<String>> listed = rows(db, "SELECT f.url, s.sitemap, s.lastmod FROM frontier f"
                    + " JOIN sitemap_urls s ON s.url_key = f.url_key ORDER BY f.url");
            assertThat(listed.get(site.url("/page-a"))).containsExactly(site.url("/a.xml"), "2024-05-06T07:08:09.000Z");
            assertThat(listed.get(site.url("/page-b2"))).containsExactly(site.url("/b.xml.gz"), "2024-05-06T07:08:09.000Z");
            assertThat(listed.get(site.url("/page-t"))).containsExactly(site.url("/news.txt"), null);
            assertThat(listed.get(site.url("/"))).as("a seed listed too").containsExactly(site.url("/a.xml"),
                    "2024-05-06T07:08:09.000Z");
            assertThat(listed).doesNotContainKey(site.url("/t/t/t/t")).doesNotContainKey("http://elsewhere.invalid/x")
                    .hasSize(7);
            // /linked is new to the crawl unless the home page's link was admitted first
            assertThat(first.out()).containsPattern("sitemaps: 8 visited, 9 URLs listed, [56] new to the crawl;"
                    + " 3 not read whole, e\\.g\\. " + java.util.regex.Pattern.quote(site.url("/bomb.xml.gz")) + ": larger than ");

            var again = crawl(db, site, "--sitemaps", "--delay", "150ms", "--max-body", "1MB"); // a shared crawl's options

            assertThat(again.out()).as(again.toString()).contains("crawled 0 URLs").doesNotContain("sitemaps:");
            assertThat(site.hits("/index.xml") + site.hits("/a.xml") + site.hits("/sitemap.xml")).isEqualTo(3);
        }
    }

    /**
     * The index and a.xml are read, b.xml is in flight when the crawl stops: the resume reads b.xml again and c.xml,
     * and nothing else.
     */
    private void resumesWhereTheWalkStopped(String db, Stop stop) throws Exception {
        try (TestSite site = TestSite.start()) {
            site.page("/", "home");
            xml(site, "/sitemap.xml", index(site.url("/a.xml"), site.url("/b.xml"), site.url("/c.xml")));
            xml(site, "/a.xml", urlset(site.url("/a1"), site.url("/a2")));
            var slow = new java.util.concurrent.atomic.AtomicBoolean(true);
            site.route("/b.xml", ex -> {
                if (slow.get()) sleep(10_000);
                TestSite.send(ex, 200, "application/xml", urlset(site.url("/b1")).getBytes(StandardCharsets.UTF_8));
            });
            xml(site, "/c.xml", urlset(site.url("/c1")));
            for (String page : List.of("/a1", "/a2", "/b1", "/c1")) site.page(page, page);

            stop.crawlUntilStopped(db, site);

            assertThat(site.hits("/b.xml")).isEqualTo(1);
            assertThat(site.hits("/c.xml")).isZero();
            assertThat(rows(db, "SELECT url, state FROM sitemaps").get(site.url("/c.xml"))).as("queued")
                    .containsExactly("0");
            slow.set(false);

            var resumed = crawl(db, site, "--sitemaps");

            assertThat(resumed.out()).as(resumed.toString()).contains("complete").contains("sitemaps: 2 visited");
            assertThat(site.hits("/sitemap.xml")).isEqualTo(1);
            assertThat(site.hits("/a.xml")).isEqualTo(1);
            assertThat(site.hits("/b.xml")).as("in flight at the stop: read again").isEqualTo(2);
            assertThat(site.hits("/c.xml")).isEqualTo(1);
            assertThat(export(db).keySet()).containsExactlyInAnyOrder(site.url("/"), site.url("/a1"), site.url("/a2"),
                    site.url("/b1"), site.url("/c1"));
            assertThat(rows(db, "SELECT url, state FROM sitemaps").values()).hasSize(4)
                    .allSatisfy(state -> assertThat(state).containsExactly("1"));
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static CliRunner.Result crawl(String db, TestSite site, String... extra) {
        List<Object> args = new ArrayList<>(List.of("crawl", site.url("/"), "--db", db, "--quiet", "--retries", "0"));
        args.addAll(List.of(extra));
        CliRunner.Result r = run(args.toArray());
        assertThat(r.exit()).as(r.toString()).isZero();
        return r;
    }

    private Map<String, JsonNode> export(String db) throws java.io.IOException {
        return CliRunner.export(db, dir.resolve("export-" + System.nanoTime() + ".jsonl"));
    }

    /** Milliseconds between consecutive request starts. */
    private static List<Long> gaps(TestSite site) {
        List<Long> starts = site.requestStartNanos().stream().sorted().toList();
        List<Long> gaps = new ArrayList<>();
        for (int i = 1; i < starts.size(); i++) gaps.add((starts.get(i) - starts.get(i - 1)) / 1_000_000);
        return gaps;
    }

    /** The rows of sql, by their first column, the other columns as text (null stays null). */
    private Map<String, List<String>> rows(String db, String sql) throws SQLException {
        try (Connection c = db.contains("://") ? pg.connection() : DriverManager.getConnection("jdbc:sqlite:" + db);
             Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            Map<String, List<String>> rows = new LinkedHashMap<>();
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> rest = new ArrayList<>();
                for (int i = 2; i <= columns; i++) rest.add(rs.getString(i));
                rows.put(rs.getString(1), rest);
            }
            return rows;
        }
    }
}
