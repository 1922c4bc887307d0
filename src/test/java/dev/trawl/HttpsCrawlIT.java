package dev.trawl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trawl.fetch.TestTls;
import dev.trawl.testsite.TestSite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * https:// through the same HTTP/1.1 transport as http://, over TLS: a crawl of a TLS site on 127.0.0.1 with a
 * certificate made by keytool (TestTls). The crawl runs in a child JVM told to trust that
 * certificate (javax.net.ssl.trustStore), as a user with a private CA would run it; nothing in trawl is bypassed.
 */
class HttpsCrawlIT {
    @TempDir Path dir;

    @Test
    void crawlsATlsSiteAndATlsFailureIsRecordedAsData() throws Exception {
        Path trust = TestTls.trustStore();

        try (var site = TestSite.startTls(TestTls.server())) {
            site.page("/", "secure home", "/a", "/b");
            site.page("/a", "secure a", "/");
            site.gzipped("/b", "<title>secure b (gzip)</title>");
            Path db = dir.resolve("tls.db");

            Process crawl = child(dir.resolve("crawl.log"), List.of("-Djavax.net.ssl.trustStore=" + trust,
                    "-Djavax.net.ssl.trustStorePassword=" + TestTls.PASSWORD_TEXT), "crawl", site.url("/"), "--db", db.toString(),
                    "--quiet", "--ignore-robots");
            assertThat(crawl.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(crawl.exitValue()).as(Files.readString(dir.resolve("crawl.log"))).isZero();
            Map<String, JsonNode> pages = CliRunner.export(db);
            assertThat(pages).containsOnlyKeys(site.url("/"), site.url("/a"), site.url("/b"));
            assertThat(pages.get(site.url("/")).get("title").asText()).isEqualTo("secure home");
            assertThat(pages.get(site.url("/b")).get("title").asText()).isEqualTo("secure b (gzip)");
            assertThat(site.allHits().values()).allSatisfy(hits -> assertThat(hits).isEqualTo(1));

            // Without the trust store the certificate is unknown: the page is a row with an error, exit 0.
            Path untrusted = dir.resolve("untrusted.db");
            Process refused = child(dir.resolve("refused.log"), List.of(), "crawl", site.url("/"), "--db", untrusted.toString(),
                    "--quiet", "--ignore-robots", "--retries", "0");
            assertThat(refused.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(refused.exitValue()).as(Files.readString(dir.resolve("refused.log"))).isZero();
            JsonNode page = CliRunner.export(untrusted).get(site.url("/"));
            assertThat(page.get("status").isNull()).isTrue();
            assertThat(page.get("error").asText()).isEqualTo("tls");
        }
    }

    private static Process child(Path log, List<String> jvmOptions, String... args) throws Exception {
        return CliRunner.startChild(jvmOptions, List.of(args), ProcessBuilder.Redirect.to(log.toFile()));
    }
}
