package dev.trawl;

import static dev.trawl.CliRunner.export;
import static dev.trawl.CliRunner.run;
import static dev.trawl.CliRunner.texts;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trawl.testsite.TestSite;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The crawl end to end through the command line, against a real server on loopback. */
class CrawlIT {
    @TempDir Path dir;

    @Test
    void crawlsLinkedPagesOnceAndExportsEveryAttemptedUrl() throws Exception {
        try (var site = TestSite.start()) {
            site.page("/", "Home", "/a.html", "/b.html#top", "b.html#other", "mailto:x@example.com",
                    "javascript:void(0)", "tel:+123", "data:text/html,hi", "/missing.html");
            site.page("/a.html", "  Page\n  A  ", "/", "/b.html");
            site.page("/b.html", "Page B", "/a.html#frag");
            Path db = dir.resolve("t.db");

            var result = run("crawl", site.url("/"), "--db", db, "--quiet");

            assertThat(result.exit()).as(result.toString()).isZero();
            Map<String, JsonNode> pages = export(db);
            assertThat(pages.keySet()).containsExactlyInAnyOrder(
                    site.url("/"), site.url("/a.html"), site.url("/b.html"), site.url("/missing.html"));
            assertThat(pages.get(site.url("/a.html")).get("title").asText()).isEqualTo("Page A");
            assertThat(pages.get(site.url("/a.html")).get("status").asInt()).isEqualTo(200);
            assertThat(pages.get(site.url("/a.html")).get("error").isNull()).isTrue();
            assertThat(pages.get(site.url("/missing.html")).get("status").asInt()).isEqualTo(404);
            assertThat(pages.get(site.url("/missing.html")).get("error").isNull()).isTrue();
            assertThat(texts(pages.get(site.url("/")).get("outlinks")))
                    .containsExactly(site.url("/a.html"), site.url("/b.html"), site.url("/missing.html"));
            assertThat(site.hits("/b.html")).isEqualTo(1);
            assertThat(site.hits("/a.html")).isEqualTo(1);
        }
    }

    @Test
    void followsRedirectChainsAndStopsLoopsAndLongChains() throws Exception {
        try (var site = TestSite.start()) {
            site.page("/", "Home", "/r1", "/loop-a", "/hop0");
            site.redirect("/r1", 301, "/r2").redirect("/r2", 302, site.url("/r3")).redirect("/r3", 307, "/final.html");
            site.page("/final.html", "Final");
            site.redirect("/loop-a", 302, "/loop-b").redirect("/loop-b", 302, "/loop-a");
            for (int i = 0; i < 12; i++) site.redirect("/hop" + i, 302, "/hop" + (i + 1));
            site.page("/hop12", "Too far");
            Path db = dir.resolve("t.db");

            var result = run("crawl", site.url("/"), "--db", db, "--quiet");

            assertThat(result.exit()).as(result.toString()).isZero();
            Map<String, JsonNode> pages = export(db);
            JsonNode chained = pages.get(site.url("/r1"));
            assertThat(chained.get("final_url").asText()).isEqualTo(site.url("/final.html"));
            assertThat(chained.get("status").asInt()).isEqualTo(200);
            assertThat(chained.get("title").asText()).isEqualTo("Final");
            assertThat(pages.get(site.url("/loop-a")).get("error").asText()).isEqualTo("redirect_loop");
            assertThat(pages.get(site.url("/hop0")).get("error").asText()).isEqualTo("too_many_redirects");
            assertThat(site.hits("/hop10")).as("hops followed: 10").isEqualTo(0);
            assertThat(site.hits("/hop9")).isEqualTo(1);
        }
    }

    @Test
    void stalledBodyHitsTheWholeRequestDeadline() throws Exception {
        try (var site = TestSite.start()) {
            site.page("/", "Home", "/stall");
            site.trickle("/stall", 10_000, 100);
            Path db = dir.resolve("t.db");
            long started = System.nanoTime();

            var result = run("crawl", site.url("/"), "--db", db, "--quiet", "--timeout", "1s", "--retries", "0");

            long seconds = (System.nanoTime() - started) / 1_000_000_000L;
            assertThat(result.exit()).as(result.toString()).isZero();
            assertThat(export(db).get(site.url("/stall")).get("error").asText()).isEqualTo("timeout");
            assertThat(export(db).get(site.url("/stall")).get("status").isNull()).isTrue();
            assertThat(seconds).as("a 1s deadline must not wait for a 1000s body").isLessThan(10);
        }
    }

