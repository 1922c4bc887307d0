package dev.trawl.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trawl.CliRunner;
import dev.trawl.testsite.TestSite;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * trawl crawl --render against a local single-page app ({@link SinglePageApp}) in a real headless Chromium: what the
 * export holds, what the site was asked for, and that no browser process outlives the crawl, even a kill -9.
 */
class RenderCrawlIT {
    @TempDir Path dir;
    private TestSite site;
    private TestSite other;

    @BeforeEach
    void serve() throws Exception {
        site = TestSite.start();
        other = TestSite.start(InetAddress.getByName("127.0.0.2"));
        SinglePageApp.serve(site, other);
    }

    @AfterEach
    void stop() {
        site.close();
        other.close();
    }

    private Map<String, JsonNode> crawl(String... options) throws Exception {
        Path db = dir.resolve("render.db");
        List<Object> args = new java.util.ArrayList<>(List.of("crawl", site.url("/"), "--db", db, "--quiet",
                "--timeout", "4s", "--render-concurrency", "2"));
        args.addAll(List.of(options));
        CliRunner.Result result = CliRunner.run(args.toArray());
        assertThat(result.exit()).as(result.toString()).isZero();
        return CliRunner.export(db);
    }

    private String title(Map<String, JsonNode> export, String path) {
        JsonNode page = export.get(site.url(path));
        assertThat(page).as("%s in the export %s", path, export.keySet()).isNotNull();
        return page.get("title").asText();
    }

    private List<String> links(Map<String, JsonNode> export, String path) {
        return CliRunner.texts(export.get(site.url(path)).get("outlinks"));
    }

    @Test
    void autoRendersTheAppShellsOnlyAndTheirRequestsGoThroughTrawl() throws Exception {
        Chromium.require();
        Map<String, JsonNode> export = crawl("--render", "auto");

        assertThat(title(export, "/")).isEqualTo("Shop (rendered)");
        assertThat(links(export, "/")).contains(site.url("/products"), site.url("/about"), site.url("/ticking"),
                site.url("/item/1"), site.url("/item/2"), site.url("/lazy-timer"), site.url("/lazy-scroll"));
        assertThat(title(export, "/products")).isEqualTo("Products (rendered)");
        assertThat(title(export, "/about")).as("a static page is not rendered by auto").isEqualTo("About us");
        // never settles: read at its render deadline, and recorded like any page
        assertThat(title(export, "/ticking")).isEqualTo("Ticking (rendered)");
        assertThat(links(export, "/ticking")).contains(site.url("/after-tick"));
        for (String path : List.of("/item/2", "/lazy-timer", "/lazy-scroll", "/after-tick")) {
            assertThat(export.get(site.url(path)).get("status").asInt()).as(path).isEqualTo(200);
        }

        assertThat(site.hits("/")).as("the page itself is handed to the browser, not fetched again").isEqualTo(1);
        assertThat(site.hits("/api/items.json")).isEqualTo(1);
        assertThat(site.hits("/logo.png")).as("images are blocked").isZero();
        assertThat(site.hits("/private/secret.json")).as("robots.txt applies to the page's requests").isZero();
        assertThat(other.allHits()).as("scope applies to the page's requests").isEmpty();
        assertThat(SinglePageApp.browserProcesses(ProcessHandle.current())).as("browser processes after the crawl").isEmpty();
    }

    @Test
    void alwaysRendersStaticPagesToo() throws Exception {
        Chromium.require();
        Map<String, JsonNode> export = crawl("--render", "always", "--max-depth", "1");
        assertThat(title(export, "/about")).isEqualTo("About (rendered)");
        assertThat(title(export, "/")).isEqualTo("Shop (rendered)");
        assertThat(SinglePageApp.browserProcesses(ProcessHandle.current())).isEmpty();
    }

    @Test
    void neverIsTheDefaultAndReadsOnlyTheServersHtml() throws Exception {
        Map<String, JsonNode> export = crawl("--max-depth", "1");
        assertThat(title(export, "/")).isEqualTo("Loading");
        assertThat(links(export, "/")).isEmpty();
        assertThat(site.hits("/app.js")).isZero();
    }

    @Test
    void aMissingBrowserIsAUsageErrorBeforeAnythingIsFetched() {
        CliRunner.Result result = CliRunner.run("crawl", site.url("/"), "--db", dir.resolve("x.db"), "--render", "auto",
                "--chromium", dir.resolve("no-such-chromium"));
        assertThat(result.exit()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).startsWith("trawl: --chromium: '" + dir.resolve("no-such-chromium") + "' is not an executable file");
        assertThat(site.allHits()).isEmpty();
    }

    @Test
    void aBrowserThatDoesNotStartIsAFatalErrorOnOneLine() {
        CliRunner.Result result = CliRunner.run("crawl", site.url("/"), "--db", dir.resolve("x.db"), "--render", "always",
                "--chromium", "/bin/false");
        assertThat(result.exit()).as(result.toString()).isEqualTo(1);
        assertThat(result.err()).startsWith("trawl: /bin/false exited with status 1 at start").hasLineCount(1);
        assertThat(site.allHits()).isEmpty();
    }

    @Test
    void renderConcurrencyBelowOneIsAUsageError() {
        CliRunner.Result result = CliRunner.run("crawl", site.url("/"), "--db", dir.resolve("x.db"), "--render", "auto",
                "--render-concurrency", "0");
        assertThat(result.exit()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).startsWith("trawl: --render-concurrency: expected an integer >= 1, got 0");
    }

    @Test
    void killingTrawlWithSigkillLeavesNoBrowserProcess() throws Exception {
        Chromium.require();
        Process child = CliRunner.startChild(List.of("-Djava.io.tmpdir=" + dir), List.of("crawl", site.url("/ticking"),
                "--db", dir.resolve("kill.db").toString(), "--quiet", "--render", "always", "--timeout", "60s",
                "--max-depth", "0"), ProcessBuilder.Redirect.DISCARD);
        try {
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (site.hits("/tick.js") == 0 && child.isAlive() && System.nanoTime() < until) Thread.sleep(50);
            assertThat(site.hits("/tick.js")).as("the page is rendering").isPositive();
            List<ProcessHandle> browser = SinglePageApp.browserProcesses(child.toHandle());
            assertThat(browser).as("the browser runs under the trawl process").isNotEmpty();

            child.destroyForcibly(); // SIGKILL: no shutdown hook, no close()
            assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (browser.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) Thread.sleep(50);
            assertThat(browser.stream().filter(ProcessHandle::isAlive).map(p -> p.pid() + " " + p.info().commandLine().orElse("")))
                    .as("browser processes still alive after kill -9 of trawl").isEmpty();
            assertThat(ProcessTable.commandLinesContaining(dir.toString()))
                    .as("any process using the crawl's browser profile").isEmpty();
        } finally {
            child.destroyForcibly();
        }
    }
}
