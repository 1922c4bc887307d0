package dev.trawl;

import static dev.trawl.CliRunner.export;
import static dev.trawl.CliRunner.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trawl.testsite.TestSite;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
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
        try (var site = site()) {
            Path db = dir.resolve("crash.db");
            List<String> args = List.of("crawl", site.url("/p0"), "--db", db.toString(), "--quiet", "--ignore-robots",
                    "--concurrency", String.valueOf(CONCURRENCY), "--per-host", String.valueOf(CONCURRENCY));
            Process child = startChild(args);
            awaitHits(site, PAGES / 4, child);
            child.destroyForcibly(); // SIGKILL: no shutdown hook, no flush
            assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
            Map<String, Integer> beforeResume = site.allHits();
            assertThat(beforeResume.size()).as("the kill came mid-crawl").isLessThan(PAGES);

            var resumed = run(args.toArray());

            assertThat(resumed.exit()).as(resumed.toString()).isZero();
            assertThat(integrityCheck(db)).isEqualTo("ok");
            Map<String, JsonNode> pages = export(db); // fails on any URL exported twice
            assertThat(pages).hasSize(PAGES);
            assertThat(pages.values()).allSatisfy(p -> assertThat(p.get("status").asInt()).isEqualTo(200));
            List<String> fetchedTwice = new ArrayList<>();
            site.allHits().forEach((path, hits) -> {
                assertThat(hits).as("requests for %s", path).isBetween(1, 2);
                if (hits == 2) fetchedTwice.add(path);
            });
            // Only pages in flight at the kill (fetched, not yet committed) may be fetched again: at most the
            // pipeline's capacity of 2 x --concurrency, and each of them was requested before the kill.
            assertThat(fetchedTwice.size()).isLessThanOrEqualTo(2 * CONCURRENCY);
            assertThat(fetchedTwice).allSatisfy(path -> assertThat(beforeResume).containsKey(path));
        }
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
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), "dev.trawl.Main"));
        command.addAll(args);
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
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
