package dev.trawl.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trawl.extract.ExtractionRules;
import dev.trawl.fetch.HttpAnswer;
import dev.trawl.url.Scope;
import dev.trawl.url.ScopeRule;
import dev.trawl.frontier.TrapRules;
import dev.trawl.url.UrlFilters;
import dev.trawl.parse.PageLimits;
import dev.trawl.parse.PageParser;
import dev.trawl.url.UrlNormalizer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The links a {@link PageHandler} returns are the page's outsider input too: bounded as the page's own links. */
class PageHandlerLinksTest {

    @Test
    void aHandlerGivingAMillionLinksAddsNoMoreThanAPageMayHave() throws Exception {
        String page = "http://site.test/list";
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 1_000_000; i++) many.add("/item/" + i);
        PageHandler handler = p -> new PageHandler.Result(Map.of(), many);
        var normalizer = new UrlNormalizer();
        try (var analyzer = new PageAnalyzer(1, new PageParser(normalizer),
                new ScopeRule(Scope.HOST, List.of(page)), new UrlFilters(List.of(), List.of()), 5, TrapRules.DEFAULT,
                ExtractionRules.NONE, handler, normalizer)) {
            byte[] html = "<a href=/own>own</a>".getBytes(StandardCharsets.UTF_8);
            var response = new HttpAnswer.Response(200, "text/html", null, null, html, html.length, "HTTP/1.1 200",
                    List.of(), html, html.length);
            PageAnalysis analysis = analyzer.analyze(response, page, 0);
            assertThat(analysis.followable()).hasSize(PageLimits.MAX_LINKS)
                    .startsWith("http://site.test/own", "http://site.test/item/0");
        }
    }
}
