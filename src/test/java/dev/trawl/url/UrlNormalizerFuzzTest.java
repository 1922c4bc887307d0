package dev.trawl.url;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided fuzzing of URL normalization (Jazzer): a normal test run replays the stored inputs,
 * `JAZZER_FUZZ=1 mvn test -Dtest=UrlNormalizerFuzzTest` fuzzes. Whatever the page says, resolving an href never
 * throws, and what comes out is canonical: normalizing it again changes nothing, and it has a host.
 */
class UrlNormalizerFuzzTest {
    private final UrlNormalizer normalizer = new UrlNormalizer();

    @FuzzTest(maxDuration = "60s")
    void anyHrefResolvesToNothingOrToACanonicalUrl(FuzzedDataProvider data) {
        String base = data.pickValue(new String[] {"http://example.com/a/b.html?q=1", "https://xn--bcher-kva.example:8443/",
                "http://127.0.0.1:8088/sec01/page-1.html", "http://[::1]/dir/"});
        String href = data.consumeRemainingAsString();
        // resolve() would hide a bug behind its catch-all and return null: the fuzzer must see the exception
        String url = normalizer.resolveOrThrow(base, href);
        if (url == null) return;
        assertThat(normalizer.normalizeOrThrow(url)).as("normalize(resolve(%s, %s))", base, href).isEqualTo(url);
        assertThat(Urls.host(url)).as("host of %s", url).isNotEmpty();
    }
}
