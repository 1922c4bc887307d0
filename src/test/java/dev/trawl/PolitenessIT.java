package dev.trawl;

import static dev.trawl.CliRunner.export;
import static dev.trawl.CliRunner.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.trawl.testsite.TestSite;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Limits the server can observe: requests at once, gaps between starts, robots.txt. */
class PolitenessIT {
    @TempDir Path dir;

    private static String[] pages(int n) {
        List<String> hrefs = new ArrayList<>();
        for (int i = 0; i < n; i++) hrefs.add("/p" + i);
        return hrefs.toArray(String[]::new);
    }

    @Test
    void serverNeverSeesMoreThanPerHostRequestsAtOnce() throws Exception {
        try (var site = TestSite.start()) {
            site.page("/", "Home", pages(30));
            for (int i = 0; i < 30; i++) site.slowPage("/p" + i, 100, "<title>p" + i + "</title>");
            Path db = dir.resolve("t.db");

            var result = run("crawl", site.url("/"), "--db", db, "--quiet", "--per-host", "3", "--concurrency", "50", "--ignore-robots");

            assertThat(result.exit()).as(result.toString()).isZero();
            assertThat(export(db)).hasSize(31);
            assertThat(site.maxConcurrentRequests()).isEqualTo(3);
        }
    }

    @Test
    void globalConcurrencyCapsRequestsInFlight() throws Exception {
        try (var site = TestSite.start()) {
            site.page("/", "Home", pages(20));
            for (int i = 0; i < 20; i++) site.slowPage("/p" + i, 100, "<title>p" + i + "</title>");

            var result = run("crawl", site.url("/"), "--db", dir.resolve("t.db"), "--quiet", "--per-host", "10", "--concurrency", "2", "--ignore-robots");

            assertThat(result.exit()).as(result.toString()).isZero();
            assertThat(site.maxConcurrentRequests()).isEqualTo(2);
        }
    }

    @Test
    void delaySpacesRequestStartsToOneHost() throws Exception {
        try (var site = TestSite.start()) {
            site.page("/", "Home", pages(6));
            for (int i = 0; i < 6; i++) site.page("/p" + i, "p" + i);

            var result = run("crawl", site.url("/"), "--db", dir.resolve("t.db"), "--quiet", "--delay", "150ms", "--per-host", "4", "--ignore-robots");

            assertThat(result.exit()).as(result.toString()).isZero();
            List<Long> starts = new ArrayList<>(site.requestStartNanos());
            starts.sort(null);
            assertThat(starts).hasSize(7);
            for (int i = 1; i < starts.size(); i++) {
                // measured at the server: a little transit jitter is allowed, not a missing delay
                assertThat((starts.get(i) - starts.get(i - 1)) / 1_000_000).as("gap %d in ms", i).isGreaterThanOrEqualTo(130);
            }
        }
    }

    @Test
    void robotsTxtIsFetchedOnceAndDeniedUrlsAreRecordedNotRequested() throws Exception {
        try (var site = TestSite.start()) {
            site.bytes("/robots.txt", 200, "text/plain", "User-agent: trawl\nDisallow: /private/\n\nUser-agent: *\nDisallow: /\n".getBytes());
            site.page("/", "Home", "/private/a.html", "/public.html", "/private/b.html");
            site.page("/public.html", "Public");
            site.page("/private/a.html", "Secret");
            Path db = dir.resolve("t.db");

            var result = run("crawl", site.url("/"), "--db", db, "--quiet");

            assertThat(result.exit()).as(result.toString()).isZero();
            var pages = export(db);
            assertThat(pages.get(site.url("/private/a.html")).get("error").asText()).isEqualTo("robots");
            assertThat(pages.get(site.url("/private/a.html")).get("status").isNull()).isTrue();
            assertThat(pages.get(site.url("/public.html")).get("status").asInt()).isEqualTo(200);
            assertThat(site.hits("/private/a.html")).isZero();
            assertThat(site.hits("/robots.txt")).isEqualTo(1);
        }
    }

    /** A 503 on robots.txt holds the host back (RobotsIT); --ignore-robots never asks for robots.txt at all. */
    @Test
    void ignoreRobotsNeitherFetchesNorObeysRobotsTxt() throws Exception {
        try (var site = TestSite.start()) {
            site.sequence("/robots.txt", "", 503);
            site.page("/", "Home", "/a.html");
            site.page("/a.html", "A");

            var rude = run("crawl", site.url("/"), "--db", dir.resolve("rude.db"), "--quiet", "--ignore-robots");

            assertThat(rude.exit()).as(rude.toString()).isZero();
            assertThat(site.hits("/robots.txt")).isZero();
            assertThat(export(dir.resolve("rude.db"))).hasSize(2);
        }
    }

    @Test
    void crawlDelayFromRobotsTxtSlowsTheHostDown() throws Exception {
        try (var site = TestSite.start()) {
            site.bytes("/robots.txt", 200, "text/plain", "User-agent: *\nCrawl-delay: 1\n".getBytes());
            site.page("/", "Home", "/a", "/b");
            site.page("/a", "A");
            site.page("/b", "B");
            long started = System.nanoTime();

            var result = run("crawl", site.url("/"), "--db", dir.resolve("t.db"), "--quiet");

            assertThat(result.exit()).as(result.toString()).isZero();
            assertThat((System.nanoTime() - started) / 1_000_000).as("4 requests 1s apart").isGreaterThanOrEqualTo(2000);
        }
    }
}
