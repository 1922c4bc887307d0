package dev.trawl.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trawl.fetch.FetchSettings;
import dev.trawl.fetch.Fetcher;
import dev.trawl.fetch.HttpAnswer;
import dev.trawl.testsite.TestSite;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The renderer alone, on a real Chromium, its requests answered by a real Fetcher from a loopback site. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RendererIT {
    private TestSite site;
    private Fetcher fetcher;
    private Renderer renderer;
    private final List<String> asked = new CopyOnWriteArrayList<>();

    @BeforeAll
    void start() throws Exception {
        var chromium = Chromium.require();
        site = TestSite.start();
        site.html("/app", """
                <!doctype html><html><head><title>shell</title><script src="/app.js"></script></head>
                <body><div id="root"></div><img src="/logo.png"></body></html>""");
        site.bytes("/app.js", 200, "text/javascript", """
                document.addEventListener('DOMContentLoaded', () => {
                  document.title = 'Made by script';
                  document.getElementById('root').innerHTML = '<a href="/one">one</a>';
                  setTimeout(() => {
                    const a = document.createElement('a'); a.href = '/later'; a.textContent = 'later';
                    document.body.appendChild(a);
                  }, 200);
                });""".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        site.bytes("/logo.png", 200, "image/png", new byte[10]);
        fetcher = new Fetcher(new FetchSettings("trawl-test", Duration.ofSeconds(5), 1 << 20));
        renderer = Renderer.start(new RenderSettings(RenderMode.ALWAYS, chromium, 2), Duration.ofSeconds(8), 1 << 20);
    }

    @AfterAll
    void stop() throws Exception {
        if (renderer != null) renderer.close();
        if (fetcher != null) fetcher.close();
        if (site != null) site.close();
    }

    private HttpAnswer.Response get(String path) throws InterruptedException {
        return (HttpAnswer.Response) fetcher.get(site.url(path), (s, t) -> true);
    }

    private final PageResources resources = (url, deadline, use) -> {
        asked.add(url);
        use.accept(fetcher.get(url, (s, t) -> true));
        return true;
    };

    @Test
    void aPageThatNeverSettlesIsReadAtItsDeadline() throws Exception {
        site.html("/tick", SinglePageApp.shell("/tick.js"));
        site.bytes("/tick.js", 200, "text/javascript", SinglePageApp.ascii("""
                document.title = 'Ticking';
                document.getElementById('root').innerHTML = '<a href="/after">after</a><span id="n">0</span>';
                let n = 0;
                setInterval(() => { document.getElementById('n').textContent = String(++n); }, 20);"""));
        long start = System.nanoTime();
        RenderResult result = renderer.render(site.url("/tick"), get("/tick"), resources);
        long tookMs = (System.nanoTime() - start) / 1_000_000;
        assertThat(result).as("took %d ms", tookMs).isInstanceOf(RenderResult.Rendered.class);
        assertThat(((RenderResult.Rendered) result).settled()).isFalse();
        assertThat(((RenderResult.Rendered) result).html()).contains("<title>Ticking</title>", "href=\"/after\"");
        assertThat(tookMs).isLessThan(8_000 + 1_000);
    }

    @Test
    void aStaticPageSettlesSoon() throws Exception {
        site.page("/static", "Static", "/a", "/b");
        long start = System.nanoTime();
        RenderResult result = renderer.render(site.url("/static"), get("/static"), resources);
        long tookMs = (System.nanoTime() - start) / 1_000_000;
        assertThat(result).isInstanceOf(RenderResult.Rendered.class);
        assertThat(((RenderResult.Rendered) result).settled()).as("took %d ms", tookMs).isTrue();
        assertThat(tookMs).isLessThan(3_000);
    }

    @Test
    void aPageMakesAtMostMaxRequests() throws Exception {
        site.prefix("/r/", ex -> TestSite.send(ex, 200, "application/json", "1"));
        site.html("/many", SinglePageApp.shell("/many.js"));
        site.bytes("/many.js", 200, "text/javascript", SinglePageApp.ascii("""
                (async () => {
                  let ok = 0;
                  await Promise.all([...Array(600).keys()].map(i => fetch('/r/' + i).then(() => ok++, () => {})));
                  document.title = 'ok ' + ok;
                })();"""));
        RenderResult result = renderer.render(site.url("/many"), get("/many"), resources);
        assertThat(result).isInstanceOf(RenderResult.Rendered.class);
        // the script itself is one of the page's requests
        assertThat(((RenderResult.Rendered) result).html()).contains("<title>ok " + (RequestInterceptor.MAX_REQUESTS - 1) + "</title>");
        long served = site.allHits().keySet().stream().filter(p -> p.startsWith("/r/")).count();
        assertThat(served).isEqualTo(RequestInterceptor.MAX_REQUESTS - 1);
    }

    @Test
    void aDomOverTheLimitIsNotRead() throws Exception {
        site.html("/big", SinglePageApp.shell("/big.js"));
        site.bytes("/big.js", 200, "text/javascript", SinglePageApp.ascii(
                "document.getElementById('root').textContent = 'x'.repeat(5000);"));
        try (Renderer small = Renderer.start(new RenderSettings(RenderMode.ALWAYS, Chromium.require(), 1),
                Duration.ofSeconds(8), 4000)) {
            RenderResult result = small.render(site.url("/big"), get("/big"), resources);
            assertThat(result).isInstanceOf(RenderResult.Failed.class);
            assertThat(((RenderResult.Failed) result).reason()).contains("larger than 4000 characters");
        }
    }

    @Test
    void scriptsRunAndTheDomIsRead() throws Exception {
        int before = asked.size();
        RenderResult result = renderer.render(site.url("/app"), get("/app"), resources);
        assertThat(result).isInstanceOf(RenderResult.Rendered.class);
        String html = ((RenderResult.Rendered) result).html();
        assertThat(html).contains("<title>Made by script</title>").contains("href=\"/one\"").contains("href=\"/later\"");
        assertThat(asked.subList(before, asked.size())).containsExactly(site.url("/app.js")); // the image was blocked, the page itself not fetched again
        assertThat(site.hits("/app")).isEqualTo(1);
        assertThat(site.hits("/logo.png")).isZero();
    }
}
