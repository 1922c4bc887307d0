package dev.trawl;

import static dev.trawl.CliRunner.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trawl.store.PostgresTestDatabase;
import dev.trawl.testsite.TestSite;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * `trawl crawl --retry-failed` fetches again what failed with an error or a 5xx, and nothing else, on SQLite and on
 * PostgreSQL (skipped when no server answers).
 */
class RetryFailedIT {
    @TempDir Path dir;
    @RegisterExtension final PostgresTestDatabase pg = PostgresTestDatabase.perTest();

    @Test
    void retriesErrorsAnd5xxButNot4xxOnSqlite() throws Exception {
        retriesErrorsAnd5xxButNot4xx(dir.resolve("retry.db").toString());
    }

    @Test
    void retriesErrorsAnd5xxButNot4xxOnPostgres() throws Exception {
        retriesErrorsAnd5xxButNot4xx(pg.url());
    }

    private void retriesErrorsAnd5xxButNot4xx(String db) throws Exception {
        try (TestSite site = TestSite.start()) {
            site.page("/", "home", "/broken", "/missing", "/slow", "/fine");
            site.sequence("/broken", "<title>fixed</title>", 503, 200);
            site.route("/missing", ex -> TestSite.send(ex, 404, "text/html", "gone"));
            site.sequence("/slow", "<title>quick now</title>", 500, 200);
            site.page("/fine", "fine");
            crawl(site, db);
            assertThat(statuses(db)).containsEntry(site.url("/broken"), 503).containsEntry(site.url("/slow"), 500);

            var again = crawl(site, db); // without the option: nothing to do
            assertThat(again.out()).contains("crawled 0 URLs");
            var retried = crawl(site, db, "--retry-failed");

            assertThat(retried.out()).as(retried.toString()).contains("crawled 2 URLs");
            Map<String, Integer> after = statuses(db);
            assertThat(after).hasSize(5).containsEntry(site.url("/broken"), 200).containsEntry(site.url("/slow"), 200)
                    .containsEntry(site.url("/missing"), 404);
            assertThat(site.hits("/missing")).isEqualTo(1);
            assertThat(site.hits("/fine")).isEqualTo(1);
            assertThat(site.hits("/broken")).isEqualTo(2);
        }
    }

    private static CliRunner.Result crawl(TestSite site, String db, String... extra) {
        var args = new java.util.ArrayList<Object>(java.util.List.of("crawl", site.url("/"), "--db", db, "--quiet", "--retries", "0"));
        args.addAll(java.util.List.of(extra));
        CliRunner.Result r = run(args.toArray());
        assertThat(r.exit()).as(r.toString()).isZero();
        return r;
    }

    private Map<String, Integer> statuses(String db) throws java.io.IOException {
        Map<String, JsonNode> export = CliRunner.export(db, dir.resolve("export-" + System.nanoTime() + ".jsonl"));
        var statuses = new java.util.LinkedHashMap<String, Integer>();
        export.forEach((url, n) -> statuses.put(url, n.get("status").isNull() ? null : n.get("status").asInt()));
        return statuses;
    }
}
