package dev.trawl;

import static dev.trawl.CliRunner.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.trawl.store.PostgresTestDatabase;
import dev.trawl.testsite.TestSite;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `trawl worker` and the options a shared crawl keeps, through the real command line (skipped without PostgreSQL). */
class WorkersCliIT {
    @TempDir Path dir;

    private static TestSite site() throws Exception {
        var site = TestSite.start();
        site.page("/", "home", "/a", "/b");
        site.page("/a", "a", "/");
        site.page("/b", "b", "/a");
        return site;
    }

    @Test
    void aCrawlWithOtherOptionsIsRefusedInOneLineAndAWorkerJoiningAFinishedCrawlEndsAtOnce() throws Exception {
        try (var db = PostgresTestDatabase.create(); var site = site()) {
            var first = run("crawl", site.url("/"), "--db", db.url(), "--quiet", "--ignore-robots", "--per-host", "4");
            assertThat(first.exit()).as(first.toString()).isZero();

            var other = run("crawl", site.url("/"), "--db", db.url(), "--quiet", "--ignore-robots", "--per-host", "8");
            var otherSeed = run("crawl", site.url("/a"), "--db", db.url(), "--quiet", "--ignore-robots", "--per-host", "4");
            long started = System.nanoTime();
            var worker = run("worker", "--db", db.url(), "--quiet", "--concurrency", "3");
            long workerMillis = (System.nanoTime() - started) / 1_000_000;

            assertThat(other.exit()).as(other.toString()).isEqualTo(2);
            assertThat(other.err()).isEqualTo("trawl: --per-host: this crawl was started with 4, not 8"
                    + " (use the same options, or 'trawl worker --db ...')\n");
            assertThat(otherSeed.exit()).isEqualTo(2);
            assertThat(otherSeed.err()).startsWith("trawl: SEED_URL: this crawl was started with " + site.url("/")
                    + ", not " + site.url("/a"));
            assertThat(worker.exit()).as(worker.toString()).isZero();
            assertThat(workerMillis).as("ms for a worker to find the crawl finished").isLessThan(10_000);
            assertThat(site.allHits()).as("nothing fetched twice").allSatisfy((path, hits) -> assertThat(hits).isEqualTo(1));
        }
    }

    @Test
    void aWorkerWithoutACrawlToJoinIsAUsageError() throws Exception {
        try (var db = PostgresTestDatabase.create()) {
            var onEmpty = run("worker", "--db", db.url(), "--quiet");
            var onSqlite = run("worker", "--db", dir.resolve("t.db"), "--quiet");

            assertThat(onEmpty.exit()).isEqualTo(2);
            assertThat(onEmpty.err()).isEqualTo("trawl: " + db.display() + " holds no crawl to join"
                    + " (start one with 'trawl crawl SEED_URL... --db ...')\n");
            assertThat(onSqlite.exit()).isEqualTo(2);
            assertThat(onSqlite.err()).startsWith("trawl: --db: a worker joins a crawl in PostgreSQL");
        }
    }

    @Test
    void aWorkerCrawlsWithTheStoredOptions() throws Exception {
        try (var db = PostgresTestDatabase.create(); var site = site()) {
            // --max-pages 1: the crawl stops after the seed; a worker must keep to that limit, not its own
            var first = run("crawl", site.url("/"), "--db", db.url(), "--quiet", "--ignore-robots", "--max-pages", "1");
            var worker = run("worker", "--db", db.url(), "--quiet");

            assertThat(first.exit()).isZero();
            assertThat(worker.exit()).as(worker.toString()).isZero();
            assertThat(site.allHits()).containsOnlyKeys("/");
        }
    }

    /**
     * On a shared frontier a redirect to another host is not followed by the worker that got it (the other host may
     * be leased to someone else): the redirect is the first URL's record and its target is queued in the frontier.
     */
    @Test
    void aRedirectToAnotherHostGoesThroughTheFrontier() throws Exception {
        try (var db = PostgresTestDatabase.create(); var from = TestSite.start();
             var to = TestSite.start(java.net.InetAddress.getByName("127.0.0.2"))) {
            from.redirect("/old", 301, to.url("/new"));
            to.page("/new", "moved here");

            var crawl = run("crawl", from.url("/old"), "--db", db.url(), "--quiet", "--ignore-robots", "--scope", "any",
                    "--allow-private"); // 127.0.0.2 is another host's internal address to the SSRF guard

            assertThat(crawl.exit()).as(crawl.toString()).isZero();
            var pages = CliRunner.export(db.url(), dir.resolve("out.jsonl"));
            assertThat(pages).containsOnlyKeys(from.url("/old"), to.url("/new"));
            assertThat(pages.get(from.url("/old")).get("status").asInt()).isEqualTo(301);
            assertThat(pages.get(to.url("/new")).get("title").asText()).isEqualTo("moved here");
            assertThat(pages.get(to.url("/new")).get("depth").asInt()).as("a redirect is not a link hop").isZero();
            assertThat(from.hits("/old")).isEqualTo(1);
            assertThat(to.hits("/new")).isEqualTo(1);
        }
    }
}
