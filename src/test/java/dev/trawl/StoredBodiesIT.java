package dev.trawl;

import static dev.trawl.CliRunner.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trawl.store.PostgresTestDatabase;
import dev.trawl.testsite.TestSite;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.MessageBody;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcResponse;

/**
 * --store-bodies, then `trawl extract` over the stored bodies (no request reaches the site) and
 * `trawl export --format warc` of them, on SQLite and PostgreSQL; and an extract killed with kill -9 that goes on
 * where it stopped.
 */
class StoredBodiesIT {
    @TempDir Path dir;
    @RegisterExtension final PostgresTestDatabase pg = PostgresTestDatabase.perTest();

    private static String item(int n) {
        return "<html><head><title>Item " + n + "</title></head><body><h1>Shoe " + n + "</h1>"
                + "<p class=price> " + (40 + n) + ".00 </p><a href=/>home</a></body></html>";
    }

    @Test
    void storedBodiesAreReExtractedAndExportedAsWarcOnSqlite() throws Exception {
        storedBodiesAreReExtractedAndExportedAsWarc(dir.resolve("shop.db").toString());
    }

    @Test
    void storedBodiesAreReExtractedAndExportedAsWarcOnPostgres() throws Exception {
        storedBodiesAreReExtractedAndExportedAsWarc(pg.url());
    }

    private void storedBodiesAreReExtractedAndExportedAsWarc(String db) throws Exception {
        try (TestSite site = TestSite.start()) {
            site.page("/", "shop", "/item/1", "/item/2", "/zipped");
            site.html("/item/1", item(1));
            site.html("/item/2", item(2));
            site.gzipped("/zipped", item(3));
            var crawl = run("crawl", site.url("/"), "--db", db, "--quiet", "--store-bodies");
            assertThat(crawl.exit()).as(crawl.toString()).isZero();
            int requests = site.allHits().values().stream().mapToInt(Integer::intValue).sum();

            Map<String, JsonNode> before = CliRunner.export(db, dir.resolve("before.jsonl"));
            assertThat(before.get(site.url("/item/1")).get("fields").isNull()).isTrue();

            var extract = run("extract", "--db", db, "--extract", "name=h1::text", "--extract", "price=.price::text");
            assertThat(extract.exit()).as(extract.toString()).isZero();
            assertThat(extract.out()).contains("extracted 4 pages (4 with fields, 0 unreadable)")
                    .as("plain pages, simple selectors: no jsoup tree").contains("; 4 read without a tree");
            assertThat(site.allHits().values().stream().mapToInt(Integer::intValue).sum())
                    .as("extract fetches nothing").isEqualTo(requests);

            Map<String, JsonNode> after = CliRunner.export(db, dir.resolve("after.jsonl"));
            assertThat(after.get(site.url("/item/2")).get("fields").get("name").asText()).isEqualTo("Shoe 2");
            assertThat(after.get(site.url("/item/2")).get("fields").get("price").asText()).isEqualTo("42.00");
            assertThat(after.get(site.url("/zipped")).get("fields").get("name").asText())
                    .as("a gzip body is decoded as the crawl decoded it").isEqualTo("Shoe 3");
            assertThat(after.get(site.url("/")).get("fields").get("price").isNull()).isTrue();

            // the same rules again: done already, nothing left after the last page
            var again = run("extract", "--db", db, "--extract", "name=h1::text", "--extract", "price=.price::text");
            assertThat(again.exit()).as(again.toString()).isZero();
            assertThat(again.out()).contains("extracted 0 pages").contains("resumed after page");

            Path warc = dir.resolve("shop.warc.gz");
            var export = run("export", "--db", db, "--out", warc.toString());
            assertThat(export.exit()).as(export.toString()).isZero();
            Map<String, byte[]> payloads = new HashMap<>();
            Map<String, String> digests = new HashMap<>();
            try (WarcReader reader = new WarcReader(FileChannel.open(warc))) {
                for (var record : reader) {
                    if (!(record instanceof WarcResponse response)) continue;
                    MessageBody body = response.http().body();
                    try (InputStream in = body.stream()) {
                        payloads.put(response.target(), in.readAllBytes());
                    }
                    digests.put(response.target(), response.payloadDigest().orElseThrow().prefixedBase32());
                }
            }
            assertThat(payloads).containsOnlyKeys(site.url("/"), site.url("/item/1"), site.url("/item/2"), site.url("/zipped"));
            assertThat(new String(payloads.get(site.url("/item/1")), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(item(1));
            assertThat(payloads.get(site.url("/zipped"))).as("content coding kept: the gzip bytes")
                    .startsWith((byte) 0x1f, (byte) 0x8b);
            for (String url : payloads.keySet()) {
                assertThat(digests.get(url)).as("the record's payload digest is the stored page's")
                        .isEqualTo(after.get(url).get("digest").asText());
            }
        }
    }

    @Test
    void anExtractKilledMidwayGoesOnWhereItStopped() throws Exception {
        Path db = dir.resolve("many.db");
        int pages = 4000;
        try (TestSite site = TestSite.start()) {
            var home = new StringBuilder("<title>many</title>");
            for (int i = 0; i < pages - 1; i++) home.append("<a href=/p/").append(i).append(">x</a>");
            site.html("/", home.toString());
            site.prefix("/p/", ex -> TestSite.send(ex, 200, "text/html", item(Integer.parseInt(
                    ex.getRequestURI().getPath().substring(3)))));
            var crawl = run("crawl", site.url("/"), "--db", db, "--quiet", "--store-bodies", "--per-host", "16");
            assertThat(crawl.exit()).as(crawl.toString()).isZero();
        }
        // one thread, so that a batch of 500 takes long enough to be killed in the middle of the run
        Process child = CliRunner.startChild(java.util.List.of(), java.util.List.of("extract", "--db", db.toString(),
                "--extract", "name=h1::text", "--threads", "1", "--quiet"), ProcessBuilder.Redirect.DISCARD);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (progress(db) == null && child.isAlive() && System.nanoTime() < deadline) Thread.sleep(20);
        assertThat(child.isAlive()).as("the child still extracting after its first commit").isTrue();
        child.destroyForcibly(); // kill -9
        assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
        String killedAt = progress(db);
        long done = Long.parseLong(killedAt.substring(killedAt.indexOf(' ') + 1));

        var rest = run("extract", "--db", db.toString(), "--extract", "name=h1::text", "--threads", "1");
        assertThat(rest.exit()).as(rest.toString()).isZero();
        assertThat(rest.out()).contains("resumed after page " + done);
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + db); var st = c.createStatement();
             var rs = st.executeQuery("SELECT COUNT(*), SUM(CASE WHEN fields LIKE '%\"name\"%' THEN 1 ELSE 0 END) FROM pages")) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(pages);
            assertThat(rs.getLong(2)).as("every page has its fields, the killed run's and the resumed run's").isEqualTo(pages);
        }
    }

    private static String progress(Path db) throws Exception {
        if (!Files.exists(db)) return null;
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + db); var st = c.createStatement();
             var rs = st.executeQuery("SELECT value FROM meta WHERE key = 'extract_progress'")) {
            return rs.next() ? rs.getString(1) : null;
        }
    }
}
