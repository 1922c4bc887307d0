package dev.trawl.url;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * normalization.json: crawler-commons' normalisation cases, all of them, with options. They say when two URLs are
 * the same page, so they hold the de-duplication key: {@link DedupKey} of the request form must give
 * {@code expected}. Cases marked
 * crawler_commons_1_6 must give {@code expected} (we are not 1.6). Where trawl's contract differs on purpose (only
 * absolute http(s) URLs with a host are accepted) the case still runs, expecting null; {@link #CONTRACT} says why.
 */
class UrlNormalizerConformanceTest {
    private static final String NOT_HTTP = "trawl accepts only http and https; other schemes give null by contract";
    private static final String NO_HOST = "an http URL without a host is invalid (WHATWG fails it too); crawler-commons"
            + " turns it into 'http:/'";
    private static final String NO_SCHEME = "normalize takes absolute URLs only; crawler-commons guesses http:// for a "
            + "scheme-less input, but trawl's callers resolve hrefs against their page instead";

    /** Inputs whose answer trawl changes to null, and why. */
    static final Map<String, String> CONTRACT = Map.of(
            "file:///foo/bar.txt", NOT_HTTP,
            "ftp:/", NOT_HTTP,
            "ftp://foo.com/index.html", NOT_HTTP,
            "file:/path/index.html", NOT_HTTP,
            "file:/var/www/html/////./bar/index.html", NOT_HTTP,
            "file:/var/www/html/foo/../bar/index.html", NOT_HTTP,
            "http:////", NO_HOST,
            "http:///////", NO_HOST,
            "foo.com/index.html", NO_SCHEME);

    private static final Set<String> CHANGED = new HashSet<>();

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (JsonNode item : ConformanceData.read("normalization.json")) {
            cases.add(Arguments.of(ConformanceData.text(item, "source"), ConformanceData.text(item, "input"),
                    ConformanceData.text(item, "expected"), item.path("options")));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{1} <- {0}")
    @MethodSource("cases")
    void normalizesAsCrawlerCommonsDoes(String source, String input, String expected, JsonNode options) {
        String wanted = expected;
        if (CONTRACT.containsKey(input)) {
            CHANGED.add(input);
            wanted = null;
        }
        String request = normalizer(options).normalize(input);
        String key = request == null ? null : dedupKey(options).key(request);
        assertThat(key).as("%s (%s)", input, source).isEqualTo(wanted);
    }

    @AfterAll
    static void printSummary() {
        System.out.printf("normalization.json: all cases run; %d expect null instead by trawl's contract: %s%n",
                CHANGED.size(), CONTRACT);
    }

    static UrlNormalizer normalizer(JsonNode options) {
        return new UrlNormalizer(IdnMode.valueOf(options.path("idn_normalization").asText("PUNYCODE")));
    }

    /** The options' session parameters, else none: crawler-commons removes none by default. */
    static DedupKey dedupKey(JsonNode options) {
        Set<String> remove = new HashSet<>();
        options.path("query_params_to_remove").forEach(name -> remove.add(name.asText()));
        return new DedupKey(new SessionParams(remove, List.of()));
    }
}
