package dev.trawl.url;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UrlsTest {
    @ParameterizedTest
    @CsvSource({
        "http://example.com:8080/a,      example.com,   http://example.com:8080",
        "https://example.com/,           example.com,   https://example.com",
        "http://127.0.0.1:8088/x?y=1,    127.0.0.1,     http://127.0.0.1:8088",
        "http://[::1]:8080/x,            [::1],         http://[::1]:8080",
        "http://[2001:db8::1]/,          [2001:db8::1], http://[2001:db8::1]",
        "https://xn--bcher-kva.de/?q=1,  xn--bcher-kva.de, https://xn--bcher-kva.de"})
    void splitsHostAndOriginOffCanonicalUrls(String url, String host, String origin) {
        assertThat(Urls.host(url)).isEqualTo(host);
        assertThat(Urls.origin(url)).isEqualTo(origin);
    }
}
