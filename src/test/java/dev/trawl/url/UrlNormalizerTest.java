package dev.trawl.url;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UrlNormalizerTest {
    private static final String PAGE = "http://127.0.0.1:8088/dir/page.html";
    private final UrlNormalizer normalizer = new UrlNormalizer();

    @ParameterizedTest
    @ValueSource(strings = {"mailto:me@example.com", "javascript:void(0)", "JavaScript:alert(1)", "tel:+4412345",
        "data:text/html,hi", "ftp://example.com/file", "file:///etc/passwd", "about:blank", "ws://example.com/"})
    void rejectsNonHttpSchemesSilently(String href) {
        assertThat(normalizer.normalize(href)).isNull();
        assertThat(normalizer.resolve(PAGE, href)).isNull();
    }

    @ParameterizedTest
    @CsvSource({
        "http://example.com/a#frag,             http://example.com/a",
        "http://example.com/a?x=1#frag?y,       http://example.com/a?x=1",
        "http://example.com/#,                  http://example.com/",
        "http://example.com#top,                http://example.com/"})
    void dropsFragments(String input, String expected) {
        assertThat(normalizer.normalize(input)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
        "http://example.com:80/,         http://example.com/",
        "https://example.com:443/,       https://example.com/",
        "http://example.com:443/,        http://example.com:443/",
        "https://example.com:80/,        https://example.com:80/",
        "http://example.com:08080/,      http://example.com:8080/",
        "http://[::1]:80/,               http://[::1]/"})
    void dropsOnlyTheSchemesDefaultPort(String input, String expected) {
        assertThat(normalizer.normalize(input)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "../foo/bar.html?x=1#frag    | http://127.0.0.1:8088/foo/bar.html?x=1",
        "other.html                  | http://127.0.0.1:8088/dir/other.html",
        "./                          | http://127.0.0.1:8088/dir/",
        "/abs/path                   | http://127.0.0.1:8088/abs/path",
        "//cdn.example.com/lib.js    | http://cdn.example.com/lib.js",
        "?q=2                        | http://127.0.0.1:8088/dir/page.html?q=2",
        "#section                    | http://127.0.0.1:8088/dir/page.html",
        "https://Example.COM/        | https://example.com/",
        "http:sibling.html           | http://127.0.0.1:8088/dir/sibling.html",
        "'  \t/a\n/b.html \n'        | http://127.0.0.1:8088/a/b.html",
        "\\\\host\\x                 | http://host/x",
        "../../../../up              | http://127.0.0.1:8088/up"})
    void resolvesHrefsAsABrowserDoes(String href, String expected) {
        assertThat(normalizer.resolve(PAGE, href)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "http://example.com/docs/ | guide.html      | http://example.com/docs/guide.html",
        "http://example.com/docs  | guide.html      | http://example.com/guide.html",
        "https://cdn.example.com/ | /x/../y.png     | https://cdn.example.com/y.png",
        "HTTP://Example.com:80/a/ | b?z=1&a=2       | http://example.com/a/b?z=1&a=2"})
    void resolvesAgainstABaseElementHref(String base, String href, String expected) {
        assertThat(normalizer.resolve(base, href)).isEqualTo(expected);
    }

    /**
     * The request form keeps what can change the resource as written (issue 10, item 8): empty path segments, the
     * query's order, empty parameters and session ids. Only RFC 3986 section 6.2.2 and scheme-based rules apply.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "https://web.archive.org/web/2022/http://www.netlib.org/fp/dtoa.c | https://web.archive.org/web/2022/http://www.netlib.org/fp/dtoa.c",
        "http://example.com//a//b/                 | http://example.com//a//b/",
        "http://example.com/a/b//..                | http://example.com/a/b/",
        "http://example.com/s?z=1&a=2              | http://example.com/s?z=1&a=2",
        "http://example.com/s?a=&&b                | http://example.com/s?a=&&b",
        "http://example.com/s?                     | http://example.com/s?",
        "http://example.com/p;jsessionid=AB?sid=1  | http://example.com/p;jsessionid=AB?sid=1",
        "HTTP://EXAMPLE.com:80/%7e%41/%2f?%7E=%3d  | http://example.com/~A/%2F?~=%3D",
        "http://example.com/a/./b/../c             | http://example.com/a/c",
        "https://example.com:443                   | https://example.com/"})
    void requestFormKeepsWhatTheServerMayRead(String input, String expected) {
        assertThat(normalizer.normalize(input)).isEqualTo(expected);
    }

    @Test
    void aRelativeLinkUnderADoubleSlashPathKeepsIt() {
        String base = "https://web.archive.org/web/20220101/http://www.netlib.org/fp/index.html";
        assertThat(normalizer.resolve(base, "dtoa.c"))
                .isEqualTo("https://web.archive.org/web/20220101/http://www.netlib.org/fp/dtoa.c");
    }

    /**
     * The public methods catch everything (a bug must cost one link, not the crawl), so "never throws" is checked
     * through the methods without that net; and what comes out is null or canonical.
     */
    @Test
    void neverThrowsOnBadInput() {
        String[] inputs = {null, "", " ", ":", "http:", "http://", "http://[", "http://%", "http://a:99999/",
            "http://\uD800/", "http://x/\uDC00", "//", "?", "http://a/%", "http://0x100000000/", "http://[::1",
            "http://a/\u0000\u001b", "http://a/b?%zz=&&=x#", "http://1.2.3.4.5/", "http://xn--/", "\\\\a\\b"};
        for (String input : inputs) {
            for (String out : new String[] {normalizer.normalizeOrThrow(input), normalizer.resolveOrThrow(PAGE, input),
                    normalizer.resolveOrThrow(input, "x")}) {
                if (out != null) assertThat(normalizer.normalizeOrThrow(out)).as("canonical from %s", input).isEqualTo(out);
            }
        }
        assertThat(normalizer.normalizeOrThrow("http://a:99999/")).as("port out of range").isNull();
        assertThat(normalizer.normalizeOrThrow("http://[")).isNull();
        assertThat(normalizer.normalizeOrThrow("http://a/%")).isEqualTo("http://a/%25");
        assertThat(normalizer.resolveOrThrow(null, "x")).isNull();
        assertThat(normalizer.resolveOrThrow("not a url", "x")).isNull();
    }

    @Test
    void returnsCanonicalInputUnchangedInValue() {
        String canonical = "https://www.example.com/a/b.html?a=1&b=2";
        assertThat(normalizer.normalize(canonical)).isEqualTo(canonical);
    }
}
