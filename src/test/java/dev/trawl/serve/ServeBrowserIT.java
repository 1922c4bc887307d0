package dev.trawl.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trawl.CliRunner;
import dev.trawl.testsite.TestSite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * `trawl serve` in a real browser: Debian's headless Chromium driven through its chromedriver, both by explicit path
 * so that Selenium Manager never runs and nothing is downloaded. One browser for the whole class. Skipped, with the
 * reason, where they are not installed (.ci/run installs them). Screenshots go to target/screenshots, or to
 * docs/screenshots with -Dtrawl.screenshots=docs/screenshots.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServeBrowserIT {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private Path dir;
    private TestSite site;
    private ReportServer server;
    private ChromeDriver browser;
    private Map<String, JsonNode> export;

    @BeforeAll
    void startBrowserAndServe() throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "skipped: needs Debian's chromium and chromium-driver (" + CHROMIUM + ", " + CHROMEDRIVER + "); .ci/run installs them");
        dir = Files.createTempDirectory("trawl-browser");
        site = ServeFixture.site();
        String db = dir.resolve("browser.db").toString();
        ServeFixture.crawl(site, db);
        export = CliRunner.export(db, dir.resolve("export.jsonl"));
        server = ServeFixture.serve(db, dir.resolve("run"));
        browser = startChromium(dir.resolve("profile"));
    }

    static ChromeDriver startChromium(Path profile) {
        // Explicit paths for both: Selenium asks Selenium Manager only for what it is not given.
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments("--headless=new", "--no-sandbox",
                "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--user-data-dir=" + profile, "--window-size=1280,1000");
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(1280, 1000));
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(20));
        return driver;
    }

    @AfterAll
    void stop() {
        if (browser != null) browser.quit();
        if (server != null) server.close();
        if (site != null) site.close();
    }

    @Test
    void theOverviewShowsTheNumbersOfTheExport() throws IOException {
        open("/");
        assertThat(card("pages")).isEqualTo(Integer.toString(export.size()));
        assertThat(card("class-2xx")).isEqualTo(Long.toString(export.values().stream().filter(n -> n.get("status").asInt() / 100 == 2).count()));
        assertThat(card("class-4xx")).isEqualTo("1");
        assertThat(card("class-5xx")).isEqualTo("1");
        Map<String, Long> depths = export.values().stream().collect(Collectors.groupingBy(n -> n.get("depth").asText(), Collectors.counting()));
        for (WebElement row : browser.findElements(By.cssSelector("#depth table tr"))) {
            List<WebElement> cells = row.findElements(By.tagName("td"));
            String depth = cells.get(0).getAttribute("textContent");
            assertThat(cells.get(1).getAttribute("textContent")).as("depth " + depth).isEqualTo(Long.toString(depths.get(depth)));
        }
        assertThat(browser.findElements(By.cssSelector("svg.chart rect"))).isNotEmpty();
        screenshot("overview");
    }

    @Test
    void thePagesTableSearchesSortsAndPages() throws IOException, InterruptedException {
        open("/pages?limit=10");
        assertThat(rows()).hasSize(10);
        WebElement q = browser.findElement(By.id("q"));
        q.sendKeys("five");
        q.submit();
        waitFor(() -> rows().size() == 4);
        assertThat(column("title")).allSatisfy(t -> assertThat(t).contains("five"));

        open("/pages?limit=10");
        browser.findElement(By.cssSelector("a.sort[data-sort=status]")).click(); // ascending
        browser.findElement(By.cssSelector("a.sort[data-sort=status]")).click(); // descending
        waitFor(() -> browser.getCurrentUrl().contains("dir=desc"));
        assertThat(column("status").getFirst()).isEqualTo("500");
        List<String> first = column("url");
        browser.findElement(By.id("next")).click();
        waitFor(() -> !column("url").equals(first));
        assertThat(column("url")).doesNotContainAnyElementsOf(first);
        screenshot("pages");
        browser.findElement(By.id("prev")).click();
        waitFor(() -> column("url").equals(first));
    }

    @Test
    void aPagesDetailShowsItsLinks() throws IOException, InterruptedException {
        open("/pages?q=" + ServeFixture.encode("/p1"));
        browser.findElement(By.linkText(site.url("/p1"))).click();
        waitFor(() -> browser.getCurrentUrl().contains("/page?id="));
        assertThat(browser.findElement(By.cssSelector("td[data-column=status]")).getText()).isEqualTo("200");
        assertThat(browser.findElement(By.id("outlinks")).getText()).contains(site.url("/p2"));
        assertThat(browser.findElement(By.id("inlinks")).getText()).contains(site.url("/"));
        screenshot("page");
        browser.findElement(By.linkText(site.url("/p2"))).click();
        waitFor(() -> browser.findElement(By.id("inlinks")).getText().contains(site.url("/p1")));
    }

    @Test
    void aTitleWithAScriptStaysText() throws InterruptedException {
        open("/pages?q=script");
        assertThat(column("title")).containsExactly(ServeFixture.HOSTILE_TITLE);
        browser.findElement(By.cssSelector("td.url a")).click();
        waitFor(() -> browser.getCurrentUrl().contains("/page?id="));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(ServeFixture.HOSTILE_TITLE);
        assertThat(((JavascriptExecutor) browser).executeScript("return window.__pwned === undefined")).isEqualTo(true);
    }

    @Test
    void theErrorsViewGivesTheRetryCommand() throws IOException {
        open("/errors");
        assertThat(browser.findElement(By.id("retry-command")).getText()).contains("trawl crawl", "--retry-failed", site.url("/"));
        assertThat(browser.findElement(By.cssSelector("table.errors")).getText()).contains("http_500", "http_404");
        screenshot("errors");
    }

    @Test
    void theLiveViewAdvancesDuringACrawl() throws Exception {
        Path runDir = dir.resolve("live-run");
        try (TestSite slow = TestSite.start()) {
            StringBuilder hub = new StringBuilder("<title>slow hub</title>");
            for (int i = 0; i < 60; i++) {
                hub.append("<a href=\"/s").append(i).append("\">s</a>");
                slow.slowPage("/s" + i, 150, "<title>slow " + i + "</title>");
            }
            slow.html("/", hub.toString());
            String db = dir.resolve("live.db").toString();
            Process crawl = CliRunner.startChild(List.of(), List.of("crawl", slow.url("/"), "--db", db, "--quiet", "--per-host", "2",
                    "--run-dir", runDir.toString()), ProcessBuilder.Redirect.DISCARD);
            try {
                // a page counted is a page stored: the database is made by then
                waitUntil(() -> listCounters(runDir).stream().anyMatch(p -> p.counters().pages() > 0), Duration.ofSeconds(30));
                try (ReportServer live = ReportServer.start(db, new java.net.InetSocketAddress("127.0.0.1", 0), runDir)) {
                    browser.get(live.url().resolve("/live").toString());
                    waitFor(() -> liveCard("pages") > 0);
                    long before = liveCard("pages");
                    waitFor(() -> liveCard("pages") > before);
                    assertThat(browser.findElement(By.id("live-state")).getText()).contains("1 running");
                    assertThat(browser.findElements(By.cssSelector("#live-processes tbody tr"))).hasSize(1);
                    screenshot("live");
                }
            } finally {
                crawl.destroyForcibly().waitFor();
            }
        }
    }

    // --- helpers ---------------------------------------------------------------------------------------

    private static List<dev.trawl.stats.CrawlProcess> listCounters(Path runDir) {
        try {
            return dev.trawl.stats.RunDirectory.list(runDir, null);
        } catch (IOException e) {
            return List.of();
        }
    }

    private void open(String path) {
        browser.get(server.url().resolve(path).toString());
    }

    private String card(String key) {
        return browser.findElement(By.cssSelector(".card[data-key='" + key + "'] .value")).getText().replace(",", "");
    }

    private long liveCard(String key) {
        List<WebElement> cards = browser.findElements(By.cssSelector("#live-totals .card[data-key='" + key + "'] .value"));
        return cards.isEmpty() ? -1 : Long.parseLong(cards.getFirst().getText().replace(",", ""));
    }

    private List<WebElement> rows() {
        return browser.findElements(By.cssSelector("#pages tbody tr[data-id]"));
    }

    private List<String> column(String cls) {
        return rows().stream().map(r -> r.findElement(By.cssSelector("td." + cls)).getText()).toList();
    }

    /** Polls condition for up to 20 s; a page being replaced meanwhile (stale or missing elements) counts as not yet. */
    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        waitUntil(() -> {
            try {
                return condition.getAsBoolean();
            } catch (org.openqa.selenium.StaleElementReferenceException | org.openqa.selenium.NoSuchElementException e) {
                return false;
            }
        }, Duration.ofSeconds(20));
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition, Duration max) throws InterruptedException {
        long end = System.nanoTime() + max.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) throw new AssertionError("not within " + max);
            Thread.sleep(50);
        }
    }

    private void screenshot(String name) throws IOException {
        Path out = Path.of(System.getProperty("trawl.screenshots", "target/screenshots"));
        Files.createDirectories(out);
        Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, out.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
