package dev.trawl.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trawl.fetch.FetchSettings;
import dev.trawl.fetch.Fetcher;
import dev.trawl.fetch.HttpAnswer;
import dev.trawl.frontier.TrapRules;
import dev.trawl.parse.PageParser;
import dev.trawl.render.Chromium;
import dev.trawl.render.PageResources;
import dev.trawl.render.RenderMode;
import dev.trawl.render.RenderSettings;
import dev.trawl.render.Renderer;
import dev.trawl.testsite.TestSite;
import dev.trawl.url.Scope;
import dev.trawl.url.ScopeRule;
import dev.trawl.url.UrlFilters;
import dev.trawl.url.UrlNormalizer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The crawl's render seam: which analyses it replaces, and the rendered flag the record is made from. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PageRenderingIT {
    private TestSite site;
    private Fetcher fetcher;
    private Renderer renderer;
    private PageAnalyzer analyzer;
    private final PageResources resources = (url, deadline, use) -> {
        use.accept(fetcher.get(url, (s, t) -> true));
        return true;
    };

    @BeforeAll
    void start() throws Exception {
        var chromium = Chromium.require();
        site = TestSite.start();
        site.html("/shell", "<html><head><title>Loading</title></head><body><div id=\"root\"></div><script>"
                + "document.title = 'Rendered'; document.getElementById('root').innerHTML = '<a href=\"/x\">x</a>';"
                + "</script></body></html>");
        site.encoded("/static", "text/html; charset=windows-1252", "<html><head><title>Static</title></head><body>"
                + "<a href=\"/y\">y</a><p>" + "Words in the HTML. ".repeat(80) + "</p>"
                + "<script>document.title = 'Rendered';</script></body></html>", java.nio.charset.Charset.forName("windows-1252"));
        fetcher = new Fetcher(new FetchSettings("trawl-test", Duration.ofSeconds(5), 1 << 20));
        renderer = Renderer.start(new RenderSettings(RenderMode.AUTO, chromium, 1), Duration.ofSeconds(6), 1 << 20);
        analyzer = new PageAnalyzer(1, new PageParser(new UrlNormalizer()),
                new ScopeRule(Scope.HOST, List.of(site.url("/"))), new UrlFilters(List.of(), List.of()), 10, TrapRules.DEFAULT,
                dev.trawl.extract.ExtractionRules.NONE, PageHandler.NONE, new UrlNormalizer());
    }

    @AfterAll
    void stop() throws Exception {
        if (analyzer != null) analyzer.close();
        if (renderer != null) renderer.close();
        if (fetcher != null) fetcher.close();
        if (site != null) site.close();
    }

    private PageAnalysis apply(RenderMode mode, String path) throws InterruptedException {
        var response = (HttpAnswer.Response) fetcher.get(site.url(path), (s, t) -> true);
        PageAnalysis statics = analyzer.analyze(response, site.url(path), 0);
        return new PageRendering(mode, renderer, resources).apply(statics, response, site.url(path), 0, analyzer);
    }

    @Test
    void autoRendersAnAppShellAndMarksItsAnalysis() throws Exception {
        PageAnalysis analysis = apply(RenderMode.AUTO, "/shell");
        assertThat(analysis.rendered()).isTrue();
        assertThat(analysis.page().title()).isEqualTo("Rendered");
        assertThat(analysis.followable()).containsExactly(site.url("/x"));
    }

    @Test
    void autoLeavesAStaticPageAsItsHtmlSaysIt() throws Exception {
        PageAnalysis analysis = apply(RenderMode.AUTO, "/static");
        assertThat(analysis.rendered()).isFalse();
        assertThat(analysis.page().title()).isEqualTo("Static");
    }

    @Test
    void alwaysRendersItAndKeepsTheServersCharset() throws Exception {
        PageAnalysis analysis = apply(RenderMode.ALWAYS, "/static");
        assertThat(analysis.rendered()).isTrue();
        assertThat(analysis.page().title()).isEqualTo("Rendered");
        assertThat(analysis.page().charset()).as("the charset the server's bytes were decoded with").isEqualTo("windows-1252");
    }

    @Test
    void neverRendersNothing() throws Exception {
        assertThat(apply(RenderMode.NEVER, "/shell").rendered()).isFalse();
    }
}
