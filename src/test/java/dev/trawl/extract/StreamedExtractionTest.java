package dev.trawl.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/**
 * Extraction without a tree gives jsoup's values, or declines: every field kind it answers, on generated pages and
 * hand-written ones, with the default limits and with limits small enough to cut.
 */
class StreamedExtractionTest {

    private static final List<String> SELECTORS = List.of("p::text", "p ::text", "div a::attr(href)", "a::attr(href)",
            "li::text", "li ::text", "ul li a::attr(href)", "div > p::text", "#a::text", ".x::text", ".X ::text",
            "[lang]::attr(lang)", "[class=x]::attr(id)", "[class=\"b c\"]::attr(class)", "title::text",
            "meta[charset]::attr(charset)", "h1::text", "section ::attr(class)", "div::text", "div ::text", "b i::text",
            "body > div::attr(class)", "html::attr(lang)", "head title::text", "script::text", "main p ::text",
            "span ::attr(data-x)", "body::text", "nav > a::attr(href)", "custom-el ::text", "blockquote::text");

    private static ExtractionRules rules(List<String> selectors, ExtractionLimits limits) {
        List<FieldSpec> fields = new ArrayList<>();
        for (int i = 0; i < selectors.size(); i++) {
            fields.add(FieldSpec.of("f" + i + (i % 2 == 0 ? "[]" : ""), selectors.get(i)));
            fields.add(FieldSpec.of("g" + i + (i % 2 == 0 ? "" : "[]"), selectors.get(i)));
        }
        return new ExtractionRules(List.of(UrlRule.everyPage(fields)), limits);
    }

    @Test
    void generatedPagesGiveJsoupsValues() {
        Random random = new Random(7);
        List<ExtractionRules> ruleSets = new ArrayList<>(); // a plan holds 64 selector steps: 6 selectors per set
        for (int from = 0; from < SELECTORS.size(); from += 6) {
            List<String> some = SELECTORS.subList(from, Math.min(SELECTORS.size(), from + 6));
            ruleSets.add(rules(some, ExtractionLimits.DEFAULT));
            ruleSets.add(rules(some, new ExtractionLimits(40, 2)));
        }
        int streamed = 0;
        int pages = 4_000;
        for (int i = 0; i < pages; i++) {
            String html = PlainMarkupTest.PageGenerator.page(random);
            for (ExtractionRules r : ruleSets) {
                ExtractedFields plain = r.extractWithoutTree(html, "http://h/");
                if (plain != null) {
                    streamed++;
                    assertThat(plain.toJson()).as("page %d: %s", i, html)
                            .isEqualTo(r.extract(Jsoup.parse(html, "http://h/"), "http://h/").toJson());
                }
            }
        }
        System.out.printf("StreamedExtraction: %d of %d extractions without a tree, each equal to jsoup's%n", streamed,
                ruleSets.size() * pages);
        assertThat(streamed).isGreaterThan(ruleSets.size() * pages / 4);
    }

    @Test
    void nestedOwnTextComesMatchByMatchAsInJsoup() {
        String html = "<div>a<div>b</div>c</div><div>d</div>";
        ExtractionRules rules = rules(List.of("div::text"), ExtractionLimits.DEFAULT);
        ExtractedFields plain = rules.extractWithoutTree(html, "http://h/");
        assertThat(plain).isNotNull();
        assertThat(plain.values().get("f0")).isEqualTo(List.of("a", "c", "b", "d"));
        assertThat(plain.toJson()).isEqualTo(rules.extract(Jsoup.parse(html), "http://h/").toJson());
        // cut inside a reordered list: the cut would fall elsewhere in jsoup's order, so it is left to jsoup
        assertThat(rules(List.of("div::text"), new ExtractionLimits(100, 2)).extractWithoutTree(html, "http://h/")).isNull();
    }

    @Test
    void benchmarkLikePageIsReadWithoutATree() {
        String html = """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <title>Ororinan | Page 1</title>
                <meta name="description" content="findoralka ananan">
                <link rel="canonical" href="http://127.0.0.1:8088/sec03/page-1.html">
                <style>body{font-family:sans-serif}nav a{margin-right:1em}</style>
                </head>
                <body>
                <header id="top"><h1>Ororinan Dorsaelmar</h1>
                <nav><a href="../index.html">Home</a> <a href="/sec11/page-2.html">top</a></nav>
                </header>
                <main>
                <p>First <a href="../sec27/page-3.html">on</a> words &amp; more.</p>
                <h2 id="s3">Section</h2>
                <p>Second.</p>
                </main>
                <footer><p><a href="/index.html#top">Back to top</a></p><p>&copy; 2025 Example Corp.</p></footer>
                </body>
                </html>
                """;
        ExtractionRules rules = new ExtractionRules(List.of(UrlRule.everyPage(List.of(
                FieldSpec.of("heading", "h1::text"),
                FieldSpec.of("description", "meta[name=description]::attr(content)"),
                FieldSpec.of("nav[]", "nav a::attr(href)"),
                FieldSpec.of("words", "main p ::text")))), ExtractionLimits.DEFAULT);
        ExtractedFields plain = rules.extractWithoutTree(html, "http://h/");
        assertThat(plain).isNotNull();
        assertThat(plain.toJson()).isEqualTo("{\"heading\":\"Ororinan Dorsaelmar\",\"description\":\"findoralka ananan\","
                + "\"nav\":[\"../index.html\",\"/sec11/page-2.html\"],\"words\":\"First\"}");
        assertThat(plain.toJson()).isEqualTo(rules.extract(Jsoup.parse(html), "http://h/").toJson());
    }

    @Test
    void selectorsOutsideTheSubsetAreLeftToJsoup() {
        for (String selector : List.of("div::html", "div", "a::attr(abs:href)", "p:first-child::text", "a, b::text",
                "* ::text", "::text", "h1 + p::text", "p ~ p::text", "a[href^=http]::attr(href)")) {
            ExtractionRules rules = new ExtractionRules(List.of(UrlRule.everyPage(List.of(FieldSpec.of("x", selector)))),
                    ExtractionLimits.DEFAULT);
            assertThat(rules.extractWithoutTree("<p>plain</p>", "http://h/")).as(selector).isNull();
        }
    }
}
