package dev.trawl;

import static dev.trawl.CliRunner.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trawl.store.PostgresTestDatabase;
import dev.trawl.testsite.TestSite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --db postgresql://...} through the real command line: the same records as SQLite, and one line with
 * exit code 1 for every way the database can be missing. Skipped when no PostgreSQL server answers.
 */
class PostgresCliIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path dir;
    @RegisterExtension final PostgresTestDatabase db = PostgresTestDatabase.perTest();

    private static void assertFatal(CliRunner.Result result, String line) {
        assertThat(result.exit()).as(result.toString()).isEqualTo(1);
        assertThat(result.err()).as(result.toString()).isEqualTo("trawl: " + line + System.lineSeparator());
    }

    @Test
    void anUnknownHostIsOneLine() {
        assertFatal(run("export", "--db", "postgresql://u:secret@no-such-host.invalid/d"),
                "cannot open database postgresql://u@no-such-host.invalid:5432/d: unknown host no-such-host.invalid");
    }

    @Test
    void aPortNobodyListensOnIsOneLine() {
        assertFatal(run("crawl", "http://127.0.0.1:9/", "--quiet", "--db", "jdbc:postgresql://127.0.0.1:1/d?user=u&password=secret"),
                "cannot open database postgresql://u@127.0.0.1:1/d: connection refused");
    }

    @Test
    void aMissingDatabaseIsOneLine() {
        assertFatal(run("export", "--db", db.urlOfDatabase("trawl_no_such_database")),
                "cannot open database " + db.display().replaceFirst("/[^/]*$", "/trawl_no_such_database")
                        + ": database \"trawl_no_such_database\" does not exist");
    }

    @Test
    void aWrongPasswordIsOneLineWithoutThePassword() throws SQLException {
        String role = "trawl_pw_" + Long.toHexString(System.nanoTime());
        db.execute("CREATE ROLE " + role + " LOGIN PASSWORD 'right-one'");
        try {
            String url = db.url().replaceFirst("//[^@]*@", "//" + role + ":wrong-one@");
            Assumptions.assumeFalse(db.acceptsPassword(role, "wrong-one"),
                    "the server trusts this host without a password (pg_hba.conf), so a wrong one cannot be refused");
            var result = run("export", "--db", url);
            assertFatal(result, "cannot open database " + db.display().replaceFirst("//[^@]*@", "//" + role + "@")
                    + ": password authentication failed for user \"" + role + "\"");
            assertThat(result.err()).doesNotContain("wrong-one");
        } finally {
            db.execute("DROP ROLE " + role);
        }
    }

    @Test
    void crawlAndExportGiveTheSameRecordsAsSqlite() throws Exception {
        try (var site = TestSite.start()) {
            site.page("/", "Home", "/a.html", "/b.html", "/missing.html", "https://elsewhere.example/");
            site.page("/a.html", "Page A", "/", "/b.html");
            site.page("/b.html", "Page B ü", "/a.html#frag");

            var onPostgres = run("crawl", site.url("/"), "--db", db.url(), "--quiet");
            var onSqlite = run("crawl", site.url("/"), "--db", dir.resolve("t.db"), "--quiet");

            assertThat(onPostgres.exit()).as(onPostgres.toString()).isZero();
            assertThat(onSqlite.exit()).as(onSqlite.toString()).isZero();
            Map<String, JsonNode> fromPostgres = exportWithoutTimes(db.url());
            assertThat(fromPostgres).hasSize(4).isEqualTo(exportWithoutTimes(dir.resolve("t.db").toString()));
            assertThat(onPostgres.out()).doesNotContain(db.url().contains(":") ? "password=" : "\u0000");
        }
    }

    @Test
    void aServerThatGoesAwayMidCrawlIsOneLineAndTheCrawlResumes() throws Exception {
        int pages = 60;
        try (var site = TestSite.start()) {
            StringBuilder home = new StringBuilder("<title>Home</title>");
            for (int i = 0; i < pages; i++) {
                home.append("<a href=\"/p").append(i).append("\">p</a>");
                site.slowPage("/p" + i, 150, "<title>P" + i + "</title>");
            }
            site.html("/", home.toString());
            Object[] args = {"crawl", site.url("/"), "--db", db.url(), "--quiet", "--ignore-robots", "--per-host", "2"};

            var crawl = CompletableFuture.supplyAsync(() -> run(args));
            long committed = awaitCommittedPages(3, Duration.ofSeconds(30));
            int terminated = db.terminateOtherSessions();
            var failed = crawl.get();

            assertThat(terminated).as("sessions of the crawl").isPositive();
            assertThat(failed.exit()).as(failed.toString()).isEqualTo(1);
            assertThat(failed.err()).as(failed.toString()).startsWith("trawl: cannot write to " + db.display() + ": ")
                    .doesNotContain("\tat ").hasLineCount(1);
            long kept = Long.parseLong(db.scalar("SELECT COUNT(*) FROM pages"));
            assertThat(kept).as("pages committed before the server went away").isGreaterThanOrEqualTo(committed)
                    .isLessThan(pages + 1);

            var resumed = run(args);

            assertThat(resumed.exit()).as(resumed.toString()).isZero();
            Map<String, JsonNode> exported = exportWithoutTimes(db.url());
            assertThat(exported).hasSize(pages + 1);
            assertThat(exported.values()).allSatisfy(p -> assertThat(p.get("status").asInt()).isEqualTo(200));
        }
    }

    private long awaitCommittedPages(long atLeast, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            String count = tableExists() ? db.scalar("SELECT COUNT(*) FROM pages") : "0";
            if (Long.parseLong(count) >= atLeast) return Long.parseLong(count);
            Thread.sleep(20); // polling another process's progress: there is nothing to wait on
        }
        throw new AssertionError("fewer than " + atLeast + " pages committed after " + timeout);
    }

    private boolean tableExists() throws SQLException {
        return "t".equals(db.scalar("SELECT to_regclass('pages') IS NOT NULL"));
    }

    /** Exports as JSONL and returns the records by url, without fetched_at (the two crawls ran at different times). */
    private Map<String, JsonNode> exportWithoutTimes(String target) throws Exception {
        Path out = Files.createTempFile(dir, "export", ".jsonl");
        var result = run("export", "--db", target, "--out", out);
        assertThat(result.exit()).as(result.toString()).isZero();
        Map<String, JsonNode> byUrl = new TreeMap<>();
        for (String line : Files.readAllLines(out)) {
            ObjectNode node = (ObjectNode) JSON.readTree(line);
            node.remove("fetched_at");
            assertThat(byUrl.put(node.get("url").asText(), node)).as("exported twice: %s", line).isNull();
        }
        return byUrl;
    }
}
