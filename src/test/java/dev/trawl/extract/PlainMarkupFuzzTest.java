package dev.trawl.extract;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;
import org.jsoup.Jsoup;

/**
 * Coverage-guided fuzzing of the tree-less reading (Jazzer): a normal test run replays the stored inputs,
 * `JAZZER_FUZZ=1 mvn test -Dtest=PlainMarkupFuzzTest` fuzzes. Whatever the page, {@link PlainMarkup} either declines
 * it or tells jsoup's tree, and extraction without a tree either declines or gives jsoup's fields.
 */
class PlainMarkupFuzzTest {
    private static final ExtractionRules RULES = new ExtractionRules(List.of(UrlRule.everyPage(List.of(
            FieldSpec.of("a[]", "div a::attr(href)"), FieldSpec.of("t", "p::text"), FieldSpec.of("d[]", "div ::text"),
            FieldSpec.of("c[]", ".x > span::attr(id)"), FieldSpec.of("h", "h1::text")))), new ExtractionLimits(200, 5));

    @FuzzTest(maxDuration = "60s")
    void anyPageIsDeclinedOrReadAsJsoupReadsIt(FuzzedDataProvider data) {
        String html = data.consumeRemainingAsString();
        String tree = PlainMarkupTest.plainTree(html);
        if (tree != null) assertThat(tree).as(html).isEqualTo(PlainMarkupTest.jsoupTree(html));
        ExtractedFields fields = RULES.extractWithoutTree(html, "http://h/");
        if (fields != null) {
            assertThat(fields.toJson()).as(html).isEqualTo(RULES.extract(Jsoup.parse(html, "http://h/"), "http://h/").toJson());
        }
    }
}
