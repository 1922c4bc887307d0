package dev.trawl.fetch;

import static dev.trawl.fetch.Answered.body;
import static dev.trawl.fetch.Answered.error;
import static dev.trawl.fetch.Answered.response;
import static org.assertj.core.api.Assertions.assertThat;

import dev.trawl.memory.MemoryBudget;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/**
 * What the HTTP/1.1 transport hands an {@link ExchangeSink}: checked byte for byte against what a raw socket server
 * wrote and received, for every framing, a cut at --max-body, at the deadline and at a disconnect, and the memory
 * claim given back afterwards.
 */
class WireCaptureTest {
    private final List<CapturedExchange> captured = new CopyOnWriteArrayList<>();

    /** Copies the arrays: they are the transport's only until the sink returns. */
    private final ExchangeSink sink = e -> captured.add(new CapturedExchange(e.url(), e.startedAt(), e.ip(),
            e.request().clone(), e.responseHead().clone(), Arrays.copyOf(e.body(), e.bodyLength()), e.bodyLength(), e.cut()));

    private Fetcher fetcher(Duration timeout, long maxBody) {
        return new Fetcher(new FetchSettings("trawl-test", timeout, maxBody), sink);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String text(byte[] bytes, int length) {
        return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
    }

    @Test
    void chunkedGzipAfterAnInterimResponseIsCapturedAsSentAndDecodedForThePage() throws Exception {
        byte[] page = "<title>t</title>".repeat(200).getBytes(StandardCharsets.UTF_8);
        byte[] gz = gzip(page);
        String head = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n\r\n";
        var wireBody = new ByteArrayOutputStream();
        for (int at = 0; at < gz.length; at += 100) {
            int n = Math.min(100, gz.length - at);
            wireBody.write(ascii(Integer.toHexString(n) + ";ext=1\r\n"));
            wireBody.write(gz, at, n);
            wireBody.write(ascii("\r\n"));
        }
        wireBody.write(ascii("0\r\nX-Trailer: t\r\n\r\n"));
        byte[] wire = wireBody.toByteArray();
        try (var server = WireServer.start(ex -> {
                ex.send("HTTP/1.1 103 Early Hints\r\nLink: </s.css>; rel=preload\r\n\r\n");
                ex.send(ascii(head));
                ex.send(wire);
            });
             var fetcher = fetcher(Duration.ofSeconds(5), 1 << 20)) {
            for (int i = 0; i < 2; i++) {
                assertThat(response(fetcher.get(server.url("/p" + i), (s, t) -> true)).body()).isEqualTo(page);
            }

            assertThat(captured).hasSize(2);
            for (int i = 0; i < 2; i++) {
                CapturedExchange c = captured.get(i);
                assertThat(c.url()).isEqualTo(server.url("/p" + i));
                assertThat(text(c.request(), c.request().length)).isEqualTo(server.heads().get(i));
                assertThat(text(c.responseHead(), c.responseHead().length)).isEqualTo(head);
                assertThat(Arrays.copyOf(c.body(), c.bodyLength())).isEqualTo(wire);
                assertThat(c.cut()).isEqualTo(CapturedExchange.Cut.NONE);
                assertThat(c.ip()).isEqualTo(InetAddress.getLoopbackAddress());
            }
            assertThat(server.connections()).as("capturing keeps connection reuse").isEqualTo(1);
        }
    }

    @Test
    void aBodyThePageDoesNotWantIsReadForTheCaptureAndItsMemoryGivenBack() throws Exception {
        String body = "not found ".repeat(500);
        String answer = "HTTP/1.1 404 Not Found\r\nContent-Type: application/pdf\r\nContent-Length: " + body.length() + "\r\n\r\n";
        var budget = new MemoryBudget(1 << 20, 1 << 19, Duration.ofSeconds(1));
        try (var server = WireServer.start(ex -> ex.send(answer + body));
             var fetcher = fetcher(Duration.ofSeconds(5), 1 << 20);
             var claim = budget.open()) {
            HttpAnswer got = ScopedValue.where(MemoryBudget.CURRENT, claim)
                    .call(() -> fetcher.get(server.url("/missing.pdf"), (s, t) -> false));

            assertThat(response(got).body()).as("the page did not want it").isNull();
            assertThat(response(got).bodyLength()).isEqualTo(body.length());
            assertThat(claim.held()).as("bytes still charged once the sink returned").isZero();
            assertThat(budget.peak()).as("the body was charged while captured").isGreaterThanOrEqualTo(body.length());
        }
        CapturedExchange c = captured.getFirst();
        assertThat(text(c.responseHead(), c.responseHead().length)).isEqualTo(answer);
        assertThat(text(c.body(), c.bodyLength())).isEqualTo(body);
    }

    @Test
    void aBodyAnnouncedLongerThanTheLimitIsCapturedUpToTheLimitAndMarkedCut() throws Exception {
        byte[] body = new byte[5000];
        Arrays.fill(body, (byte) 'x');
        try (var server = WireServer.start(ex -> {
                ex.send("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 5000\r\n\r\n");
                ex.send(body);
            });
             var fetcher = fetcher(Duration.ofSeconds(5), 1000)) {
            assertThat(error(fetcher.get(server.url("/big"), (s, t) -> true))).isEqualTo(FetchError.TOO_LARGE);
        }
        CapturedExchange c = captured.getFirst();
        assertThat(c.cut()).isEqualTo(CapturedExchange.Cut.LENGTH);
        assertThat(c.bodyLength()).isEqualTo(1000);
    }

    @Test
    void aChunkedBodyPastTheLimitKeepsItsFirstWireBytes() throws Exception {
        var wire = new ByteArrayOutputStream();
        for (int i = 0; i < 50; i++) wire.write(ascii("64\r\n" + "y".repeat(100) + "\r\n"));
        wire.write(ascii("0\r\n\r\n"));
        try (var server = WireServer.start(ex -> {
                ex.send("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n");
                ex.send(wire.toByteArray());
            });
             var fetcher = fetcher(Duration.ofSeconds(5), 1000)) {
            assertThat(error(fetcher.get(server.url("/big"), (s, t) -> true))).isEqualTo(FetchError.TOO_LARGE);
        }
        CapturedExchange c = captured.getFirst();
        assertThat(c.cut()).isEqualTo(CapturedExchange.Cut.LENGTH);
        assertThat(c.bodyLength()).isEqualTo(1000);
        assertThat(Arrays.copyOf(c.body(), 1000)).isEqualTo(Arrays.copyOf(wire.toByteArray(), 1000));
    }

    @Test
    void aConnectionClosedMidBodyIsADisconnectCutWithTheBytesThatCame() throws Exception {
        try (var server = WireServer.start(ex -> {
                ex.send("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 100\r\n\r\n" + "z".repeat(40));
                ex.close();
            });
             var fetcher = fetcher(Duration.ofSeconds(5), 1 << 20)) {
            assertThat(fetcher.get(server.url("/cut"), (s, t) -> true)).isInstanceOf(HttpAnswer.Failure.class);
        }
        CapturedExchange c = captured.getFirst();
        assertThat(c.cut()).isEqualTo(CapturedExchange.Cut.DISCONNECT);
        assertThat(text(c.body(), c.bodyLength())).isEqualTo("z".repeat(40));
    }

    @Test
    void aBodyStalledPastTheDeadlineIsATimeCut() throws Exception {
        try (var server = WireServer.start(ex -> {
                ex.send("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 100\r\n\r\n" + "s".repeat(10));
                Thread.sleep(3000);
            });
             var fetcher = fetcher(Duration.ofMillis(500), 1 << 20)) {
            assertThat(error(fetcher.get(server.url("/slow"), (s, t) -> true))).isEqualTo(FetchError.TIMEOUT);
        }
        CapturedExchange c = captured.getFirst();
        assertThat(c.cut()).isEqualTo(CapturedExchange.Cut.TIME);
        assertThat(text(c.body(), c.bodyLength())).isEqualTo("s".repeat(10));
    }

    @Test
    void overHttpsTheBytesInsideTlsAreCaptured() throws Exception {
        String answer = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "4\r\nsafe\r\n0\r\n\r\n";
        try (var server = WireServer.startTls(ex -> ex.send(answer));
             var fetcher = new Fetcher(new FetchSettings("trawl-test", Duration.ofSeconds(5), 1 << 20, List.of(), null,
                     true, java.util.Set.of(), Resolver.SYSTEM, TestTls.client()), sink)) {
            assertThat(body(fetcher.get(server.url("/s"), (s, t) -> true))).isEqualTo("safe");
            CapturedExchange c = captured.getFirst();
            assertThat(c.url()).startsWith("https://");
            assertThat(text(c.request(), c.request().length)).isEqualTo(server.heads().getFirst());
            assertThat(text(c.responseHead(), c.responseHead().length) + text(c.body(), c.bodyLength())).isEqualTo(answer);
        }
    }

    @Test
    void noResponseHeadNoCaptureAndAFetcherWithoutSinkCapturesNothing() throws Exception {
        int closedPort;
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        try (var fetcher = fetcher(Duration.ofSeconds(2), 1 << 20)) {
            assertThat(error(fetcher.get("http://127.0.0.1:" + closedPort + "/", (s, t) -> true))).isEqualTo(FetchError.CONNECT);
        }
        try (var server = WireServer.start(ex -> ex.send("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"));
             var plain = new Fetcher(new FetchSettings("trawl-test", Duration.ofSeconds(2), 1 << 20))) {
            assertThat(body(plain.get(server.url("/"), (s, t) -> true))).isEqualTo("ok");
        }
        assertThat(captured).isEmpty();
    }

    private static byte[] gzip(byte[] bytes) throws Exception {
        var out = new ByteArrayOutputStream();
        try (var gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return out.toByteArray();
    }
}
