package dev.trawl.url;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The WHATWG URL tests (urltestdata.json), http(s) subset selected as crawler-commons' WptUrlNormalizationTest
 * selects it: base http(s) or absent, input an absolute http(s) URL or a relative reference (with a base), and no
 * "relativeTo: non-opaque-path-base" cases.
 *
 * <p>How a case is judged: a failure case passes when resolve returns null. A success case passes when
 * resolve(base, input) equals normalize(href): the expected href goes through our own normaliser because the
 * canonical form deliberately differs from a WHATWG href (no userinfo, no fragment, sorted query, decoded
 * unreserved escapes, collapsed "//"), and those differences are tested by the normalisation cases, not here.
 * What this checks is that we parse and resolve like a browser. Cases we knowingly get wrong are in
 * {@link WptSkips} with a reason each.
 */
class WptUrlConformanceTest {
    private static final UrlNormalizer NORMALIZER = new UrlNormalizer();
    private static final Set<String> CC_DIVERGENCES = ccDivergences();
    private static final Map<String, Integer> SKIP_REASONS = new TreeMap<>();
    private static final List<String> PASSED_CC_DIVERGENCES = new ArrayList<>();
    private static int run;

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (JsonNode entry : ConformanceData.read("urltestdata.json")) {
            if (entry.isObject() && isHttpSubset(entry)) {
                String input = entry.get("input").asText();
                String base = ConformanceData.text(entry, "base");
                String href = entry.path("failure").asBoolean() ? null : entry.get("href").asText();
                cases.add(Arguments.of(key(input, base), input, base, href));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void resolvesLikeABrowser(String key, String input, String base, String href) {
        String reason = WptSkips.REASONS.get(key);
        if (reason != null) {
            SKIP_REASONS.merge(reason, 1, Integer::sum);
            Assumptions.abort(reason);
        }
        run++;
        String actual = base == null ? NORMALIZER.normalize(input) : NORMALIZER.resolve(base, input);
        if (href == null) {
            assertThat(actual).as("must be rejected: %s", key).isNull();
        } else {
            String expected = NORMALIZER.normalize(href);
            assertThat(expected).as("expected href %s must itself normalise", href).isNotNull();
            assertThat(actual).as(key).isEqualTo(expected);
        }
        if (CC_DIVERGENCES.contains(key)) {
            PASSED_CC_DIVERGENCES.add(key);
        }
    }

    @AfterAll
    static void printSummary() {
        int skipped = SKIP_REASONS.values().stream().mapToInt(Integer::intValue).sum();
        System.out.printf("WPT http(s) subset: %d run, %d skipped: %s%n", run, skipped, SKIP_REASONS);
        System.out.printf("WPT: %d of the %d crawler-commons divergence cases run and pass here%n",
                PASSED_CC_DIVERGENCES.size(), CC_DIVERGENCES.size());
    }

    static String key(String input, String base) {
        return input + " || " + (base == null ? "" : base);
    }

    private static boolean isHttpSubset(JsonNode entry) {
        if ("non-opaque-path-base".equals(ConformanceData.text(entry, "relativeTo"))) {
            return false;
        }
        String base = ConformanceData.text(entry, "base");
        if (base != null && !isHttp(scheme(base))) {
            return false;
        }
        String inputScheme = scheme(entry.get("input").asText());
        return inputScheme != null ? isHttp(inputScheme) : base != null;
    }

    private static boolean isHttp(String scheme) {
        return "http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme);
    }

    /** The scheme of an absolute reference after leading C0/space, or null for a relative one. */
    private static String scheme(String ref) {
        int start = 0;
        while (start < ref.length() && ref.charAt(start) <= ' ') {
            start++;
        }
        String trimmed = ref.substring(start);
        int colon = UrlText.schemeEnd(trimmed);
        return colon < 0 ? null : trimmed.substring(0, colon);
    }

    private static Set<String> ccDivergences() {
        Set<String> keys = new HashSet<>();
        for (JsonNode item : ConformanceData.read("crawler-commons-wpt-divergences.json")) {
            keys.add(key(item.get("input").asText(), ConformanceData.text(item, "base")));
        }
        return keys;
    }
}
