package dev.trawl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trawl.crawl.Crawl;
import dev.trawl.crawl.CrawlConfig;
import dev.trawl.crawl.CrawlSummary;
import dev.trawl.crawl.Crawler;
import dev.trawl.testsite.TestSite;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * robots.txt on a real server that fails (RFC 9309 §2.3.1.4: 5xx means "disallow for a while", not for good): the
 * host's URLs stay pending while trawl waits and asks again, the pages are fetched once robots.txt is back, and a
 * run that never saw it back leaves them pending for the next run, which fetches robots.txt again. Redirects
 * (§2.3.1.2) and the 500 KiB parse limit (§2.5) are checked against the same server.
 */
class RobotsIT {
    private static final String DISALLOW_PRIVATE = "User-agent: *\nDisallow: /private\n";
    @TempDir Path dir;

    /** The order in which the server saw requests: "robots 503", "robots 200", "/", "/a", ... */
    private final List<String> seen = Collections.synchronizedList(new ArrayList<>());

    @Test
    void pagesWaitForARobotsTxtThatFailsThenRecovers() throws Exception {
        try (var site = TestSite.start()) {
            robots(site, 503, 500, 200);
            pages(site);

            CrawlSummary summary = crawl(site, dir.resolve("t.db"), Duration.ofMillis(100));

            assertThat(summary.stoppedBy()).isEqualTo(CrawlSummary.StopReason.COMPLETE);
            assertThat(seen).as("no page before robots.txt answered 200")
                    .startsWith("robots 503", "robots 500", "robots 200", "/");
            var pages = CliRunner.export(dir.resolve("t.db"));
            assertThat(pages).containsOnlyKeys(site.url("/"), site.url("/a"), site.url("/private/b"));
            assertThat(pages.get(site.url("/")).get("status").asInt()).isEqualTo(200);
            assertThat(pages.get(site.url("/a")).get("status").asInt()).isEqualTo(200);
            assertThat(pages.get(site.url("/private/b")).get("error").asText()).as("the recovered rules apply").isEqualTo("robots");
            assertThat(site.hits("/private/b")).isZero();
            assertThat(site.hits("/robots.txt")).isEqualTo(3);
        }
    }

    @Test
    void aRunThatNeverReachesRobotsTxtLeavesThePagesPendingAndTheNextRunFetchesItAgain() throws Exception {
        try (var site = TestSite.start()) {
            var status = new AtomicInteger(503);
            robots(site, status);
            pages(site);
            Path db = dir.resolve("t.db");

            CrawlSummary first = crawl(site, db, Duration.ofMillis(20));

            assertThat(first.stoppedBy()).as("the crawl still ends").isEqualTo(CrawlSummary.StopReason.COMPLETE);
            assertThat(first.recorded()).as("nothing recorded: not denied, not fetched").isZero();
            assertThat(first.pending()).isEqualTo(1);
            assertThat(site.hits("/robots.txt")).as("four attempts, then left for the next run").isEqualTo(4);
            assertThat(site.hits("/")).isZero();

            status.set(200);
            CrawlSummary second = crawl(site, db, Duration.ofMillis(20));

            assertThat(site.hits("/robots.txt")).as("the resume fetches robots.txt again").isEqualTo(5);
            assertThat(second.recorded()).isEqualTo(3);
            assertThat(second.pending()).isZero();
            assertThat(CliRunner.export(db).get(site.url("/a")).get("status").asInt()).isEqualTo(200);
        }
    }

    @Test
    void robotsTxtReachedThroughFiveRedirectsIsObeyed() throws Exception {
        try (var site = TestSite.start()) {
            site.redirect("/robots.txt", 301, "/r1");
            for (int i = 1; i < 5; i++) site.redirect("/r" + i, 302, "/r" + (i + 1));
            site.bytes("/r5", 200, "text/plain", DISALLOW_PRIVATE.getBytes(StandardCharsets.UTF_8));
            pages(site);

            crawl(site, dir.resolve("t.db"), Duration.ofMillis(100));

            var pages = CliRunner.export(dir.resolve("t.db"));
            assertThat(pages.get(site.url("/private/b")).get("error").asText()).isEqualTo("robots");
            assertThat(site.hits("/private/b")).isZero();
            assertThat(site.hits("/r5")).isEqualTo(1);
        }
    }

    @Test
    void anOversizedRobotsTxtIsObeyedForItsFirst500KiB() throws Exception {
        try (var site = TestSite.start()) {
            String padding = ("# " + "x".repeat(98) + "\n").repeat(6_000); // 600,000 bytes of comments
            String body = "User-agent: *\nDisallow: /private\n" + padding + "Disallow: /a\n";
            site.bytes("/robots.txt", 200, "text/plain", body.getBytes(StandardCharsets.UTF_8));
            pages(site);

            crawl(site, dir.resolve("t.db"), Duration.ofMillis(100));

            var pages = CliRunner.export(dir.resolve("t.db"));
            assertThat(pages.get(site.url("/private/b")).get("error").asText()).as("a rule in the first 500 KiB").isEqualTo("robots");
            assertThat(pages.get(site.url("/a")).get("status").asInt()).as("a rule past 500 KiB is not read").isEqualTo(200);
        }
    }

    private CrawlSummary crawl(TestSite site, Path db, Duration robotsRetryBase) throws Exception {
        var config = CrawlConfig.builder(List.of(site.url("/"))).db(db.toString()).perHost(1)
                .robotsRetryBase(robotsRetryBase).build();
        try (Crawl crawl = Crawler.start(config)) {
            return crawl.await();
        }
    }

    private void pages(TestSite site) {
        site.route("/", ex -> {
            seen.add("/");
            TestSite.send(ex, 200, "text/html", "<title>Home</title><a href=/a>a</a><a href=/private/b>b</a>");
        });
        site.route("/a", ex -> {
            seen.add("/a");
            TestSite.send(ex, 200, "text/html", "<title>A</title>");
        });
        site.page("/private/b", "B");
    }

    /** robots.txt answering the statuses in turn, the last for ever after; 200 with DISALLOW_PRIVATE. */
    private void robots(TestSite site, int... statuses) {
        var calls = new AtomicInteger();
        site.route("/robots.txt", ex -> answerRobots(ex, statuses[Math.min(calls.getAndIncrement(), statuses.length - 1)]));
    }

    private void robots(TestSite site, AtomicInteger status) {
        site.route("/robots.txt", ex -> answerRobots(ex, status.get()));
    }

    private void answerRobots(com.sun.net.httpserver.HttpExchange ex, int status) throws java.io.IOException {
        seen.add("robots " + status);
        TestSite.send(ex, status, "text/plain", status == 200 ? DISALLOW_PRIVATE : "busy");
    }
}
