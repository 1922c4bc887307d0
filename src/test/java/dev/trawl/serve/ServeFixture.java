package dev.trawl.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trawl.CliRunner;
import dev.trawl.testsite.TestSite;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A small crawled site with every kind of outcome, and a way to ask the app about it. */
final class ServeFixture {
    /** A title that would run script if the app put it in the page as HTML. */
    static final String HOSTILE_TITLE = "<script>window.__pwned = 1</script><img src=x onerror=\"window.__pwned = 2\"> & 'quoted'";
    static final int CHILDREN = 24;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private ServeFixture() {}

    /** Serves: / links to /p1../p24, /evil, /missing (404), /broken (500 then 200); /p1 links to /p2. */
    static TestSite site() throws IOException {
        TestSite site = TestSite.start();
        List<String> links = new ArrayList<>();
        for (int i = 1; i <= CHILDREN; i++) {
            links.add("/p" + i);
            site.page("/p" + i, "Page " + i + (i % 5 == 0 ? " five" : ""), i == 1 ? new String[] {"/p2"} : new String[0]);
        }
        links.addAll(List.of("/evil", "/missing", "/broken"));
        site.page("/", "Home", links.toArray(String[]::new));
        site.page("/evil", HOSTILE_TITLE.replace("&", "&amp;").replace("<", "&lt;"));
        site.route("/missing", ex -> TestSite.send(ex, 404, "text/html", "<title>gone</title>"));
        site.sequence("/broken", "<title>Fixed</title>", 500, 200);
        return site;
    }

    /** Crawls site into target with no retries, so /broken is stored as a 500. */
    static void crawl(TestSite site, String target, String... extra) {
        List<Object> args = new ArrayList<>(List.of("crawl", site.url("/"), "--db", target, "--quiet", "--retries", "0"));
        args.addAll(List.of(extra));
        CliRunner.Result r = CliRunner.run(args.toArray());
        assertThat(r.exit()).as(r.toString()).isZero();
    }

    static ReportServer serve(String target, Path runDir) {
        return ReportServer.start(target, new InetSocketAddress("127.0.0.1", 0), runDir);
    }

    record Answer(int status, String body, java.net.http.HttpHeaders headers) {}

    static Answer get(URI url) {
        return send(HttpRequest.newBuilder(url).GET().build());
    }

    static Answer send(HttpRequest request) {
        try {
            HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), r.body(), r.headers());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String encode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }
}
