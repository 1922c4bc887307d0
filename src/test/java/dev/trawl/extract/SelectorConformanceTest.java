package dev.trawl.extract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every case of shared/conformance/selectors/parsel-css.json (Scrapy's parsel): the selector's values, compared as
 * that test's own helper does (each whitespace-stripped, empty ones dropped), must be Scrapy's.
 */
class SelectorConformanceTest {
    /** Cases not run, with the reason; a stale entry fails {@link #everySkipNamesACaseAndTheRestRan()}. */
    private static final Map<String, String> SKIPPED = Map.of();

    private static final JsonNode DATA = read();

    static JsonNode read() {
        String configured = System.getProperty("trawl.conformance");
        Path root = configured != null ? Path.of(configured) : Path.of("..", "shared", "conformance");
        try {
            return new ObjectMapper().readTree(Files.readString(root.resolve("selectors/parsel-css.json")));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the selector conformance data under " + root.toAbsolutePath(), e);
        }
    }

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (JsonNode c : DATA.get("cases")) {
            List<String> expected = new ArrayList<>();
            c.get("expected").forEach(v -> expected.add(v.asText()));
            cases.add(Arguments.of(c.get("selector").asText(), expected, c.get("source").asText()));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void givesScrapysValues(String selector, List<String> expected, String source) {
        Assumptions.assumeFalse(SKIPPED.containsKey(selector), () -> "skipped: " + SKIPPED.get(selector));
        Document doc = Jsoup.parse(DATA.get("html").asText());
        List<String> values = new ArrayList<>();
        SelectorValues.collect(FieldSelector.parse(selector), doc, value -> {
            values.add(value);
            return true;
        });
        List<String> compared = values.stream().map(String::strip).filter(v -> !v.isEmpty()).toList();
        assertThat(compared).as("%s (%s)", selector, source).isEqualTo(expected);
    }

    /** The same cases through extraction without a tree, where the selector is in its subset: the same values. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void withoutATreeGivesScrapysValuesOrLeavesTheSelectorToJsoup(String selector, List<String> expected, String source) {
        Assumptions.assumeFalse(SKIPPED.containsKey(selector), () -> "skipped: " + SKIPPED.get(selector));
        ExtractionRules rules = new ExtractionRules(List.of(UrlRule.everyPage(List.of(FieldSpec.of("v[]", selector)))),
                ExtractionLimits.DEFAULT);
        ExtractedFields streamed = rules.extractWithoutTree(plainVariant(DATA.get("html").asText()), "http://example.com/");
        if (streamed == null) {
            STREAMED.computeIfAbsent(false, k -> new ArrayList<>()).add(selector);
            return;
        }
        STREAMED.computeIfAbsent(true, k -> new ArrayList<>()).add(selector);
        @SuppressWarnings("unchecked")
        List<String> values = (List<String>) streamed.values().get("v");
        List<String> compared = values.stream().map(String::strip).filter(v -> !v.isEmpty()).toList();
        assertThat(compared).as("%s (%s), without a tree", selector, source).isEqualTo(expected);
    }

    /**
     * The cases' page with its fieldset moved from inside the p to after it: jsoup closes a p before a fieldset
     * anyway, so the tree keeps the same values, but the markup becomes plain enough to be read without a tree.
     */
    static String plainVariant(String html) {
        int from = html.indexOf("   <fieldset");
        int to = html.indexOf("</fieldset>") + "</fieldset>".length();
        String fieldset = html.substring(from, to);
        String without = html.substring(0, from) + html.substring(to);
        int p = without.indexOf(" </p>") + " </p>".length();
        return without.substring(0, p) + "\n" + fieldset + without.substring(p);
    }

    private static final Map<Boolean, List<String>> STREAMED = new java.util.concurrent.ConcurrentHashMap<>();

    @org.junit.jupiter.api.AfterAll
    static void sayWhichRanWithoutATree() {
        System.out.printf("selector conformance without a tree: %s read so, %s left to jsoup%n",
                STREAMED.getOrDefault(true, List.of()), STREAMED.getOrDefault(false, List.of()));
    }

    @Test
    void allButTheHasCaseAreReadWithoutATree() {
        List<String> declined = cases().map(a -> (String) a.get()[0]).filter(selector -> new ExtractionRules(
                List.of(UrlRule.everyPage(List.of(FieldSpec.of("v[]", selector)))), ExtractionLimits.DEFAULT)
                .extractWithoutTree(plainVariant(DATA.get("html").asText()), "http://example.com/") == null).toList();
        assertThat(declined).containsExactly("p:has(b)::text");
    }

    @Test
    void everySkipNamesACaseAndTheRestRan() {
        List<String> selectors = cases().map(a -> (String) a.get()[0]).toList();
        assertThat(selectors).hasSize(11).containsAll(SKIPPED.keySet());
        System.out.printf("selector conformance: %d cases, %d run, %d skipped%s%n", selectors.size(),
                selectors.size() - SKIPPED.size(), SKIPPED.size(), SKIPPED.isEmpty() ? "" : " " + SKIPPED);
    }
}
