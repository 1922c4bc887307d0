package dev.trawl.url;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The de-duplication key: request form plus the aggressive rules, which never reach the wire. */
class DedupKeyTest {
    private final UrlNormalizer normalizer = new UrlNormalizer();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        // merged slashes
        "https://web.archive.org/web/2022/http://www.netlib.org/fp/dtoa.c | https://web.archive.org/web/2022/http:/www.netlib.org/fp/dtoa.c",
        "http://example.com//a///b//                 | http://example.com/a/b/",
        // sorted query, empty parameters dropped, "b=" as "b"
        "http://example.com/s?z=1&a=2                | http://example.com/s?a=2&z=1",
        "http://example.com/s?b=&&a=1&               | http://example.com/s?a=1&b",
        "http://example.com/s?                       | http://example.com/s",
        // session ids, any case, in the query and as path parameters
        "http://example.com/p?sid=123&page=2         | http://example.com/p?page=2",
        "http://example.com/p?PHPSESSID=abc          | http://example.com/p",
        "http://example.com/p?jsessionid=1&sessionid=2&session_id=3&cfid=4&cftoken=5&q | http://example.com/p?q",
        "http://example.com/p?ASPSESSIONIDQQGGQGPC=x&a=1 | http://example.com/p?a=1",
        "http://example.com/cart;jsessionid=0A1B2C?x=1 | http://example.com/cart?x=1",
        "http://example.com/a;jsessionid=0A/b;v=2    | http://example.com/a/b;v=2",
        "http://example.com/a;x=1;JSESSIONID=Z       | http://example.com/a;x=1",
        // what is not a session id stays
        "http://example.com/p?sidebar=1&ssid=2       | http://example.com/p?sidebar=1&ssid=2",
        "http://example.com/plain/path.html          | http://example.com/plain/path.html"})
    void keyAppliesTheAggressiveRules(String input, String expected) {
        assertThat(DedupKey.of(normalizer.normalize(input))).isEqualTo(expected);
    }

    @Test
    void aSessionIdTrapIsOneKey() {
        String first = DedupKey.of(normalizer.normalize("http://example.com/page?sid=a1b2&id=7"));
        String second = DedupKey.of(normalizer.normalize("http://example.com/page?id=7&sid=ffff"));
        assertThat(first).isEqualTo(second).isEqualTo("http://example.com/page?id=7");
    }

    @Test
    void keyOfAKeyIsItself() {
        for (String url : new String[] {"http://e.com//a?b=1&a=&sid=3", "http://e.com/x;jsessionid=1//y?",
                "https://e.com/", "http://e.com/a?&&"}) {
            String key = DedupKey.of(normalizer.normalize(url));
            assertThat(DedupKey.of(normalizer.normalize(key))).as(url).isEqualTo(key);
        }
    }

    @Test
    void plainUrlsAreTheirOwnKeyWithoutACopy() {
        String url = "http://example.com/a/b.html";
        assertThat(DedupKey.of(url)).isSameAs(url);
    }
}
