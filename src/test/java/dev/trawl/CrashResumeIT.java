package dev.trawl;

import static dev.trawl.CliRunner.export;
import static dev.trawl.CliRunner.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trawl.store.PostgresTestDatabase;
import dev.trawl.testsite.TestSite;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A crawl killed with SIGKILL in the middle resumes with the same command and loses nothing. */
class CrashResumeIT {
    private static final int PAGES = 2000;
    private static final int CONCURRENCY = 16;
    @TempDir Path dir;

    private static TestSite site() throws Exception {
        var site = TestSite.start();
        for (int i = 0; i < PAGES; i++) {
            var html = new StringBuilder("<title>P").append(i).append("</title>");
            for (int k = 1; k <= 4; k++) html.append("<a href=\"/p").append((i * 4 + k) % PAGES).append("\">l</a>");
            String body = html.toString();
            site.slowPage("/p" + i, 2, body);
        }
        return site;
    }

    @Test
    void killedCrawlResumesAndStoresEveryPageExactlyOnce() throws Exception {
        Path db = dir.resolve("crash.db");
        killResumeAndCheck(db.toString(), () -> assertThat(integrityCheck(db)).isEqualTo("ok"));
    }

    @Test
    void killedCrawlOnPostgresResumesAndStoresEveryPageExactlyOnce() throws Exception {
        try (var pg = PostgresTestDatabase.create()) {
            killResumeAndCheck(pg.url(), () -> {});
        }
    }

    /** kill -9 a child crawl mid-way, resume with the same command, and check every page is stored once. */
    private void killResumeAndCheck(String db, ThrowingRunnable checkIntegrity) throws Exception {
        try (var site = site()) {
            List<String> args = List.of("crawl", site.url("/p0"), "--db", db, "--quiet", "--ignore-robots",
                    "--concurrency", String.valueOf(CONCURRENCY), "--per-host", String.valueOf(CONCURRENCY));
            Process child = startChild(args);
            awaitHits(site, PAGES / 4, child);
            child.destroyForcibly(); // SIGKILL: no shutdown hook, no flush
            assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
            Map<String, Integer> beforeResume = site.allHits();
            assertThat(beforeResume.size()).as("the kill came mid-crawl").isLessThan(PAGES);
            checkIntegrity.run();
            var committedAtKill = new java.util.HashSet<String>();
            exportOf(db).keySet().forEach(url -> committedAtKill.add(url.substring(url.indexOf('/', 8))));

            var resumed = run(args.toArray());

            assertThat(resumed.exit()).as(resumed.toString()).isZero();
            checkIntegrity.run();
            Map<String, JsonNode> pages = exportOf(db); // fails on any URL exported twice
            assertThat(pages).hasSize(PAGES);
            assertThat(pages.values()).allSatisfy(p -> assertThat(p.get("status").asInt()).isEqualTo(200));
            // The only pages fetched twice are those in flight at the kill: requested, not yet committed.
            site.allHits().forEach((path, hits) -> {
                if (committedAtKill.contains(path)) {
                    assertThat(hits).as("requests for %s, committed before the kill", path).isEqualTo(1);
                } else {
                    assertThat(hits).as("requests for %s", path).isBetween(1, 2);
                    if (hits == 2) assertThat(beforeResume).as("fetched twice but not before the kill").containsKey(path);
                }
            });
        }
    }

    @FunctionalInterface
    private interface ThrowingRunnable {
        void run() throws Exception;
    }

    private Map<String, JsonNode> exportOf(String db) throws Exception {
        return db.contains("://") ? CliRunner.export(db, dir.resolve("export-" + System.nanoTime() + ".jsonl")) : export(Path.of(db));
    }

    @Test
    void interruptedCrawlStopsWithinSecondsCommitsWhatItFetchedAndResumes() throws Exception {
        try (var site = site()) {
            Path db = dir.resolve("sigterm.db");
            List<String> args = List.of("crawl", site.url("/p0"), "--db", db.toString(), "--quiet", "--ignore-robots",
                    "--concurrency", String.valueOf(CONCURRENCY), "--per-host", String.valueOf(CONCURRENCY));
            Process child = startChild(args);
            awaitHits(site, PAGES / 4, child);
            long stopAsked = System.nanoTime();
            child.destroy(); // SIGTERM runs the shutdown hook, as Ctrl-C's SIGINT does
            assertThat(child.waitFor(10, TimeUnit.SECONDS)).as("stopped in time").isTrue();
            long stopMillis = (System.nanoTime() - stopAsked) / 1_000_000;
            Map<String, Integer> beforeResume = site.allHits();
            int storedAtStop = export(db).size();

            var resumed = run(args.toArray());

            assertThat(stopMillis).as("ms from the signal to exit").isLessThan(3000);
            // A graceful stop commits every page it fetched: at most the requests cut off in flight are lost.
            assertThat(beforeResume.size() - storedAtStop).isBetween(0, CONCURRENCY);
            assertThat(resumed.exit()).as(resumed.toString()).isZero();
            assertThat(export(db)).hasSize(PAGES);
            long fetchedTwice = site.allHits().values().stream().filter(hits -> hits == 2).count();
            assertThat(fetchedTwice).isLessThanOrEqualTo(CONCURRENCY);
        }
    }

    private static Process startChild(List<String> args) throws Exception {
        return CliRunner.startChild(List.of(), args, ProcessBuilder.Redirect.DISCARD);
    }

    private static void awaitHits(TestSite site, int hits, Process child) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (site.allHits().size() < hits) {
            assertThat(child.isAlive()).as("child crawl ended before it could be killed").isTrue();
            assertThat(System.nanoTime()).as("child crawl too slow").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private static String integrityCheck(Path db) throws Exception {
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + db);
             var rs = c.createStatement().executeQuery("PRAGMA integrity_check")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
