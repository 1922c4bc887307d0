package dev.trawl.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** --proxy (HTTP with CONNECT, SOCKS5; credentials from the URL or the environment) and --header, on real sockets. */
class ProxyAndHeadersTest {
    private static final String PAGE = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 7\r\n\r\nproxied";

    private static HttpAnswer get(ProxySpec proxy, List<String> headers, String url) throws Exception {
        try (var fetcher = new Fetcher(new FetchSettings("trawl-test", Duration.ofSeconds(5), 1 << 20, headers, proxy, true,
                Set.of(), Resolver.SYSTEM, TestTls.client()))) {
            return fetcher.get(url, (s, t) -> true);
        }
    }

    private static String body(HttpAnswer answer) {
        assertThat(answer).as("%s", answer).isInstanceOf(HttpAnswer.Response.class);
        return new String(((HttpAnswer.Response) answer).body(), StandardCharsets.UTF_8);
    }

    @Test
    void httpProxyForwardsHttpAndTunnelsHttpsWithTheCredentialsOfTheUrl() throws Exception {
        try (var proxy = TestProxy.http("crawler", "s3cret:!");
             var site = WireServer.start(ex -> ex.send(PAGE));
             var tlsSite = WireServer.startTls(ex -> ex.send(PAGE))) {
            var spec = ProxySpec.parse("http://crawler:s3cret%3A%21@127.0.0.1:" + proxy.port(), Map.of());
            assertThat(body(get(spec, List.of(), site.url("/plain?x=1")))).isEqualTo("proxied");
            assertThat(body(get(spec, List.of(), tlsSite.url("/secure")))).isEqualTo("proxied");
            assertThat(proxy.asked).containsExactly("GET " + site.url("/plain?x=1") + " HTTP/1.1",
                    "CONNECT 127.0.0.1:" + tlsSite.port() + " HTTP/1.1");
            assertThat(site.heads().getFirst()).startsWith("GET /plain HTTP/1.1\r\n");

            var wrong = ProxySpec.parse("http://127.0.0.1:" + proxy.port(), Map.of("TRAWL_PROXY_USER", "crawler", "TRAWL_PROXY_PASSWORD", "nope"));
            assertThat(((HttpAnswer.Response) get(wrong, List.of(), site.url("/"))).status()).isEqualTo(407);
            var failure = get(wrong, List.of(), tlsSite.url("/"));
            assertThat(((HttpAnswer.Failure) failure).error()).isEqualTo(FetchError.CONNECT);
        }
    }

    @Test
    void socks5ProxyConnectsByNameWithCredentialsFromTheEnvironment() throws Exception {
        try (var proxy = TestProxy.socks5("crawler", "pw");
             var site = WireServer.start(ex -> ex.send(PAGE));
             var tlsSite = WireServer.startTls(ex -> ex.send(PAGE))) {
            var spec = ProxySpec.parse("socks5://127.0.0.1:" + proxy.port(), Map.of("TRAWL_PROXY_USER", "crawler", "TRAWL_PROXY_PASSWORD", "pw"));
            assertThat(body(get(spec, List.of(), site.url("/")))).isEqualTo("proxied");
            assertThat(body(get(spec, List.of(), tlsSite.url("/")))).isEqualTo("proxied");
            assertThat(proxy.asked).containsExactly("127.0.0.1:" + site.port(), "127.0.0.1:" + tlsSite.port());

            var wrong = ProxySpec.parse("socks5://crawler:bad@127.0.0.1:" + proxy.port(), Map.of());
            assertThat(((HttpAnswer.Failure) get(wrong, List.of(), site.url("/"))).error()).isEqualTo(FetchError.CONNECT);
        }
    }

    @Test
    void extraHeadersAreSentOnEveryRequestAndMayReplaceAccept() throws Exception {
        try (var site = WireServer.start(ex -> ex.send(PAGE))) {
            body(get(null, List.of("X-Crawl-Run: 42", "Accept: text/html", "Cookie: a=b; c=d"), site.url("/")));
            String head = site.heads().getFirst();
            assertThat(head).contains("\r\nX-Crawl-Run: 42\r\n", "\r\nAccept: text/html\r\n", "\r\nCookie: a=b; c=d\r\n");
            assertThat(head.split("\r\nAccept:", -1)).as("one Accept").hasSize(2);
        }
    }

    @Test
    void badHeadersAndProxyUrlsAreRefusedWithAOneLineReason() {
        for (String bad : List.of("NoColon", ": empty name", "Bad Name: x", "X-Split: a\r\nInjected: b", "X-Nul: a\u0000b",
                "Host: evil.example", "user-agent: other", "Transfer-Encoding: chunked")) {
            assertThatThrownBy(() -> FetchSettings.checkHeader(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .message().doesNotContain("\n");
        }
        for (String bad : List.of("ftp://proxy:21", "proxy:8080", "http://proxy:8080/path", "http://", "socks4://proxy")) {
            assertThatThrownBy(() -> ProxySpec.parse(bad, Map.of())).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(ProxySpec.parse("http://proxy.example", Map.of())).isEqualTo(new ProxySpec(ProxySpec.Kind.HTTP, "proxy.example", 8080, null, null));
    }
}
