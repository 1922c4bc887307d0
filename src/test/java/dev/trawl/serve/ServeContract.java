package dev.trawl.serve;

import static dev.trawl.serve.ServeFixture.get;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trawl.CliRunner;
import dev.trawl.testsite.TestSite;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `trawl serve` over HTTP on a crawled site, the same for SQLite and PostgreSQL: what each view shows, keyset paging
 * in every order, escaping, and the answers to bad requests.
 */
abstract class ServeContract {
    private static final Pattern ROW_ID = Pattern.compile("<tr data-id=\"(\\d+)\">");
    private static final Pattern NEXT = Pattern.compile("<a id=\"next\" href=\"([^\"]+)\"");
    private static final Pattern PREV = Pattern.compile("<a id=\"prev\" href=\"([^\"]+)\"");
    @TempDir Path dir;

    /** The --db target of a fresh database. */
    abstract String target();

    private record Served(TestSite site, ReportServer server, Map<String, JsonNode> export) implements AutoCloseable {
        URI at(String pathAndQuery) {
            return server.url().resolve(pathAndQuery);
        }

        @Override
        public void close() {
            server.close();
            site.close();
        }
    }

    private Served crawlAndServe() throws IOException {
        TestSite site = ServeFixture.site();
        ServeFixture.crawl(site, target());
        Map<String, JsonNode> export = CliRunner.export(target(), dir.resolve("export.jsonl"));
        return new Served(site, ServeFixture.serve(target(), dir.resolve("run")), export);
    }

    @Test
    void theOverviewCountsWhatTheExportHolds() throws IOException {
        try (Served s = crawlAndServe()) {
            String html = ok(s.at("/"));
            long ok = s.export().values().stream().filter(n -> n.get("status").asInt() / 100 == 2).count();
            long missing = s.export().values().stream().filter(n -> n.get("status").asInt() == 404).count();
            assertThat(card(html, "pages")).isEqualTo(s.export().size()).isEqualTo(ServeFixture.CHILDREN + 4); // the hub, /evil, /missing, /broken
            assertThat(card(html, "class-2xx")).isEqualTo(ok);
            assertThat(card(html, "class-4xx")).isEqualTo(missing).isEqualTo(1);
            assertThat(card(html, "class-5xx")).isEqualTo(1);
            assertThat(html).contains("<svg class=\"chart\"", "aria-label=\"depth distribution\"", "http_500", "http_404");
        }
    }

    @Test
    void everyOrderPagesThroughEveryRowOnceForwardAndBack() throws IOException {
        try (Served s = crawlAndServe()) {
            for (String sort : List.of("id", "url", "status", "title", "depth", "fetched")) {
                for (String dir : List.of("asc", "desc")) {
                    List<List<String>> screens = walk(s, "/pages?limit=4&sort=" + sort + "&dir=" + dir);
                    List<String> all = screens.stream().flatMap(List::stream).toList();
                    assertThat(all).as(sort + " " + dir).hasSize(s.export().size()).doesNotHaveDuplicates();
                    // the second screen's "previous" link is the first screen again
                    String second = ok(s.at(nextLink(ok(s.at("/pages?limit=4&sort=" + sort + "&dir=" + dir)))));
                    Matcher prev = PREV.matcher(second);
                    assertThat(prev.find()).as("previous link on screen 2 of " + sort).isTrue();
                    assertThat(ids(ok(s.at(unescape(prev.group(1)))))).isEqualTo(screens.getFirst());
                }
            }
            List<String> byStatus = walk(s, "/pages?limit=5&sort=status&dir=desc").stream().flatMap(List::stream).toList();
            assertThat(statusOf(s, byStatus.getFirst())).isEqualTo(500);
        }
    }

    @Test
    void searchMatchesUrlOrTitleIgnoringCaseAndTakesWildcardsLiterally() throws IOException {
        try (Served s = crawlAndServe()) {
            assertThat(urls(ok(s.at("/pages?q=FIVE")))).containsExactlyInAnyOrder(
                    s.site().url("/p5"), s.site().url("/p10"), s.site().url("/p15"), s.site().url("/p20"));
            assertThat(urls(ok(s.at("/pages?q=%2Fp1")))).contains(s.site().url("/p1"), s.site().url("/p12"));
            assertThat(urls(ok(s.at("/pages?q=p%25_")))).isEmpty();
            assertThat(urls(ok(s.at("/pages?status=5xx")))).containsExactly(s.site().url("/broken"));
        }
    }

    @Test
    void aPageShowsItsColumnsOutlinksAndInlinks() throws IOException {
        try (Served s = crawlAndServe()) {
            String hub = ok(s.at("/page?url=" + ServeFixture.encode(s.site().url("/"))));
            assertThat(hub).contains("data-column=\"status\">200<", "data-column=\"content_type\">", "data-column=\"body_bytes\">");
            assertThat(between(hub, "id=\"outlinks\"", "</ul>")).contains(s.site().url("/p1"), s.site().url("/missing"));
            String p2 = ok(s.at("/page?url=" + ServeFixture.encode(s.site().url("/p2"))));
            assertThat(between(p2, "id=\"inlinks\"", "</ul>")).contains(s.site().url("/p1")).contains(">" + s.site().url("/") + "<");
            assertThat(get(s.at("/page?id=999999")).status()).isEqualTo(404);
        }
    }

