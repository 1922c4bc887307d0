package dev.trawl;

import static dev.trawl.CliRunner.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import dev.trawl.store.PageStore;
import dev.trawl.store.PostgresTestDatabase;
import dev.trawl.store.Stores;
import dev.trawl.testsite.TestSite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * `trawl crawl --recrawl` end to end on SQLite and PostgreSQL, against a site whose pages answer conditional
 * requests: one unchanged (a 304 to If-None-Match), one changed (a new ETag and title), one now 404, one with no
 * validators whose bytes stayed the same, a redirect whose target answers 304, and a link new in this recrawl. Checks the headers as the server saw them,
 * the rows, the fetch history, the summary line and the export's change field.
 */
class RecrawlIT {
    private static final String LAST_MODIFIED = "Tue, 01 Dec 2026 10:00:00 GMT";

    @TempDir Path dir;
    @RegisterExtension final PostgresTestDatabase pg = PostgresTestDatabase.perTest();

    /** 1: the first crawl; 2: the site as the recrawl finds it. */
    private final AtomicInteger phase = new AtomicInteger(1);
    /** "path If-None-Match|If-Modified-Since" of every request, as the server read it. */
    private final Queue<String> seen = new ConcurrentLinkedQueue<>();

    @Test
    void recrawlOnSqlite() throws Exception {
        Path db = dir.resolve("recrawl.db");
        recrawl(db.toString(), () -> DriverManager.getConnection("jdbc:sqlite:" + db));
    }

    @Test
    void recrawlOnPostgres() throws Exception {
        recrawl(pg.url(), pg::connection);
    }

    /** A recrawl stopped early leaves recrawled pages pending; a plain run goes on with conditional requests. */
    @Test
    void aPlainRunResumesARecrawl() throws Exception {
        String db = dir.resolve("resume.db").toString();
        try (TestSite site = TestSite.start()) {
            serve(site);
            assertThat(run("crawl", site.url("/"), "--db", db, "--quiet").exit()).isZero();
            try (PageStore store = Stores.open(db)) {
                // what --recrawl does first; as if the crawl had been stopped right after it
                assertThat(store.requeueForRecrawl(Instant.now())).isEqualTo(6);
            }
            phase.set(2);
            seen.clear();
            var resumed = run("crawl", site.url("/"), "--db", db);
            assertThat(resumed.exit()).as(resumed.toString()).isZero();
            assertThat(resumed.out()).contains("recrawl: 2 changed, 3 unchanged, 1 gone (404/410), 1 new");
            assertThat(seen).contains("/same \"s1\"|" + LAST_MODIFIED);
        }
    }

    private interface Connector {
        Connection open() throws SQLException;
    }

    private void recrawl(String db, Connector connector) throws Exception {
        try (TestSite site = TestSite.start()) {
            serve(site);
            var first = run("crawl", site.url("/"), "--db", db, "--retries", "0");
            assertThat(first.exit()).as(first.toString()).isZero();
            assertThat(first.out()).as("a first crawl says nothing of changes").doesNotContain("recrawl:");
            Map<String, JsonNode> before = CliRunner.export(db, dir.resolve("before.jsonl"));
            assertThat(before).hasSize(6);
            before.values().forEach(row -> assertThat(row.get("change").asText()).isEqualTo("new"));
            assertThat(seen).as("no validators on a first fetch").allMatch(s -> s.endsWith(" -|-"));

            phase.set(2);
            seen.clear();
            var again = run("crawl", site.url("/"), "--db", db, "--retries", "0", "--recrawl", "--warc", dir.resolve("warc"));
            assertThat(again.exit()).as(again.toString()).isZero();
            // /same and /target's 304s, /plain's same payload: revisits of the stored captures
            assertThat(again.out()).containsPattern("warc: [0-9]+ exchanges \\(3 revisits\\)");
            assertThat(again.out()).contains("crawled 7 URLs")
                    .contains("recrawl: 2 changed, 3 unchanged, 1 gone (404/410), 1 new");

            assertThat(seen).containsExactlyInAnyOrder(
                    "/ -|" + LAST_MODIFIED, "/same \"s1\"|" + LAST_MODIFIED, "/edit \"e1\"|-", "/gone \"g1\"|-",
                    "/plain -|-", "/new -|-", "/moved -|-", "/target \"t1\"|-");

            Map<String, JsonNode> after = CliRunner.export(db, dir.resolve("after.jsonl"));
            assertThat(change(after, site, "/")).isEqualTo("changed");
            assertThat(change(after, site, "/edit")).isEqualTo("changed");
            assertThat(change(after, site, "/same")).isEqualTo("unchanged");
            assertThat(change(after, site, "/plain")).isEqualTo("unchanged");
            assertThat(change(after, site, "/gone")).isEqualTo("gone");
            assertThat(change(after, site, "/new")).isEqualTo("new");
            JsonNode moved = after.get(site.url("/moved"));
            assertThat(moved.get("change").asText()).as("the redirect is followed again").isEqualTo("unchanged");
            assertThat(moved.get("final_url").asText()).isEqualTo(site.url("/target"));
            assertThat(moved.get("title").asText()).isEqualTo("target");
            JsonNode same = after.get(site.url("/same"));
            JsonNode sameBefore = before.get(site.url("/same"));
            assertThat(same.get("status").asInt()).as("a 304 keeps the stored response").isEqualTo(200);
            assertThat(same.get("title").asText()).isEqualTo("same");
            assertThat(same.get("digest").asText()).isEqualTo(sameBefore.get("digest").asText()).startsWith("sha1:");
            assertThat(same.get("fetched_at").asText()).isGreaterThan(sameBefore.get("fetched_at").asText());
            assertThat(after.get(site.url("/edit")).get("title").asText()).isEqualTo("edit v2");
            assertThat(after.get(site.url("/gone")).get("status").asInt()).isEqualTo(404);

            try (Connection c = connector.open()) {
                assertThat(history(c, site.url("/same"))).containsExactly("200 new \"s1\"", "304 unchanged \"s1\"");
                assertThat(history(c, site.url("/edit"))).containsExactly("200 new \"e1\"", "200 changed \"e2\"");
                assertThat(history(c, site.url("/gone"))).containsExactly("200 new \"g1\"", "404 gone null");
                assertThat(history(c, site.url("/new"))).containsExactly("200 new null");
                assertThat(digests(c, site.url("/same"))).as("a 304's fetch stands for the payload it confirmed")
                        .containsExactly(sameBefore.get("digest").asText(), sameBefore.get("digest").asText());
            }

            seen.clear();
            var notOldEnough = run("crawl", site.url("/"), "--db", db, "--retries", "0", "--recrawl",
                    "--recrawl-older-than", "1h");
            assertThat(notOldEnough.exit()).as(notOldEnough.toString()).isZero();
            assertThat(notOldEnough.out()).contains("crawled 0 URLs");
            assertThat(seen).as("every page was fetched less than an hour ago").isEmpty();
        }
    }

