package dev.trawl;

import static dev.trawl.CliRunner.export;
import static dev.trawl.CliRunner.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trawl.testsite.TestSite;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crawler traps with default options (issue 10, items 4, 7 and 8): each crawl ends by itself, within a bound the
 * test measures, against a real server on loopback that makes up its URLs as a trap site does.
 */
class TrapsIT {
    @TempDir Path dir;

    /** Every page links one level deeper with the same segment: "/a/", "/a/a/", "/a/a/a/", ... */
    @Test
    void repeatingPathSegmentsEndTheCrawl() throws Exception {
        try (var site = TestSite.start()) {
            site.page("/", "Home", "a/");
            site.prefix("/a/", ex -> TestSite.send(ex, 200, "text/html", "<title>deeper</title><a href=\"a/\">a</a>"));
            Path db = dir.resolve("t.db");

            var result = run("crawl", site.url("/"), "--db", db, "--quiet");

            assertThat(result.exit()).as(result.toString()).isZero();
            assertThat(pagesRequested(site)).as("/, /a/, /a/a/").isEqualTo(3);
            JsonNode skip = export(db).get(site.url("/a/a/a/"));
            assertThat(skip.get("error").asText()).isEqualTo("repeating_path");
            assertThat(skip.get("status").isNull()).isTrue();
            assertThat(site.hits("/a/a/a/")).isZero();
        }
    }

    /** Ever deeper with new segments, 50 characters a level: only the URL length cap ends it. */
    @Test
    void everLongerUrlsStopAtTheLengthCap() throws Exception {
        try (var site = TestSite.start()) {
            var deepest = new AtomicInteger();
            site.page("/", "Home", "deep/");
            site.prefix("/deep/", ex -> {
                String path = ex.getRequestURI().getRawPath();
                deepest.accumulateAndGet(path.length(), Math::max);
                String next = "level-" + path.length() + "-" + "x".repeat(40) + "/";
                TestSite.send(ex, 200, "text/html", "<title>deep</title><a href=\"" + next + "\">next</a>");
            });
            Path db = dir.resolve("t.db");

            var result = run("crawl", site.url("/"), "--db", db, "--quiet");

            assertThat(result.exit()).as(result.toString()).isZero();
            int prefix = site.url("").length();
            assertThat(prefix + deepest.get()).as("longest URL requested").isLessThanOrEqualTo(2083);
            assertThat(pagesRequested(site)).as("levels until the cap, about 2083 / 56").isBetween(30, 45);
            var skips = errors(export(db));
            assertThat(skips).containsEntry("url_too_long", 1L);
            String row = export(db).keySet().stream().filter(u -> u.contains("#trawl-truncated-")).findFirst().orElseThrow();
            assertThat(row.indexOf('#')).as("the row keeps the first 2083 characters").isEqualTo(2083);
        }
    }

    /** A new session id in every link: each page is fetched once, whatever sid it was first linked with. */
    @Test
    void sessionIdsInLinksDoNotMakeNewPages() throws Exception {
        try (var site = TestSite.start()) {
            site.prefix("/shop", ex -> {
                var html = new StringBuilder("<title>shop</title>");
                for (String p : List.of("/shop", "/shop/1", "/shop/2", "/shop/3", "/shop/4", "/shop/5")) {
                    html.append("<a href=\"").append(p).append("?sid=").append(UUID.randomUUID()).append("\">x</a>");
                    html.append("<a href=\"").append(p).append(";jsessionid=").append(UUID.randomUUID()).append("\">y</a>");
                }
                TestSite.send(ex, 200, "text/html", html.toString());
            });
            Path db = dir.resolve("t.db");

            var result = run("crawl", site.url("/shop?sid=seed"), "--db", db, "--quiet");

            assertThat(result.exit()).as(result.toString()).isZero();
            Map<String, Long> byPath = site.requestTargets().stream().filter(t -> !t.equals("/robots.txt"))
                    .collect(Collectors.groupingBy(t -> t.replaceAll("[;?].*", ""), Collectors.counting()));
            assertThat(byPath).as("every page once").containsOnlyKeys("/shop", "/shop/1", "/shop/2", "/shop/3",
                    "/shop/4", "/shop/5").allSatisfy((path, n) -> assertThat(n).as(path).isEqualTo(1));
            assertThat(site.requestTargets()).as("requested with the session id the page wrote")
                    .anyMatch(t -> t.startsWith("/shop/1?sid=") || t.startsWith("/shop/1;jsessionid="));
        }
    }

