package dev.trawl;

import static dev.trawl.CliRunner.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trawl.store.PostgresTestDatabase;
import dev.trawl.testsite.TestSite;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.WarcDigest;

/**
 * What a crawl keeps of a page besides its links, from the command line, on SQLite and PostgreSQL: the fields of
 * --extract and --rules (JSON lines and CSV), the payload's SHA-1, and `export --duplicates`.
 */
class ExtractionIT {
    private static final String ITEM = "<html><head><title>Item %d</title></head><body><h1> Shoe %d </h1>"
            + "<select id=size><option value=40>40</option><option value=41>41</option></select>"
            + "<a href=/>home</a></body></html>";

    @TempDir Path dir;
    @RegisterExtension final PostgresTestDatabase pg = PostgresTestDatabase.perTest();

    @Test
    void fieldsDigestsAndDuplicatesOnSqlite() throws Exception {
        fieldsDigestsAndDuplicates(dir.resolve("shop.db").toString());
    }

    @Test
    void fieldsDigestsAndDuplicatesOnPostgres() throws Exception {
        fieldsDigestsAndDuplicates(pg.url());
    }

    private void fieldsDigestsAndDuplicates(String db) throws Exception {
        Path rules = dir.resolve("rules.yaml");
        Files.writeString(rules, """
                rules:
                  - url: '/item/'
                    fields:
                      name: 'h1::text'
                      sizes[]: 'select#size option::attr(value)'
                """);
        try (TestSite site = TestSite.start()) {
            site.page("/", "shop", "/item/1", "/item/2", "/copy-of-1");
            site.html("/item/1", ITEM.formatted(1, 1));
            site.html("/item/2", ITEM.formatted(2, 2));
            site.html("/copy-of-1", ITEM.formatted(1, 1)); // the same bytes as /item/1 under another URL
            var crawl = run("crawl", site.url("/"), "--db", db, "--quiet", "--rules", rules.toString(),
                    "--extract", "heading=title::text");
            assertThat(crawl.exit()).as(crawl.toString()).isZero();

            Map<String, JsonNode> rows = CliRunner.export(db, dir.resolve("out.jsonl"));
            JsonNode item = rows.get(site.url("/item/1"));
            assertThat(item.get("fields").get("heading").asText()).isEqualTo("Item 1");
            assertThat(item.get("fields").get("name").asText()).isEqualTo("Shoe 1");
            assertThat(CliRunner.texts(item.get("fields").get("sizes"))).containsExactly("40", "41");
            JsonNode home = rows.get(site.url("/"));
            assertThat(home.get("fields").get("heading").asText()).isEqualTo("shop");
            assertThat(home.get("fields").has("name")).as("the /item/ rule does not apply to /").isFalse();

            // the digest is WARC's: sha1 of the payload, base32
            byte[] body = ITEM.formatted(1, 1).getBytes(StandardCharsets.UTF_8);
            String expected = new WarcDigest("sha1", MessageDigest.getInstance("SHA-1").digest(body)).prefixedBase32();
            assertThat(item.get("digest").asText()).isEqualTo(expected);
            assertThat(rows.get(site.url("/copy-of-1")).get("digest").asText()).isEqualTo(expected);
            assertThat(rows.get(site.url("/item/2")).get("digest").asText()).isNotEqualTo(expected).startsWith("sha1:");

            Path csv = dir.resolve("out.csv");
            var csvExport = run("export", "--db", db, "--out", csv.toString());
            assertThat(csvExport.exit()).as(csvExport.toString()).isZero();
            List<String> lines = Files.readAllLines(csv);
            assertThat(lines.getFirst()).isEqualTo(
                    "url,final_url,status,depth,content_type,title,error,fetched_at,digest,rendered,sitemap,lastmod,heading,name,sizes,change");
            assertThat(lines).anySatisfy(line -> assertThat(line).startsWith(site.url("/item/2") + ",")
                    .endsWith(",Item 2,Shoe 2,\"[\"\"40\"\",\"\"41\"\"]\",new"));

            Path dups = dir.resolve("dups.jsonl");
            var duplicates = run("export", "--db", db, "--duplicates", "--out", dups.toString());
            assertThat(duplicates.exit()).as(duplicates.toString()).isZero();
            List<String> urls = new ArrayList<>();
            for (String line : Files.readAllLines(dups)) {
                urls.add(new com.fasterxml.jackson.databind.ObjectMapper().readTree(line).get("url").asText());
            }
            assertThat(urls).containsExactlyInAnyOrder(site.url("/item/1"), site.url("/copy-of-1"));
        }
    }

    @Test
    void badSelectorsAndRulesFilesAreOneLineUsageErrors() throws Exception {
        String db = dir.resolve("bad.db").toString();
        var badSelector = run("crawl", "http://127.0.0.1:9/", "--db", db, "--extract", "price=.price[");
        assertThat(badSelector.exit()).isEqualTo(2);
        assertThat(firstLine(badSelector)).startsWith("trawl: --extract: field 'price': selector '.price[' is not valid");
        assertThat(badSelector.err()).doesNotContain("Exception").doesNotContain("\tat ");
        var noName = run("crawl", "http://127.0.0.1:9/", "--db", db, "--extract", "h1::text");
        assertThat(noName.exit()).isEqualTo(2);
        assertThat(firstLine(noName)).startsWith("trawl: --extract: 'h1::text' is not NAME=SELECTOR");

        Path rules = dir.resolve("bad.json");
        Files.writeString(rules, "{\"rules\": [{\"fields\": {\"x\": \"h1::text\"}, \"colour\": 1}]}");
        var badFile = run("crawl", "http://127.0.0.1:9/", "--db", db, "--rules", rules.toString());
        assertThat(badFile.exit()).isEqualTo(2);
        assertThat(firstLine(badFile)).startsWith("trawl: --rules: rules file " + rules);
        var missing = run("crawl", "http://127.0.0.1:9/", "--db", db, "--rules", dir.resolve("none.yaml").toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(firstLine(missing)).startsWith("trawl: --rules: rules file").contains("cannot read it");
        assertThat(Files.exists(Path.of(db))).as("nothing crawled, no database made").isFalse();
    }

    /** The error line; a usage error's second line only points at --help. */
    private static String firstLine(CliRunner.Result result) {
        List<String> lines = result.err().lines().toList();
        assertThat(lines).hasSizeLessThanOrEqualTo(2);
        if (lines.size() == 2) assertThat(lines.get(1)).startsWith("Try 'trawl crawl --help'");
        return lines.getFirst();
    }
}
