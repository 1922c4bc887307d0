package dev.trawl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trawl.fetch.H2Server;
import dev.trawl.fetch.TestTls;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpHeader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `trawl crawl --http2` end to end: a child JVM (./trawl's flags) crawls a site served over HTTP/2 and TLS by Jetty on
 * 127.0.0.1, trusting TestTls's certificate through javax.net.ssl.trustStore as a user with a private CA would.
 */
class Http2CrawlIT {
    @TempDir Path dir;

    private static final Map<String, String> PAGES = Map.of(
            "/", "<title>h2 home</title><a href=/a>a</a> <a href=/b>b</a>",
            "/a", "<title>h2 a</title><a href=/>home</a>",
            "/b", "<title>h2 b</title><a href=/a>a</a>");

    @Test
    void crawlsAnHttp2SiteWithEveryRequestOverHttp2() throws Exception {
        try (var site = new H2Server((request, response, callback) -> {
            String page = PAGES.get(request.getHttpURI().getPath());
            response.setStatus(page == null ? 404 : 200);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/html; charset=utf-8");
            response.write(true, ByteBuffer.wrap((page == null ? "gone" : page).getBytes(StandardCharsets.UTF_8)), callback);
        })) {
            Path db = dir.resolve("h2.db");
            Path log = dir.resolve("crawl.log");
            Process crawl = CliRunner.startChild(List.of("-Djavax.net.ssl.trustStore=" + TestTls.trustStore(),
                    "-Djavax.net.ssl.trustStorePassword=" + TestTls.PASSWORD_TEXT),
                    List.of("crawl", site.url("/"), "--db", db.toString(), "--quiet", "--http2"),
                    ProcessBuilder.Redirect.to(log.toFile()));
            assertThat(crawl.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(crawl.exitValue()).as(Files.readString(log)).isZero();

            Map<String, JsonNode> pages = CliRunner.export(db);
            assertThat(pages).containsKeys(site.url("/"), site.url("/a"), site.url("/b"));
            assertThat(pages.get(site.url("/b")).get("title").asText()).isEqualTo("h2 b");
            assertThat(pages.get(site.url("/")).get("status").asInt()).isEqualTo(200);
            assertThat(site.protocols).as("robots.txt and the three pages").hasSize(4).containsOnly("HTTP/2.0");
        }
    }
}
