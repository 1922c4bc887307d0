package dev.trawl.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

class ExtractionRulesTest {
    private static final String PAGE = """
            <html><head><title>Shoes</title>
            <script type="application/ld+json">{"@type": "Product", "name": "Runner"}</script></head>
            <body>
            <h1>  Runner <small>2024</small> </h1>
            <div class="card" id="c1"><p>One <b>bold</b></p></div>
            <div class="card" id="c2"><p>Two</p></div>
            <a href="/a" rel="next">next</a> <a href="/b">b</a> <a name="anchor">no href</a>
            </body></html>""";

    private static ExtractionRules cli(String... options) {
        return ExtractionRules.of(Arrays.stream(options).map(FieldSpec::parse).toList(), List.of());
    }

    private static Document page() {
        return Jsoup.parse(PAGE, "https://shop.example/item/1");
    }

    @Test
    void aSingleFieldKeepsTheFirstValueAndAListFieldEveryValueInDocumentOrder() {
        ExtractedFields fields = cli("title=h1::text", "words[]=h1 ::text", "hrefs[]=a::attr(href)",
                "first-href=a::attr(href)").extract(page(), "https://shop.example/item/1");

        assertThat(fields.values()).containsExactly(
                Map.entry("title", "Runner"),
                Map.entry("words", List.of("Runner", "2024")),
                Map.entry("hrefs", List.of("/a", "/b")),
                Map.entry("first-href", "/a"));
        assertThat(fields.truncated()).isEmpty();
    }

    @Test
    void nothingMatchedIsNullForASingleFieldAndEmptyForAList() {
        ExtractedFields fields = cli("price=.price::text", "tags[]=.tag::text").extract(page(), "u");

        assertThat(fields.values()).containsEntry("price", null).containsEntry("tags", List.of());
        assertThat(fields.toJson()).isEqualTo("{\"price\":null,\"tags\":[]}");
    }

    @Test
    void htmlIsTheElementsOwnMarkupOuterWithoutPseudoElementInnerWithHtml() {
        Document doc = page();
        boolean prettyBefore = doc.outputSettings().prettyPrint();

        ExtractedFields fields = cli("card=div.card", "inner=div.card::html", "cards[]=.card::attr(id)").extract(doc, "u");

        assertThat(fields.values()).containsEntry("card", "<div class=\"card\" id=\"c1\"><p>One <b>bold</b></p></div>")
                .containsEntry("inner", "<p>One <b>bold</b></p>")
                .containsEntry("cards", List.of("c1", "c2"));
        assertThat(doc.outputSettings().prettyPrint()).as("the caller's settings are left alone").isEqualTo(prettyBefore);
    }

    @Test
    void scriptContentIsTextAsScrapySeesIt() {
        ExtractedFields fields = cli("ld=script[type=application/ld+json]::text").extract(page(), "u");

        assertThat(fields.values()).containsEntry("ld", "{\"@type\": \"Product\", \"name\": \"Runner\"}");
    }

    @Test
    void nestedMatchesGiveEachTextOnce() {
        Document doc = Jsoup.parse("<div id=1>a<div id=2>b<div id=3>c</div></div></div><div id=4>d</div>");

        ExtractedFields fields = cli("text[]=div ::text", "ids[]=div ::attr(id)").extract(doc, "u");

        assertThat(fields.values()).containsEntry("text", List.of("a", "b", "c", "d"))
                .containsEntry("ids", List.of("1", "2", "3", "4"));
    }

