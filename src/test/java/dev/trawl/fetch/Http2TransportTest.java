package dev.trawl.fetch;

import static dev.trawl.fetch.Answered.body;
import static dev.trawl.fetch.Answered.error;
import static dev.trawl.fetch.Answered.response;
import static org.assertj.core.api.Assertions.assertThat;

import dev.trawl.memory.MemoryBudget;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPOutputStream;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * --http2 against a real HTTP/2 server over TLS (Jetty's, ALPN): the answer is the same HttpAnswer as over HTTP/1.1,
 * and the transport's guarantees hold on this path too (the https cases of TransportHostileTest that apply to it):
 * the deadline on a stalled body and on DNS, the SSRF guard before any connection, body limits, the memory claim,
 * cleaned headers, trawl's own decoding.
 */
class Http2TransportTest {
    private static final byte[] PAGE = "<html><title>over h2</title><a href=/next>next</a></html>".getBytes(StandardCharsets.UTF_8);
    private final List<Fetcher> fetchers = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() {
        fetchers.forEach(Fetcher::close);
    }

    private Fetcher fetcher(Duration timeout, long maxBody, boolean allowPrivate, Resolver resolver) throws Exception {
        var f = new Fetcher(new FetchSettings("trawl-test", timeout, maxBody, List.of("X-Run: 7"), null, allowPrivate,
                Set.of("127.0.0.1"), resolver, TestTls.client(), true));
        fetchers.add(f);
        return f;
    }

    private Fetcher fetcher() throws Exception {
        return fetcher(Duration.ofSeconds(5), 1 << 20, true, Resolver.SYSTEM);
    }

    private static HttpAnswer get(Fetcher fetcher, String url) throws InterruptedException {
        return fetcher.get(url, (status, type) -> true);
    }

    private static void send(Response response, int status, String type, byte[] body, Callback callback) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    @Test
    void aPageOverHttp2IsTheSameAnswerAsOverHttp11() throws Exception {
        var seen = new CopyOnWriteArrayList<String>();
        try (var server = new H2Server((request, response, callback) -> {
            seen.add(request.getHeaders().get("X-Run") + " " + request.getHeaders().get(HttpHeader.USER_AGENT)
                    + " " + request.getHeaders().get(HttpHeader.ACCEPT_ENCODING));
            response.getHeaders().put(HttpHeader.LOCATION, "/elsewhere");
            send(response, 301, "text/html; charset=utf-8", PAGE, callback);
        })) {
            var answer = response(get(fetcher(), server.url("/moved")));
            assertThat(answer.status()).isEqualTo(301);
            assertThat(answer.statusLine()).isEqualTo("HTTP/2.0 301");
            assertThat(answer.contentType()).isEqualTo("text/html; charset=utf-8");
            assertThat(answer.location()).isEqualTo("/elsewhere");
            assertThat(answer.isRedirect()).as("not followed by the client").isTrue();
            assertThat(new String(answer.body(), StandardCharsets.UTF_8)).isEqualTo(new String(PAGE, StandardCharsets.UTF_8));
            assertThat(answer.headers()).contains(new Header("location", "/elsewhere")); // HTTP/2 names are lower case
            assertThat(server.protocols).containsExactly("HTTP/2.0");
            assertThat(seen).containsExactly("7 trawl-test gzip, deflate");
        }
    }

    @Test
    void aServerWithoutHttp2IsSpokenToInHttp11() throws Exception {
        try (var server = WireServer.startTls(ex -> ex.send(
                "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 5\r\n\r\nhello"))) {
            var answer = response(get(fetcher(), server.url("/")));
            assertThat(answer.statusLine()).isEqualTo("HTTP/1.1 200 OK");
            assertThat(body(answer)).isEqualTo("hello");
        }
    }

    @Test
    void aStalledBodyEndsAtTheDeadline() throws Exception {
        try (var server = new H2Server((request, response, callback) -> {
            response.setStatus(200);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/html");
            response.write(false, ByteBuffer.wrap("<html>".getBytes(StandardCharsets.UTF_8)), Callback.NOOP);
            // never finished: the body stalls
        })) {
            long start = System.nanoTime();
            assertThat(error(get(fetcher(Duration.ofMillis(700), 1 << 20, true, Resolver.SYSTEM), server.url("/stall"))))
                    .isEqualTo(FetchError.TIMEOUT);
            long tookMillis = (System.nanoTime() - start) / 1_000_000;
            assertThat(tookMillis).isBetween(650L, 2_500L);
        }
    }

    @Test
    void anInterruptAbandonsTheRequestAtOnce() throws Exception {
        try (var server = new H2Server((request, response, callback) -> {
            response.setStatus(200);
            response.write(false, ByteBuffer.wrap("<html>".getBytes(StandardCharsets.UTF_8)), Callback.NOOP); // then stalls
        })) {
            var fetcher = fetcher(Duration.ofSeconds(30), 1 << 20, true, Resolver.SYSTEM);
            var outcome = new java.util.concurrent.CompletableFuture<Object>();
            Thread caller = Thread.ofVirtual().start(() -> {
                try {
                    outcome.complete(get(fetcher, server.url("/stall")));
                } catch (InterruptedException e) {
                    outcome.complete(e);
                }
            });
            while (server.protocols.isEmpty()) Thread.sleep(10); // the request reached the server
            Thread.sleep(100);
            long start = System.nanoTime();
            caller.interrupt();
            assertThat(outcome.get(5, java.util.concurrent.TimeUnit.SECONDS)).isInstanceOf(InterruptedException.class);
            assertThat((System.nanoTime() - start) / 1_000_000).as("ms to give up").isLessThan(2_000L);
        }
    }

    @Test
    void aResolverThatDoesNotAnswerEndsAtTheDeadline() throws Exception {
        long start = System.nanoTime();
        assertThat(error(get(fetcher(Duration.ofMillis(500), 1 << 20, true, TransportHostileTest.STUCK_DNS), "https://slow.test/")))
                .isEqualTo(FetchError.TIMEOUT);
        assertThat((System.nanoTime() - start) / 1_000_000).isBetween(450L, 2_000L);
    }

    @Test
    void internalAddressesOtherThanTheSeedsHostsAreRefusedBeforeAnyConnect() throws Exception {
        Resolver dns = host -> new InetAddress[] {InetAddress.getByName("127.0.0.1")};
        try (var server = new H2Server((request, response, callback) -> send(response, 200, "text/html", PAGE, callback))) {
            var guarded = fetcher(Duration.ofSeconds(5), 1 << 20, false, dns);
            assertThat(error(get(guarded, "https://internal.test:" + server.port() + "/"))).isEqualTo(FetchError.PRIVATE_ADDRESS);
            assertThat(error(get(guarded, "https://[::ffff:127.0.0.2]:" + server.port() + "/")))
                    .isEqualTo(FetchError.PRIVATE_ADDRESS);
            assertThat(server.connections.get()).as("nothing reached the server").isZero();
            assertThat(body(get(guarded, server.url("/seed")))).as("the seed's own host is allowed").contains("over h2");
        }
    }

    @Test
    void bodiesPastTheLimitAreTooLargeAnnouncedOrNot() throws Exception {
        byte[] big = new byte[300_000];
        try (var server = new H2Server((request, response, callback) -> {
            String path = request.getHttpURI().getPath();
            if (path.equals("/announced")) response.getHeaders().put(HttpHeader.CONTENT_LENGTH, big.length);
            send(response, 200, "text/html", path.equals("/small") ? PAGE : big, callback);
        })) {
            var small = fetcher(Duration.ofSeconds(5), 100_000, true, Resolver.SYSTEM);
            assertThat(error(get(small, server.url("/announced")))).isEqualTo(FetchError.TOO_LARGE);
            assertThat(error(get(small, server.url("/streamed")))).isEqualTo(FetchError.TOO_LARGE);
            assertThat(body(get(small, server.url("/small")))).as("the connection still serves").contains("over h2");
        }
    }

    @Test
    void theBodyIsChargedToThePagesClaimAndDecodedByTrawl() throws Exception {
        var gzipped = new ByteArrayOutputStream();
        try (var gz = new GZIPOutputStream(gzipped)) {
            gz.write(PAGE);
        }
        try (var server = new H2Server((request, response, callback) -> {
            response.getHeaders().put(HttpHeader.CONTENT_ENCODING, "gzip");
            send(response, 200, "text/html", gzipped.toByteArray(), callback);
        })) {
            var budget = new MemoryBudget(1L << 30, 1L << 30, Duration.ofSeconds(5));
            var fetcher = fetcher();
            try (var claim = budget.open()) {
                var answer = response(ScopedValue.where(MemoryBudget.CURRENT, claim).call(() -> get(fetcher, server.url("/gz"))));
                assertThat(answer.body()).isEqualTo(PAGE);
                assertThat(java.util.Arrays.copyOf(answer.rawBody(), answer.rawBodyLength())).isEqualTo(gzipped.toByteArray());
                assertThat(claim.held()).as("decoded and raw bodies, as on HTTP/1.1").isGreaterThanOrEqualTo(PAGE.length + gzipped.size());
            }
            assertThat(budget.used()).isZero();
        }
    }

    /**
     * Jetty's HTTP/2 server will not send control characters (it resets the stream), so the raw bytes come from a TLS
     * server without h2, which Jetty's client reads in HTTP/1.1: values are cleaned, or the response refused whole.
     */
    @Test
    void controlCharactersInHeadersNeverReachAStoredValue() throws Exception {
        String evil = "HTTP/1.1 302 Found\r\nContent-Type: text/html\u0000evil\r\nLocation: /next\u0000evil\r\n"
                + "X-Evil: a\u0001b\u007fc\r\nContent-Length: 2\r\n\r\nok";
        try (var raw = WireServer.startTls(ex -> ex.send(evil));
             var h2 = new H2Server((request, response, callback) -> {
                 response.getHeaders().put("X-Evil", "a\u0001b\u007fc");
                 send(response, 302, "text/html\u0007evil", PAGE, callback);
             })) {
            assertThat(error(get(fetcher(), raw.url("/evil")))).as("Jetty's HTTP/1.1 parser refuses it")
                    .isEqualTo(FetchError.PROTOCOL);
            for (String url : List.of(raw.url("/evil"), h2.url("/evil"))) {
                HttpAnswer answer = get(fetcher(), url);
                if (answer instanceof HttpAnswer.Response r) {
                    assertThat(r.contentType()).isEqualTo("text/html evil");
                    assertThat(r.location()).as("such a Location is not followed").isNull();
                    for (Header h : r.headers()) assertThat(h.value()).doesNotContainPattern("[\\x00-\\x08\\x0a-\\x1f\\x7f]");
                } else {
                    assertThat(error(answer)).as("refused as a whole").isIn(FetchError.PROTOCOL, FetchError.RESET);
                }
            }
        }
    }
}