    @Test
    void retriesServerErrorsAndHonoursRetryAfter() throws Exception {
        try (var site = TestSite.start()) {
            site.page("/", "Home", "/flaky", "/limited", "/down");
            site.sequence("/flaky", "<title>Recovered</title>", 503, 200);
            site.retryAfter("/limited", 429, "1", 1, "<title>Let in</title>");
            site.sequence("/down", "", 500);
            Path db = dir.resolve("t.db");

            var result = run("crawl", site.url("/"), "--db", db, "--quiet", "--retries", "2");

            assertThat(result.exit()).as(result.toString()).isZero();
            Map<String, JsonNode> pages = export(db);
            assertThat(pages.get(site.url("/flaky")).get("status").asInt()).isEqualTo(200);
            assertThat(pages.get(site.url("/flaky")).get("title").asText()).isEqualTo("Recovered");
            assertThat(site.hits("/flaky")).isEqualTo(2);
            assertThat(pages.get(site.url("/limited")).get("title").asText()).isEqualTo("Let in");
            assertThat(pages.get(site.url("/down")).get("status").asInt()).isEqualTo(500);
            assertThat(pages.get(site.url("/down")).get("error").isNull()).isTrue();
            assertThat(site.hits("/down")).as("first try + 2 retries").isEqualTo(3);
            var starts = site.requestStartNanos();
            assertThat(starts).isNotEmpty();
        }
    }

    @Test
    void retryAfterDelaysTheNextRequestByAtLeastWhatTheServerAsked() throws Exception {
        try (var site = TestSite.start()) {
            var times = new java.util.concurrent.CopyOnWriteArrayList<Long>();
            var calls = new java.util.concurrent.atomic.AtomicInteger();
            site.page("/", "Home", "/limited");
            site.route("/limited", ex -> {
                times.add(System.nanoTime());
                if (calls.getAndIncrement() == 0) {
                    ex.getResponseHeaders().set("Retry-After", "1");
                    TestSite.send(ex, 429, "text/plain", "later");
                } else {
                    TestSite.send(ex, 200, "text/html", "<title>ok</title>");
                }
            });

            var result = run("crawl", site.url("/"), "--db", dir.resolve("t.db"), "--quiet");

            assertThat(result.exit()).as(result.toString()).isZero();
            assertThat(times).hasSize(2);
            assertThat((times.get(1) - times.get(0)) / 1_000_000).as("ms between tries").isGreaterThanOrEqualTo(1000);
        }
    }

    @Test
    void recordsResetConnectionsAsErrors() throws Exception {
        try (var site = TestSite.start()) {
            site.page("/", "Home", "/cut");
            site.cutOff("/cut");
            Path db = dir.resolve("t.db");

            var result = run("crawl", site.url("/"), "--db", db, "--quiet", "--retries", "1");

            assertThat(result.exit()).as(result.toString()).isZero();
            assertThat(export(db).get(site.url("/cut")).get("error").asText()).isEqualTo("reset");
            assertThat(site.hits("/cut")).as("one retry").isEqualTo(2);
        }
    }

    @Test
    void decodesGzipAndTheThreeCharsets() throws Exception {
        try (var site = TestSite.start()) {
            site.page("/", "Home", "/gz", "/kr", "/jp", "/latin", "/kr-meta");
            site.gzipped("/gz", "<title>Squeezed</title>");
            site.encoded("/kr", "text/html; charset=EUC-KR", "<title>한국어 페이지</title>", Charset.forName("EUC-KR"));
            site.encoded("/kr-meta", "text/html", "<meta charset=\"euc-kr\"><title>서울</title>", Charset.forName("EUC-KR"));
            site.encoded("/jp", "text/html; charset=Shift_JIS", "<title>日本語のページ</title>", Charset.forName("Shift_JIS"));
            site.encoded("/latin", "text/html; charset=ISO-8859-1", "<title>Café “quoted”</title>", Charset.forName("windows-1252"));
            Path db = dir.resolve("t.db");

            var result = run("crawl", site.url("/"), "--db", db, "--quiet");

            assertThat(result.exit()).as(result.toString()).isZero();
            Map<String, JsonNode> pages = export(db);
            assertThat(pages.get(site.url("/gz")).get("title").asText()).isEqualTo("Squeezed");
            assertThat(pages.get(site.url("/kr")).get("title").asText()).isEqualTo("한국어 페이지");
            assertThat(pages.get(site.url("/kr-meta")).get("title").asText()).isEqualTo("서울");
            assertThat(pages.get(site.url("/jp")).get("title").asText()).isEqualTo("日本語のページ");
            assertThat(pages.get(site.url("/latin")).get("title").asText()).isEqualTo("Café “quoted”");
        }
    }

