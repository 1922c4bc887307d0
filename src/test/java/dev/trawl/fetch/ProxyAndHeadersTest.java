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

    /** site.test is a seed's host on 127.0.0.1; evil.test resolves to 127.0.0.2, an internal address of no seed. */
    private static HttpAnswer guarded(ProxySpec proxy, String url) throws Exception {
        Resolver dns = host -> new java.net.InetAddress[] {java.net.InetAddress.getByName(
                host.equals("site.test") ? "127.0.0.1" : host.equals("evil.test") ? "127.0.0.2" : "192.0.2.1")};
        try (var fetcher = new Fetcher(new FetchSettings("trawl-test", Duration.ofSeconds(5), 1 << 20, List.of(), proxy, false,
                Set.of("site.test"), dns, TestTls.client()))) {
            return fetcher.get(url, (s, t) -> true);
        }
    }

    @Test
    void withTheGuardOnTheProxyIsGivenTheCheckedAddressAndRefusedTargetsNeverReachIt() throws Exception {
        try (var socks = TestProxy.socks5(null, null);
             var http = TestProxy.http(null, null);
             var site = WireServer.start(ex -> ex.send(PAGE));
             var tlsSite = WireServer.startTls(ex -> ex.send(PAGE))) {
            var viaSocks = ProxySpec.parse("socks5://127.0.0.1:" + socks.port(), Map.of());
            var viaHttp = ProxySpec.parse("http://127.0.0.1:" + http.port(), Map.of());

            assertThat(body(guarded(viaSocks, "http://site.test:" + site.port() + "/"))).isEqualTo("proxied");
            assertThat(body(guarded(viaSocks, "https://site.test:" + tlsSite.port() + "/"))).isEqualTo("proxied");
            assertThat(socks.asked).as("SOCKS5 ATYP 1: the address checked here, not the name")
                    .containsExactly("[address] 127.0.0.1:" + site.port(), "[address] 127.0.0.1:" + tlsSite.port());
            assertThat(body(guarded(viaHttp, "https://site.test:" + tlsSite.port() + "/"))).as("TLS verifies site.test")
                    .isEqualTo("proxied");
            assertThat(body(guarded(viaHttp, "http://site.test:" + site.port() + "/"))).isEqualTo("proxied");
            assertThat(http.asked).containsExactly("CONNECT 127.0.0.1:" + tlsSite.port() + " HTTP/1.1",
                    "GET http://site.test:" + site.port() + "/ HTTP/1.1"); // absolute form: checked here, resolved there

            for (var proxy : List.of(viaSocks, viaHttp)) {
                for (String url : List.of("http://evil.test:" + site.port() + "/", "https://evil.test:" + tlsSite.port() + "/",
                        "http://127.0.0.2:" + site.port() + "/")) {
                    assertThat(Answered.error(guarded(proxy, url))).as("%s via %s", url, proxy.kind())
                            .isEqualTo(FetchError.PRIVATE_ADDRESS);
                }
            }
            assertThat(socks.connections.get()).as("refused targets never reached the proxy").isEqualTo(2);
            assertThat(http.connections.get()).isEqualTo(2);
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
