package dev.trawl;

import static dev.trawl.testsite.LinkedSites.allHits;
import static dev.trawl.testsite.LinkedSites.awaitHits;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trawl.store.PostgresTestDatabase;
import dev.trawl.testsite.LinkedSites;
import dev.trawl.testsite.TestSite;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 3: three worker processes on one PostgreSQL frontier crawl a site of 5,000 pages spread over five hosts
 * (127.0.0.1 to 127.0.0.5), and the one holding most hosts is killed with SIGKILL mid-crawl. The survivors take over
 * its hosts once its heartbeat expires; every page is stored exactly once, fetched once unless the dead worker had
 * fetched it without committing, and no host ever saw more than --per-host requests at once.
 */
class ManyWorkersIT {
    private static final int PAGES = 5000;
    private static final int HOSTS = 5;
    private static final int PER_HOST = 2;
    @TempDir Path dir;

    @Test
    void threeWorkersCrawlEveryPageOnceAndAKilledOneLosesNothing() throws Exception {
        List<TestSite> sites = LinkedSites.start(PAGES, HOSTS, 1, 3);
        try (var db = PostgresTestDatabase.create()) {
            List<String> seeds = new ArrayList<>();
            for (int h = 0; h < HOSTS; h++) seeds.add(sites.get(h).url("/p" + h));
            List<String> crawl = new ArrayList<>(List.of("crawl"));
            crawl.addAll(seeds);
            crawl.addAll(List.of("--db", db.url(), "--quiet", "--ignore-robots", "--concurrency", "4",
                    "--per-host", String.valueOf(PER_HOST)));
            List<String> worker = List.of("worker", "--db", db.url(), "--quiet", "--concurrency", "4");
            Map<Long, Process> workers = new HashMap<>();
            Process first = startChild(crawl, dir.resolve("worker-0.log"));
            workers.put(first.pid(), first);
            awaitHits(sites, 50, first::isAlive);
            for (int w = 0; w < 2; w++) {
                Process p = startChild(worker, dir.resolve("worker-" + (w + 1) + ".log"));
                workers.put(p.pid(), p);
            }

            awaitHits(sites, PAGES / 4, first::isAlive);
            Process victim = workers.get(Long.parseLong(db.scalar("SELECT w.pid FROM host_slots l JOIN workers w"
                    + " ON w.id = l.worker GROUP BY w.pid ORDER BY COUNT(*) DESC, w.pid LIMIT 1")));
            victim.destroyForcibly(); // SIGKILL: no shutdown hook, no flush, no leaving the crawl
            assertThat(victim.waitFor(10, TimeUnit.SECONDS)).isTrue();
            Map<String, Integer> atKill = allHits(sites);
            Set<String> committedAtKill = new HashSet<>(CliRunner.export(db.url(), dir.resolve("at-kill.jsonl")).keySet());
            assertThat(atKill.size()).as("the kill came mid-crawl").isLessThan(PAGES);

            for (Process p : workers.values()) {
                if (p == victim) continue;
                assertThat(p.waitFor(180, TimeUnit.SECONDS)).as("worker %d ended", p.pid()).isTrue();
                assertThat(p.exitValue()).as("exit of worker %d; logs:%n%s", p.pid(), logs()).isZero();
            }

            Map<String, JsonNode> pages = CliRunner.export(db.url(), dir.resolve("all.jsonl")); // fails on a URL twice
            assertThat(pages).hasSize(PAGES);
            assertThat(pages.values()).allSatisfy(p -> assertThat(p.get("status").asInt()).isEqualTo(200));
            allHits(sites).forEach((url, hits) -> {
                if (committedAtKill.contains(url)) {
                    assertThat(hits).as("requests for %s, committed before the kill", url).isEqualTo(1);
                } else {
                    assertThat(hits).as("requests for %s", url).isBetween(1, 2);
                    if (hits == 2) assertThat(atKill).as("fetched twice but not before the kill").containsKey(url);
                }
            });
            for (TestSite site : sites) {
                assertThat(site.maxConcurrentRequests()).as("most requests at once to %s", site.url("/"))
                        .isLessThanOrEqualTo(PER_HOST);
            }
            assertThat(db.scalar("SELECT COUNT(*) FROM frontier WHERE state <> 1")).isEqualTo("0");
        } finally {
            sites.forEach(TestSite::close);
        }
    }

    private String logs() throws java.io.IOException {
        var text = new StringBuilder();
        try (var files = java.nio.file.Files.list(dir)) {
            for (Path log : files.filter(f -> f.toString().endsWith(".log")).sorted().toList()) {
                text.append("--- ").append(log.getFileName()).append('\n').append(java.nio.file.Files.readString(log));
            }
        }
        return text.toString();
    }

    private static Process startChild(List<String> args, Path log) throws Exception {
        return CliRunner.startChild(List.of(), args, ProcessBuilder.Redirect.to(log.toFile()));
    }

}