    @Test
    void survivesMalformedHtmlAndHonoursBaseHref() throws Exception {
        try (var site = TestSite.start()) {
            site.html("/", "<html><head><base href=\"/docs/\"><title>Broken <b>title</title><body><div><p><a href=\"guide.html\">g</a>"
                    + "<a href='../other.html'>o<table><tr><td><a href=x.html#frag>x</a> < > <<<");
            site.page("/docs/guide.html", "Guide");
            site.page("/other.html", "Other");
            site.page("/docs/x.html", "X");
            Path db = dir.resolve("t.db");

            var result = run("crawl", site.url("/"), "--db", db, "--quiet");

            assertThat(result.exit()).as(result.toString()).isZero();
            Map<String, JsonNode> pages = export(db);
            assertThat(pages).containsKeys(site.url("/docs/guide.html"), site.url("/other.html"), site.url("/docs/x.html"));
            assertThat(pages.get(site.url("/docs/guide.html")).get("title").asText()).isEqualTo("Guide");
        }
    }

    @Test
    void maxDepthBoundsACalendarTrap() throws Exception {
        try (var site = TestSite.start()) {
            site.route("/cal", ex -> {
                int month = Integer.parseInt(ex.getRequestURI().getQuery().substring(2));
                TestSite.send(ex, 200, "text/html", "<title>Month " + month + "</title><a href=\"/cal?m=" + (month + 1) + "\">next</a>");
            });
            Path db = dir.resolve("t.db");

            var result = run("crawl", site.url("/cal?m=0"), "--db", db, "--quiet", "--max-depth", "5");

            assertThat(result.exit()).as(result.toString()).isZero();
            assertThat(export(db)).hasSize(6);
            assertThat(site.hits("/cal?m=6")).isZero();
        }
    }

    @Test
    void abandonsOversizedBodies() throws Exception {
        try (var site = TestSite.start()) {
            site.page("/", "Home", "/huge");
            site.bytes("/huge", 200, "text/html", new byte[300 * 1024]);
            Path db = dir.resolve("t.db");

            var result = run("crawl", site.url("/"), "--db", db, "--quiet", "--max-body", "100KB");

            assertThat(result.exit()).as(result.toString()).isZero();
            assertThat(export(db).get(site.url("/huge")).get("error").asText()).isEqualTo("too_large");
        }
    }

    @Test
    void followsOnlyHttpLinksInScope() throws Exception {
        try (var site = TestSite.start()) {
            String otherHost = "http://localhost:" + site.port() + "/elsewhere.html";
            site.page("/", "Home", otherHost, "/in.html");
            site.page("/in.html", "In");
            site.page("/elsewhere.html", "Elsewhere");

            var hostScope = run("crawl", site.url("/"), "--db", dir.resolve("host.db"), "--quiet");
            var anyScope = run("crawl", site.url("/"), "--db", dir.resolve("any.db"), "--quiet", "--scope", "any");

            assertThat(hostScope.exit()).as(hostScope.toString()).isZero();
            assertThat(anyScope.exit()).as(anyScope.toString()).isZero();
            assertThat(export(dir.resolve("host.db"))).doesNotContainKey(otherHost).containsKey(site.url("/in.html"));
            assertThat(export(dir.resolve("any.db"))).containsKey(otherHost);
        }
    }

    @Test
    void includeAndExcludeFilterFollowedLinks() throws Exception {
        try (var site = TestSite.start()) {
            site.page("/", "Home", "/blog/1", "/blog/2", "/shop/1", "/blog/private/3");
            for (String p : new String[] {"/blog/1", "/blog/2", "/shop/1", "/blog/private/3"}) site.page(p, p);
            Path db = dir.resolve("t.db");

            var result = run("crawl", site.url("/"), "--db", db, "--quiet", "--include", "/blog/", "--exclude", "private");

            assertThat(result.exit()).as(result.toString()).isZero();
            assertThat(export(db).keySet()).containsExactlyInAnyOrder(site.url("/"), site.url("/blog/1"), site.url("/blog/2"));
        }
    }
}