    @Test
    void rulesApplyByUrlPatternAndTheFirstDefinitionOfANameWins() {
        UrlRule items = new UrlRule(Pattern.compile("/item/"),
                List.of(FieldSpec.parse("title=h1::text"), FieldSpec.parse("kind=title::text")));
        UrlRule everything = new UrlRule(Pattern.compile("^https://shop\\.example/"),
                List.of(FieldSpec.parse("title=title::text"), FieldSpec.parse("links[]=a::attr(href)")));
        ExtractionRules rules = ExtractionRules.of(List.of(FieldSpec.parse("kind=a::text")), List.of(items, everything));

        ExtractedFields item = rules.extract(page(), "https://shop.example/item/1");
        ExtractedFields other = rules.extract(page(), "https://shop.example/about");
        ExtractedFields elsewhere = rules.extract(page(), "https://elsewhere.example/item/1");

        assertThat(item.values()).containsExactly(Map.entry("kind", "next"), Map.entry("title", "Runner"),
                Map.entry("links", List.of("/a", "/b")));
        assertThat(other.values()).containsExactly(Map.entry("kind", "next"), Map.entry("title", "Shoes"),
                Map.entry("links", List.of("/a", "/b")));
        assertThat(elsewhere.values()).containsOnlyKeys("kind", "title");
        assertThat(rules.fieldNames()).containsExactly("kind", "title", "links");
    }

    @Test
    void appliesToOnlyPagesSomeRuleMatches() {
        ExtractionRules rules = ExtractionRules.of(List.of(),
                List.of(new UrlRule(Pattern.compile("/item/"), List.of(FieldSpec.parse("t=h1")))));

        assertThat(rules.appliesTo("https://shop.example/item/1")).isTrue();
        assertThat(rules.appliesTo("https://shop.example/cart")).isFalse();
        assertThat(rules.extract(page(), "https://shop.example/cart")).isSameAs(ExtractedFields.NONE);
        assertThat(ExtractionRules.NONE.appliesTo("https://shop.example/item/1")).isFalse();
        assertThat(cli("t=h1").appliesTo("anything")).isTrue();
    }

    @Test
    void aPageOfManyValuesIsCutAtTheValueBoundAndTheCutIsRecorded() {
        Document doc = Jsoup.parse("<a href=x>l</a>".repeat(1500));

        ExtractedFields fields = cli("links[]=a::attr(href)", "first=a::attr(href)").extract(doc, "u");

        assertThat((List<?>) fields.values().get("links")).hasSize(ExtractionLimits.DEFAULT.maxValuesPerField());
        assertThat(fields.values()).containsEntry("first", "x");
        assertThat(fields.truncated()).containsExactly("links");
        assertThat(fields.toJson()).endsWith(",\"first\":\"x\",\"_truncated\":[\"links\"]}");
    }

    @Test
    void aPageOfLongValuesIsCutAtTheCharBoundLaterFieldsGetNothing() {
        int max = ExtractionLimits.DEFAULT.maxCharsPerPage();
        Document doc = Jsoup.parse("<p>" + "x".repeat(max - 10) + "</p><p>" + "y".repeat(100) + "</p><h1>t</h1>");

        ExtractedFields fields = cli("p[]=p::text", "h=h1::text").extract(doc, "u");

        @SuppressWarnings("unchecked")
        List<String> ps = (List<String>) fields.values().get("p");
        assertThat(ps).hasSize(2);
        assertThat(ps.get(1)).isEqualTo("y".repeat(10));
        assertThat(fields.values()).containsEntry("h", null);
        assertThat(fields.truncated()).containsExactly("p", "h");
    }

    @Test
    void aCutNeverSplitsASurrogatePair() {
        ExtractionRules rules = new ExtractionRules(
                List.of(UrlRule.everyPage(List.of(FieldSpec.parse("t=p::text")))), new ExtractionLimits(4, 10));

        ExtractedFields fields = rules.extract(Jsoup.parse("<p>abc\uD83D\uDE00d</p>"), "u");

        assertThat(fields.values()).containsEntry("t", "abc");
        assertThat(fields.truncated()).containsExactly("t");
    }

    @Test
    void oneRulesObjectIsSharedByParallelThreadsWithTheSameResults() throws Exception {
        ExtractionRules rules = cli("title=h1::text", "cards[]=div.card:has(b)::attr(id)", "words[]=body ::text");
        String expected = rules.extract(page(), "u").toJson();
        Map<String, Integer> seen = new HashMap<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                results.add(pool.submit(() -> rules.extract(page(), "u").toJson()));
            }
            for (Future<String> result : results) {
                seen.merge(result.get(), 1, Integer::sum);
            }
        }
        assertThat(seen).containsOnlyKeys(expected);
        assertThat(expected).contains("\"cards\":[\"c1\"]");
    }
}
