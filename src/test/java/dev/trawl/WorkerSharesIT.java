package dev.trawl;

import static dev.trawl.testsite.LinkedSites.allHits;
import static dev.trawl.testsite.LinkedSites.awaitHits;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trawl.store.PostgresTestDatabase;
import dev.trawl.testsite.LinkedSites;
import dev.trawl.testsite.TestSite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12: two `trawl crawl` processes start together on one PostgreSQL crawl of three loopback hosts, a `trawl
 * worker` joins two seconds later and gets its share of the work; then the worker holding most slots is killed with
 * SIGKILL and the two left share what it left (each fetches a sixth of it at least: a third of a fair half). Every page is stored exactly once and no host ever sees more than
 * --per-host requests at once. Shares, not times, are asserted: the machine may be slow, the bounds are generous.
 */
class WorkerSharesIT {
    private static final int PAGES = 3000;
    private static final int HOSTS = 3;
    private static final int PER_HOST = 2;
    private static final int PAGE_MILLIS = 25;
    private static final Pattern CRAWLED = Pattern.compile("crawled ([\\d,]+) URLs");
    @TempDir Path dir;

    @Test
    void aLateWorkerGetsItsShareAndTheSurvivorsOfAKillShareTheDeadWorkersHosts() throws Exception {
        List<TestSite> sites = LinkedSites.start(PAGES, HOSTS, 21, PAGE_MILLIS);
        try (var db = PostgresTestDatabase.create()) {
            List<String> crawl = new ArrayList<>(List.of("crawl"));
            for (int h = 0; h < HOSTS; h++) crawl.add(sites.get(h).url("/p" + h));
            crawl.addAll(List.of("--db", db.url(), "--ignore-robots", "--concurrency", "4",
                    "--per-host", String.valueOf(PER_HOST)));
            Map<Long, Process> workers = new HashMap<>();
            Map<Long, Path> logs = new HashMap<>();
            for (int w = 0; w < 2; w++) start(workers, logs, crawl, "crawl-" + w);
            awaitHits(sites, 1, () -> true);
            Thread.sleep(2000);
            Process late = start(workers, logs, List.of("worker", "--db", db.url(), "--concurrency", "4"), "late");

            awaitHits(sites, PAGES / 2, () -> true);
            Process victim = workers.get(Long.parseLong(db.scalar("SELECT w.pid FROM host_slots s JOIN workers w"
                    + " ON w.id = s.worker GROUP BY w.pid ORDER BY COUNT(*) DESC, w.pid LIMIT 1")));
            victim.destroyForcibly(); // SIGKILL: no shutdown hook, no flush, no leaving the crawl
            assertThat(victim.waitFor(10, TimeUnit.SECONDS)).isTrue();
            Map<String, Integer> atKill = allHits(sites);
            Set<String> committedAtKill = new HashSet<>(CliRunner.export(db.url(), dir.resolve("at-kill.jsonl")).keySet());
            assertThat(atKill.size()).as("the kill came mid-crawl").isLessThan(PAGES);

            Set<Long> survivors = new HashSet<>(workers.keySet());
            survivors.remove(victim.pid());
            Map<Long, Long> pagesAtKill = pagesWritten(db); // counted at each heartbeat: up to 2 s behind

            Map<Long, Long> pages = new HashMap<>();
            for (long pid : survivors) {
                Process p = workers.get(pid);
                assertThat(p.waitFor(180, TimeUnit.SECONDS)).as("worker %d ended", pid).isTrue();
                assertThat(p.exitValue()).as("exit of worker %d; log:%n%s", pid, Files.readString(logs.get(pid))).isZero();
                pages.put(pid, crawled(logs.get(pid)));
            }

            // a third of a fair share: the late worker had a third of the workers for the half before the kill
            assertThat(pages.get(late.pid())).as("pages of the late worker, of %s", pages).isGreaterThanOrEqualTo(PAGES / 9);
            long afterKill = PAGES - committedAtKill.size();
            for (long pid : survivors) {
                assertThat(pages.get(pid) - pagesAtKill.getOrDefault(pid, 0L))
                        .as("pages of survivor %d after the kill (%d to do then; at the kill %s, at the end %s)", pid,
                                afterKill, pagesAtKill, pages)
                        .isGreaterThanOrEqualTo(afterKill / 6);
            }
            Map<String, JsonNode> stored = CliRunner.export(db.url(), dir.resolve("all.jsonl")); // fails on a URL twice
            assertThat(stored).hasSize(PAGES);
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
        } finally {
            sites.forEach(TestSite::close);
        }
    }

    /** Pages each live worker has written, by pid, as its last heartbeat said. */
    private static Map<Long, Long> pagesWritten(PostgresTestDatabase db) throws Exception {
        Map<Long, Long> pages = new HashMap<>();
        String rows = db.scalar("SELECT string_agg(pid || ' ' || pages, ',') FROM workers");
        if (rows == null) return pages;
        for (String row : rows.split(",")) {
            String[] f = row.split(" ");
            pages.put(Long.parseLong(f[0]), Long.parseLong(f[1]));
        }
        return pages;
    }

    private static long crawled(Path log) throws Exception {
        Matcher m = CRAWLED.matcher(Files.readString(log));
        assertThat(m.find()).as("summary in %s", log).isTrue();
        return Long.parseLong(m.group(1).replace(",", ""));
    }

    private Process start(Map<Long, Process> workers, Map<Long, Path> logs, List<String> args, String name) throws Exception {
        Path log = dir.resolve(name + ".log");
        Process p = CliRunner.startChild(List.of(), args, ProcessBuilder.Redirect.to(log.toFile()));
        workers.put(p.pid(), p);
        logs.put(p.pid(), log);
        return p;
    }

}