    @Test
    void hostileTitlesAreTextEverywhere() throws IOException {
        try (Served s = crawlAndServe()) {
            String escaped = Html.text(ServeFixture.HOSTILE_TITLE);
            for (String page : List.of("/pages", "/pages?q=script", "/page?url=" + ServeFixture.encode(s.site().url("/evil")))) {
                String html = ok(s.at(page));
                assertThat(html).as(page).contains(escaped).doesNotContain("<script>window", "<img src=x");
            }
        }
    }

    @Test
    void errorsAreGroupedByReasonAndHostWithTheCommandThatRetriesThem() throws IOException {
        try (Served s = crawlAndServe()) {
            String html = ok(s.at("/errors"));
            assertThat(html).contains("http_500", "http_404", "--retry-failed", s.site().url("/"));
            assertThat(html).contains("<strong>1</strong> of them can be fetched again");
            String group = ok(s.at("/errors?reason=http_500&host=127.0.0.1"));
            assertThat(urls(group)).containsExactly(s.site().url("/broken"));
        }
    }

    @Test
    void badParametersAre400AndNeverAStackTrace() throws IOException {
        try (Served s = crawlAndServe()) {
            for (String bad : List.of("/pages?limit=0", "/pages?limit=abc", "/pages?sort=evil", "/pages?dir=sideways",
                    "/pages?after=x", "/pages?sort=status&after=5", "/pages?sort=status&after=5:abc", "/pages?after=1&before=2",
                    "/pages?nope=1", "/pages?q=a&q=b", "/page", "/page?id=-3", "/errors?reason=x",
                    "/?x=1", "/pages?status=6xx")) {
                ServeFixture.Answer a = get(s.at(bad));
                assertThat(a.status()).as(bad + ": " + a.body()).isEqualTo(400);
                assertThat(a.body()).as(bad).doesNotContain("Exception", "at dev.trawl", "at java.");
            }
            assertThat(get(s.at("/pages?q=" + "a".repeat(5000))).status()).isEqualTo(414);
            assertThat(rawStatus(s.server().url(), "127.0.0.1:" + s.server().url().getPort(), "/pages?q=%zz")).isEqualTo(400);
            assertThat(get(s.at("/no-such-view")).status()).isEqualTo(404);
        }
    }

    @Test
    void itWritesNothingAndAnswersOnlyToItsOwnName() throws IOException {
        try (Served s = crawlAndServe()) {
            var post = ServeFixture.send(HttpRequest.newBuilder(s.at("/pages")).POST(HttpRequest.BodyPublishers.ofString("x=1"))
                    .header("Origin", "http://evil.example").build());
            assertThat(post.status()).isEqualTo(405);
            assertThat(post.headers().firstValue("Allow")).hasValue("GET, HEAD");
            ServeFixture.Answer page = get(s.at("/"));
            assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("script-src 'self'");
            assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
            assertThat(rawStatus(s.server().url(), "evil.example", "/")).isEqualTo(421);
            assertThat(rawStatus(s.server().url(), "localhost:" + s.server().url().getPort(), "/")).isEqualTo(200);
        }
    }

    /** The status of a GET with this Host header, over a plain socket (java.net.http sends neither another Host nor a bad URI). */
    private static int rawStatus(URI server, String host, String target) throws IOException {
        try (Socket socket = new Socket(server.getHost(), server.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + target + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String line = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
            return Integer.parseInt(line.substring(9, 12));
        }
    }

    // --- helpers ---------------------------------------------------------------------------------------

    private static String ok(URI url) {
        ServeFixture.Answer a = get(url);
        assertThat(a.status()).as(url + ": " + a.body()).isEqualTo(200);
        return a.body();
    }

    private static List<List<String>> walk(Served s, String first) {
        List<List<String>> screens = new ArrayList<>();
        String next = first;
        var seen = new HashSet<String>();
        while (next != null && seen.add(next) && screens.size() < 100) {
            String html = ok(s.at(next));
            screens.add(ids(html));
            Matcher m = NEXT.matcher(html);
            next = m.find() ? unescape(m.group(1)) : null;
        }
        return screens;
    }

    private static String nextLink(String html) {
        Matcher m = NEXT.matcher(html);
        assertThat(m.find()).as("a next link").isTrue();
        return unescape(m.group(1));
    }

    private static List<String> ids(String html) {
        List<String> ids = new ArrayList<>();
        Matcher m = ROW_ID.matcher(html);
        while (m.find()) ids.add(m.group(1));
        return ids;
    }

    private static List<String> urls(String html) {
        List<String> urls = new ArrayList<>();
        Matcher m = Pattern.compile("<td class=\"url\"><a href=\"/page\\?id=\\d+\">([^<]*)</a>").matcher(html);
        while (m.find()) urls.add(unescape(m.group(1)));
        return urls;
    }

    private static int statusOf(Served s, String id) {
        String html = ok(s.at("/page?id=" + id));
        Matcher m = Pattern.compile("data-column=\"status\">(\\d+)<").matcher(html);
        assertThat(m.find()).isTrue();
        return Integer.parseInt(m.group(1));
    }

    private static long card(String html, String key) {
        Matcher m = Pattern.compile("data-key=\"" + key + "\"><div class=\"value\">([\\d,]+)<").matcher(html);
        assertThat(m.find()).as("card " + key).isTrue();
        return Long.parseLong(m.group(1).replace(",", ""));
    }

    private static String between(String html, String start, String end) {
        int from = html.indexOf(start);
        assertThat(from).as(start).isNotNegative();
        return html.substring(from, html.indexOf(end, from));
    }

    private static String unescape(String html) {
        return html.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }
}