    private void serve(TestSite site) {
        site.route("/", ex -> {
            note(ex); // a server that ignores If-Modified-Since: the page is sent whole, and changed
            ex.getResponseHeaders().set("Last-Modified", LAST_MODIFIED);
            String links = "<a href=/same>s</a><a href=/edit>e</a><a href=/gone>g</a><a href=/plain>p</a>"
                    + "<a href=/moved>m</a>";
            if (phase.get() == 2) links += "<a href=/new>n</a>";
            TestSite.send(ex, 200, "text/html", "<title>home</title>" + links);
        });
        site.route("/same", ex -> {
            note(ex);
            ex.getResponseHeaders().set("ETag", "\"s1\"");
            ex.getResponseHeaders().set("Last-Modified", LAST_MODIFIED);
            if ("\"s1\"".equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
                TestSite.send(ex, 304, "text/html", "");
            } else {
                TestSite.send(ex, 200, "text/html", "<title>same</title><p>steady");
            }
        });
        site.route("/edit", ex -> {
            note(ex);
            String version = phase.get() == 1 ? "1" : "2";
            ex.getResponseHeaders().set("ETag", "\"e" + version + "\"");
            if (("\"e" + version + "\"").equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
                TestSite.send(ex, 304, "text/html", "");
            } else {
                TestSite.send(ex, 200, "text/html", "<title>edit v" + version + "</title>");
            }
        });
        site.route("/gone", ex -> {
            note(ex);
            if (phase.get() == 2) {
                TestSite.send(ex, 404, "text/html", "<title>Not found</title>");
            } else {
                ex.getResponseHeaders().set("ETag", "\"g1\"");
                TestSite.send(ex, 200, "text/html", "<title>going</title>");
            }
        });
        site.route("/plain", ex -> {
            note(ex);
            TestSite.send(ex, 200, "text/html", "<title>plain</title><p>no validators, same bytes");
        });
        site.route("/moved", ex -> {
            note(ex);
            ex.getResponseHeaders().set("Location", "/target");
            TestSite.send(ex, 301, "text/html", "");
        });
        site.route("/target", ex -> {
            note(ex);
            ex.getResponseHeaders().set("ETag", "\"t1\"");
            if ("\"t1\"".equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
                TestSite.send(ex, 304, "text/html", "");
            } else {
                TestSite.send(ex, 200, "text/html", "<title>target</title>");
            }
        });
        site.route("/new", ex -> {
            note(ex);
            TestSite.send(ex, 200, "text/html", "<title>new</title>");
        });
    }

    private void note(HttpExchange ex) throws IOException {
        var h = ex.getRequestHeaders();
        seen.add(ex.getRequestURI().getPath() + " " + orDash(h.getFirst("If-None-Match")) + "|"
                + orDash(h.getFirst("If-Modified-Since")));
    }

    private static String orDash(String s) {
        return s == null ? "-" : s;
    }

    private static String change(Map<String, JsonNode> rows, TestSite site, String path) {
        return rows.get(site.url(path)).get("change").asText();
    }

    /** The README's history query: "status change etag" of each fetch of url, oldest first. */
    private static List<String> history(Connection c, String url) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(Files.readString(Path.of("README.md")).contains(HISTORY_QUERY)
                ? HISTORY_QUERY : "README.md lost its history query")) {
            ps.setString(1, url);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) rows.add(rs.getString("status") + " " + rs.getString("change") + " " + rs.getString("etag"));
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return rows;
    }

    private static final String HISTORY_QUERY = "SELECT h.fetched_at, h.status, h.change, h.digest, h.etag\n"
            + "FROM fetches h JOIN frontier f ON f.id = h.frontier_id\n"
            + "WHERE f.url = ? ORDER BY h.id";

    private static List<String> digests(Connection c, String url) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(HISTORY_QUERY)) {
            ps.setString(1, url);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) rows.add(rs.getString("digest"));
            }
        }
        return rows;
    }
}
