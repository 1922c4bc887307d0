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

    @Test
    void everySkipNamesACaseAndTheRestRan() {
        List<String> selectors = cases().map(a -> (String) a.get()[0]).toList();
        assertThat(selectors).hasSize(11).containsAll(SKIPPED.keySet());
        System.out.printf("selector conformance: %d cases, %d run, %d skipped%s%n", selectors.size(),
                selectors.size() - SKIPPED.size(), SKIPPED.size(), SKIPPED.isEmpty() ? "" : " " + SKIPPED);
    }
}
