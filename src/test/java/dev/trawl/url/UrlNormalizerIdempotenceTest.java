package dev.trawl.url;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Property: normalize(normalize(u)) equals normalize(u) for every input in the conformance corpora. */
class UrlNormalizerIdempotenceTest {
    private final UrlNormalizer normalizer = new UrlNormalizer();

    @Test
    void normalizingTwiceChangesNothing() {
        List<String> inputs = corpus();
        int canonical = 0;
        for (String input : inputs) {
            String once = normalizer.normalize(input);
            if (once != null) {
                canonical++;
                assertThat(normalizer.normalize(once)).as("normalize(normalize(%s))", input).isEqualTo(once);
            }
        }
        assertThat(canonical).as("inputs that normalise, of %d", inputs.size()).isGreaterThan(300);
    }

    /** Every input, base and expected href in the corpora, plus each WPT input resolved against its base. */
    private List<String> corpus() {
        List<String> urls = new ArrayList<>();
        for (JsonNode item : ConformanceData.read("normalization.json")) {
            urls.add(item.get("input").asText());
            addIfText(urls, item, "expected");
        }
        for (JsonNode item : ConformanceData.read("urltestdata.json")) {
            if (item.isObject()) {
                urls.add(item.get("input").asText());
                addIfText(urls, item, "base");
                addIfText(urls, item, "href");
                String base = ConformanceData.text(item, "base");
                if (base != null) {
                    String resolved = normalizer.resolve(base, item.get("input").asText());
                    if (resolved != null) {
                        urls.add(resolved);
                    }
                }
            }
        }
        return urls;
    }

    private static void addIfText(List<String> urls, JsonNode item, String field) {
        String value = ConformanceData.text(item, field);
        if (value != null) {
            urls.add(value);
        }
    }
}