    /** Infinitely many distinct pages on one host: the host's budget ends it, across a resume too. */
    @Test
    void maxPagesPerHostHoldsAcrossAResume() throws Exception {
        try (var site = TestSite.start()) {
            site.prefix("/n/", ex -> {
                int n = Integer.parseInt(ex.getRequestURI().getRawPath().substring(3));
                TestSite.send(ex, 200, "text/html", "<title>" + n + "</title><a href=\"/n/" + (2 * n + 1)
                        + "\">a</a><a href=\"/n/" + (2 * n + 2) + "\">b</a>");
            });
            Path db = dir.resolve("t.db");

            var first = run("crawl", site.url("/n/0"), "--db", db, "--quiet", "--max-pages-per-host", "60",
                    "--max-pages", "25");
            var second = run("crawl", site.url("/n/0"), "--db", db, "--quiet", "--max-pages-per-host", "60");

            assertThat(first.exit()).as(first.toString()).isZero();
            assertThat(second.exit()).as(second.toString()).isZero();
            assertThat(pagesRequested(site)).as("URLs of the host, seed included").isEqualTo(60);
            assertThat(site.allHits()).allSatisfy((path, n) -> assertThat(n).as(path).isEqualTo(
                    path.equals("/robots.txt") ? 2 : 1));
            Map<String, Long> errors = errors(export(db));
            assertThat(errors.get("host_page_limit")).as("skip rows, a sample").isBetween(1L, 100L);
        }
    }

    /** The three rules are on unless turned off, with the defaults README documents. */
    @Test
    void trapRulesAreOnByDefaultWithDocumentedValues() {
        var help = run("crawl", "--help");
        String text = help.out().replaceAll("\\s+", " ");
        assertThat(text).contains("--max-url-length=N do not follow links longer than N characters")
                .contains("0: no limit (default: 2083)").contains("0: no limit (default: 2)")
                .contains("0: no limit (default: 100000)");
    }

    /** Item 8: a path with "//" in it reaches the server exactly as the page wrote it. */
    @Test
    void doubleSlashesInPathsReachTheServerAsWritten() throws Exception {
        try (var site = TestSite.start()) {
            String archived = "/web/2022/http://www.netlib.org/fp/dtoa.c";
            site.page("/", "Home", archived, "/docs//guide/?b=2&a=1&empty=");
            site.route(archived, ex -> TestSite.send(ex, 200, "text/plain", "dtoa"));
            site.page("/docs//guide/", "Guide");
            Path db = dir.resolve("t.db");

            var result = run("crawl", site.url("/"), "--db", db, "--quiet");

            assertThat(result.exit()).as(result.toString()).isZero();
            assertThat(site.requestTargets()).contains(archived, "/docs//guide/?b=2&a=1&empty=")
                    .doesNotContain("/web/2022/http:/www.netlib.org/fp/dtoa.c");
            assertThat(export(db)).containsKey(site.url(archived));
            assertThat(export(db).get(site.url(archived)).get("status").asInt()).isEqualTo(200);
        }
    }

    /** Item 7: a redirect's target that a page also links to is requested once, whichever comes first. */
    @Test
    void aRedirectTargetLinkedDirectlyIsRequestedOnce() throws Exception {
        try (var site = TestSite.start()) {
            site.page("/", "Home", "/old", "/mid", "/moved");
            site.redirect("/old", 301, "/new");
            site.page("/mid", "Mid", "/later");
            site.page("/later", "Later", "/new", "/target");
            site.redirect("/moved", 302, "/target");
            site.page("/new", "New");
            site.page("/target", "Target");
            Path db = dir.resolve("t.db");

            var result = run("crawl", site.url("/"), "--db", db, "--quiet");

            assertThat(result.exit()).as(result.toString()).isZero();
            assertThat(site.hits("/new")).as("hop, then linked from /later").isEqualTo(1);
            assertThat(site.hits("/target")).isEqualTo(1);
            assertThat(site.allHits()).allSatisfy((path, n) -> assertThat(n).as(path).isEqualTo(1));
            Map<String, JsonNode> pages = export(db);
            assertThat(pages.get(site.url("/old")).get("final_url").asText()).isEqualTo(site.url("/new"));
        }
    }

    /** A redirect to a URL fetched before is not fetched again: the redirect is the record, pointing at it. */
    @Test
    void aRedirectToAKnownUrlIsRecordedNotFetched() throws Exception {
        try (var site = TestSite.start()) {
            site.page("/", "Home", "/a");
            site.page("/a", "A", "/b");
            site.redirect("/b", 301, "/");
            Path db = dir.resolve("t.db");

            var result = run("crawl", site.url("/"), "--db", db, "--quiet");

            assertThat(result.exit()).as(result.toString()).isZero();
            assertThat(site.hits("/")).isEqualTo(1);
            JsonNode b = export(db).get(site.url("/b"));
            assertThat(b.get("status").asInt()).isEqualTo(301);
            assertThat(CliRunner.texts(b.get("outlinks"))).containsExactly(site.url("/"));
        }
    }

    private static int pagesRequested(TestSite site) {
        return (int) site.requestTargets().stream().filter(t -> !t.equals("/robots.txt")).count();
    }

    private static Map<String, Long> errors(Map<String, JsonNode> pages) {
        return pages.values().stream().filter(p -> !p.get("error").isNull())
                .collect(Collectors.groupingBy(p -> p.get("error").asText(), Collectors.counting()));
    }
}
