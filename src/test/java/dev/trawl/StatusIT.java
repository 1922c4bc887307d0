package dev.trawl;

import static dev.trawl.CliRunner.export;
import static dev.trawl.CliRunner.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trawl.testsite.TestSite;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `trawl status` run from this JVM reads the live counters of crawls running in other JVMs (started here as
 * real child processes), through the counters files in a private run directory.
 */
class StatusIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long WAIT_MILLIS = 60_000;
    @TempDir Path dir;
    private final List<Process> children = new ArrayList<>();

    @AfterEach
    void killLeftovers() {
        children.forEach(Process::destroyForcibly);
    }

    @Test
    void reportsEachOfTwoRunningCrawlsAndTheirSumThenFinalCountsEqualTheExports() throws Exception {
        try (var siteA = slowSite(40, 300); var siteB = slowSite(30, 300)) {
            Path dbA = dir.resolve("a.db");
            Path dbB = dir.resolve("b.db");
            Process a = crawl(siteA, dbA, "--keep-status", "--metrics-port", "0");
            Process b = crawl(siteB, dbB, "--keep-status");

            JsonNode live = awaitStatus(s -> running(s) == 2 && pagesOfEach(s).stream().allMatch(n -> n > 0));

            assertThat(crawlIds(live)).containsExactlyInAnyOrder(dbA.toAbsolutePath().toString(), dbB.toAbsolutePath().toString());
            for (String field : List.of("pages", "requests", "in_flight", "queued", "errors", "bytes")) {
                long sum = 0;
                for (JsonNode p : live.get("processes")) sum += p.get("counters").get(field).asLong();
                assertThat(live.get("total").get(field).asLong())
                        .as("total %s is the sum over processes in %s", field, live).isEqualTo(sum);
            }
            JsonNode onlyA = status("--db", dbA.toString());
            assertThat(crawlIds(onlyA)).containsExactly(dbA.toAbsolutePath().toString());
            assertThat(scrape(onlyA.get("processes").get(0).get("metrics_port").asInt())).contains("trawl_pages_total ");
            var table = run("status", "--run-dir", runDir());
            assertThat(table.out()).as(table.toString()).contains(dbA.toAbsolutePath().toString(), dbB.toAbsolutePath().toString(), "total");

            assertExitsCleanly(a, "a");
            assertExitsCleanly(b, "b");
            JsonNode finished = status();
            assertThat(finished.get("processes")).allSatisfy(p -> assertThat(p.get("state").asText()).isEqualTo("finished"));
            Map<String, JsonNode> exportA = export(dbA);
            Map<String, JsonNode> exportB = export(dbB);
            assertThat(exportA).hasSize(40 + 1 + 2 + 1); // pages, the hub, two missing, one busy
            assertThat(finished.get("total").get("pages").asLong()).isEqualTo(exportA.size() + exportB.size());
            assertThat(finished.get("total").get("errors").asLong()).isEqualTo(errors(exportA) + errors(exportB));
            assertThat(finished.get("total").get("errors_by_kind").get("http_4xx").asLong()).isEqualTo(4);
            assertThat(finished.get("total").get("errors_by_kind").get("http_5xx").asLong()).isEqualTo(2);
            assertThat(finished.get("total").get("responses").get("2xx").asLong()).isEqualTo(ok(exportA) + ok(exportB));
            JsonNode parse = finished.get("total").get("parse"); // which reader parsed the HTML pages (issue 13)
            assertThat(parse.get("scanner").asLong() + parse.get("jsoup").asLong()).as("%s", parse)
                    .isPositive().isLessThanOrEqualTo(ok(exportA) + ok(exportB));
            assertThat(status("--db", dbB.toString()).get("total").get("pages").asLong()).isEqualTo(exportB.size());
        }
    }

    @Test
    void aKilledCrawlLeavesAStaleFileThatStatusRecognisesLeavesOutOfTheTotalAndPrunes() throws Exception {
        try (var site = slowSite(50, 1_000)) {
            Process crawl = crawl(site, dir.resolve("killed.db"));
            awaitStatus(s -> running(s) == 1);

            crawl.destroyForcibly().waitFor(WAIT_MILLIS, TimeUnit.MILLISECONDS);

            JsonNode after = status();
            assertThat(after.get("processes")).singleElement()
                    .satisfies(p -> assertThat(p.get("state").asText()).isEqualTo("stale"));
            assertThat(after.get("total").get("in_flight").asLong()).isZero();
            var table = run("status", "--run-dir", runDir());
            assertThat(table.out()).contains("stale", "trawl status --prune");
            var prune = run("status", "--prune", "--run-dir", runDir());
            assertThat(prune.out()).startsWith("removed 1 counters file(s)");
            var none = run("status", "--run-dir", runDir());
            assertThat(none.exit()).isZero();
            assertThat(none.out()).startsWith("no crawl running");
        }
    }

    @Test
    void watchPrintsAJsonDocumentPerRefreshUntilTheCrawlIsGone() throws Exception {
        try (var site = slowSite(20, 300)) {
            Process crawl = crawl(site, dir.resolve("w.db"));
            awaitStatus(s -> running(s) == 1);

            var watched = run("status", "--watch", "--json", "--interval", "200ms", "--run-dir", runDir());

            assertThat(watched.exit()).as(watched.toString()).isZero();
            List<String> docs = watched.out().lines().toList();
            assertThat(docs.size()).as(watched.toString()).isGreaterThanOrEqualTo(2);
            assertThat(JSON.readTree(docs.getFirst()).get("processes")).hasSize(1);
            assertThat(JSON.readTree(docs.getLast()).get("processes")).as("the crawl ended and removed its file").isEmpty();
            assertExitsCleanly(crawl, "w");
        }
    }

    @Test
    void badOptionsAreOneLineUsageErrors() {
        var interval = run("status", "--interval", "10ms", "--run-dir", runDir());
        assertThat(interval.exit()).isEqualTo(2);
        assertThat(interval.err()).startsWith("trawl: --interval: expected at least 100ms, got 10ms");
        var port = run("crawl", "http://127.0.0.1:9/", "--db", dir.resolve("p.db"), "--metrics-port", "70000", "--run-dir", runDir());
        assertThat(port.exit()).isEqualTo(2);
        assertThat(port.err()).startsWith("trawl: --metrics-port: expected a port from 0 to 65535, got 70000");
    }

    @Test
    void aCrawlThatCannotPublishItsCountersSaysSoAndCrawlsAnyway() throws Exception {
        try (var site = slowSite(2, 1)) {
            Path notADirectory = Files.writeString(dir.resolve("file"), "x");

            var result = run("crawl", site.url("/"), "--db", dir.resolve("n.db"), "--quiet", "--run-dir", notADirectory);

            assertThat(result.exit()).as(result.toString()).isZero();
            assertThat(result.err()).startsWith("trawl: cannot publish live counters in " + notADirectory);
            assertThat(result.out()).startsWith("crawled 6 URLs");
        }
    }

    // --- a site, crawls in child JVMs, and status from here ---------------------------------------------

    /** A hub linking {@code pages} slow pages, two missing ones (404) and one that is always busy (503). */
    private static TestSite slowSite(int pages, long millis) throws IOException {
        var site = TestSite.start();
        String[] links = new String[pages + 3];
        for (int i = 0; i < pages; i++) {
            links[i] = "/p" + i;
            site.slowPage("/p" + i, millis, "<title>p" + i + "</title>");
        }
        links[pages] = "/gone1";
        links[pages + 1] = "/gone2";
        links[pages + 2] = "/busy";
        site.sequence("/busy", "<title>never</title>", 503);
        return site.page("/", "Hub", links);
    }

    private Process crawl(TestSite site, Path db, String... extra) throws IOException {
        List<String> args = new ArrayList<>(List.of("crawl", site.url("/"), "--db", db.toString(), "--run-dir", runDir(),
                "--quiet", "--retries", "0", "--per-host", "2", "--concurrency", "2"));
        args.addAll(List.of(extra));
        Path log = dir.resolve(db.getFileName() + ".log");
        Process process = CliRunner.startChild(List.of(), args, ProcessBuilder.Redirect.to(log.toFile()));
        children.add(process);
        return process;
    }

    private void assertExitsCleanly(Process process, String name) throws Exception {
        boolean exited = process.waitFor(WAIT_MILLIS, TimeUnit.MILLISECONDS);
        String log = Files.readString(dir.resolve(name + ".db.log"));
        assertThat(exited).as("crawl %s still running: %s", name, log).isTrue();
        assertThat(process.exitValue()).as(log).isZero();
    }

    private String runDir() {
        return dir.resolve("run").toString();
    }

    private JsonNode status(String... args) throws IOException {
        List<Object> argv = new ArrayList<>(List.of("status", "--json", "--run-dir", runDir()));
        argv.addAll(List.of(args));
        var result = run(argv.toArray());
        assertThat(result.exit()).as(result.toString()).isZero();
        return JSON.readTree(result.out());
    }

    /** Polls status until the condition holds; no fixed sleep decides the outcome. */
    private JsonNode awaitStatus(Predicate<JsonNode> condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MILLIS);
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            last = status();
            if (condition.test(last)) return last;
            for (Process p : children) {
                if (!p.isAlive() && p.exitValue() != 0) throw new AssertionError("a crawl failed: exit " + p.exitValue());
            }
            Thread.sleep(50);
        }
        throw new AssertionError("status never showed what was expected; last: " + last);
    }

    private static long running(JsonNode status) {
        long n = 0;
        for (JsonNode p : status.get("processes")) if (p.get("state").asText().equals("running")) n++;
        return n;
    }

    private static List<Long> pagesOfEach(JsonNode status) {
        List<Long> pages = new ArrayList<>();
        status.get("processes").forEach(p -> pages.add(p.get("counters").get("pages").asLong()));
        return pages;
    }

    private static List<String> crawlIds(JsonNode status) {
        List<String> ids = new ArrayList<>();
        status.get("processes").forEach(p -> ids.add(p.get("crawl").asText()));
        return ids;
    }

    private static long errors(Map<String, JsonNode> export) {
        return export.values().stream().filter(r -> (!r.get("error").isNull() && !r.get("error").asText().equals("robots"))
                || (!r.get("status").isNull() && r.get("status").asInt() >= 400)).count();
    }

    private static long ok(Map<String, JsonNode> export) {
        return export.values().stream().filter(r -> !r.get("status").isNull() && r.get("status").asInt() / 100 == 2).count();
    }

    private static String scrape(int port) throws Exception {
        try (var http = HttpClient.newHttpClient()) {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        }
    }
}
