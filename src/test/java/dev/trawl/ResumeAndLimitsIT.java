package dev.trawl;

import static dev.trawl.CliRunner.export;
import static dev.trawl.CliRunner.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.trawl.testsite.TestSite;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --max-pages, --time-limit and resuming on the same database. */
class ResumeAndLimitsIT {
    @TempDir Path dir;

    private static TestSite chainSite(int n) throws Exception {
        var site = TestSite.start();
        for (int i = 0; i < n; i++) site.page("/p" + i, "P" + i, "/p" + (i + 1), "/p" + ((i * 7) % n));
        return site;
    }

    @Test
    void maxPagesStopsTheCrawlAndAResumeFetchesOnlyWhatIsLeft() throws Exception {
        try (var site = chainSite(40)) {
            Path db = dir.resolve("t.db");

            var first = run("crawl", site.url("/p0"), "--db", db, "--quiet", "--max-pages", "10", "--ignore-robots");
            assertThat(first.exit()).as(first.toString()).isZero();
            assertThat(export(db)).hasSize(10);

            var second = run("crawl", site.url("/p0"), "--db", db, "--quiet", "--ignore-robots");
            assertThat(second.exit()).as(second.toString()).isZero();
            assertThat(export(db)).as("40 pages and the 404 that /p39 links to").hasSize(41);
            site.allHits().forEach((path, hits) -> assertThat(hits).as("hits of %s", path).isEqualTo(1));
        }
    }

    @Test
    void aSqliteCrawlLongerThanTheStaleClaimCheckFetchesEveryPageOnce() throws Exception {
        // Regression: workers on PostgreSQL release dead workers' claims every 3 s; on SQLite "release" means every
        // claim, this crawl's own, so the periodic check must not run there (pages would be fetched twice).
        try (var site = TestSite.start()) {
            for (int i = 0; i < 100; i++) site.slowPage("/p" + i, 50, "<a href=\"/p" + (i + 1) % 100 + "\">n</a>"
                    + "<a href=\"/p" + (i * 7 + 3) % 100 + "\">m</a>");
            long started = System.nanoTime();

            var result = run("crawl", site.url("/p0"), "--db", dir.resolve("long.db"), "--quiet", "--ignore-robots",
                    "--concurrency", "1");

            assertThat(result.exit()).as(result.toString()).isZero();
            assertThat((System.nanoTime() - started) / 1_000_000).as("ms the crawl took").isGreaterThan(4000);
            assertThat(site.allHits()).hasSize(100);
            site.allHits().forEach((path, hits) -> assertThat(hits).as("hits of %s", path).isEqualTo(1));
        }
    }

    @Test
    void runningAFinishedCrawlAgainFetchesNothing() throws Exception {
        try (var site = chainSite(5)) {
            Path db = dir.resolve("t.db");
            run("crawl", site.url("/p0"), "--db", db, "--quiet", "--ignore-robots");
            int before = site.allHits().values().stream().mapToInt(Integer::intValue).sum();

            var again = run("crawl", site.url("/p0"), "--db", db, "--quiet", "--ignore-robots");

            assertThat(again.exit()).isZero();
            assertThat(site.allHits().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(before);
            assertThat(again.out()).contains("crawled 0 URLs");
        }
    }

    @Test
    void timeLimitStopsGracefullyAndLeavesTheRestPending() throws Exception {
        try (var site = TestSite.start()) {
            for (int i = 0; i < 100; i++) site.slowPage("/p" + i, 200, "<title>p</title><a href=\"/p" + (i + 1) + "\">n</a>");
            Path db = dir.resolve("t.db");
            long started = System.nanoTime();

            var result = run("crawl", site.url("/p0"), "--db", db, "--quiet", "--time-limit", "1s", "--ignore-robots");

            long millis = (System.nanoTime() - started) / 1_000_000;
            assertThat(result.exit()).as(result.toString()).isZero();
            assertThat(millis).isLessThan(5000);
            assertThat(result.out()).contains("--time-limit").contains("1 URLs pending");
            int stored = export(db).size();
            assertThat(stored).isBetween(2, 8);

            var resumed = run("crawl", site.url("/p0"), "--db", db, "--quiet", "--ignore-robots", "--max-pages", String.valueOf(stored + 3));
            assertThat(resumed.exit()).isZero();
            assertThat(export(db)).hasSize(stored + 3);
            site.allHits().forEach((path, hits) -> assertThat(hits).as("hits of %s", path).isEqualTo(1));
        }
    }
}
