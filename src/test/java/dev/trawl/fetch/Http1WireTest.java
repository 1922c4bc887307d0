package dev.trawl.fetch;

import static dev.trawl.fetch.Answered.body;
import static dev.trawl.fetch.Answered.error;
import static dev.trawl.fetch.Answered.response;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The HTTP/1.1 client against a raw socket server that writes exactly the bytes each case needs. */
class Http1WireTest {
    private static final String OK_HEAD = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n";
    private Fetcher fetcher = fetcher(Duration.ofSeconds(5), 1 << 20);

    @AfterEach
    void closeFetcher() {
        fetcher.close();
    }

    private static Fetcher fetcher(Duration timeout, long maxBody) {
        return new Fetcher(new FetchSettings("trawl-test", timeout, maxBody));
    }

    private HttpAnswer get(String url) throws InterruptedException {
        return fetcher.get(url, (status, type) -> true);
    }

    private static String fixed(String body) {
        return OK_HEAD + "Content-Length: " + body.length() + "\r\n\r\n" + body;
    }

    @Test
    void sendsOneWellFormedRequestAndReusesTheConnectionForSequentialRequests() throws Exception {
        try (var server = WireServer.start(ex -> ex.send(fixed("<p>" + ex.number() + "</p>")))) {
            for (int i = 0; i < 10; i++) assertThat(body(get(server.url("/p?q=" + i)))).isEqualTo("<p>" + i + "</p>");

            assertThat(server.connections()).as("connections for 10 sequential requests").isEqualTo(1);
            String head = server.heads().getFirst();
            assertThat(head).startsWith("GET /p?q=0 HTTP/1.1\r\n")
                    .contains("\r\nHost: 127.0.0.1:", "\r\nUser-Agent: trawl-test\r\n", "\r\nAccept: text/html",
                            "\r\nAccept-Encoding: gzip, deflate\r\n", "\r\nConnection: keep-alive\r\n");
        }
    }

    @Test
    void readsChunkedBodiesWithExtensionsAndTrailersAndKeepsTheConnection() throws Exception {
        try (var server = WireServer.start(ex -> ex.send(OK_HEAD + "Transfer-Encoding: chunked\r\n\r\n"
                + "5;name=value\r\nhello\r\n" + "1 ; x=\"y\"\r\n,\r\n" + "6\r\n world\r\n" + "0\r\nX-Trailer: t\r\nX-Other: u\r\n\r\n"))) {
            assertThat(body(get(server.url("/a")))).isEqualTo("hello, world");
            assertThat(body(get(server.url("/b")))).isEqualTo("hello, world");
            assertThat(server.connections()).isEqualTo(1);
        }
    }

    @Test
    void readsAnHttp10BodyUntilTheServerClosesAndDoesNotReuseThatConnection() throws Exception {
        try (var server = WireServer.start(ex -> {
            ex.send("HTTP/1.0 200 OK\r\nContent-Type: text/html\r\n\r\nuntil the end");
            ex.close();
        })) {
            assertThat(body(get(server.url("/a")))).isEqualTo("until the end");
            assertThat(body(get(server.url("/b")))).isEqualTo("until the end");
            assertThat(server.connections()).isEqualTo(2);
        }
    }

    @Test
    void reusesHttp10ConnectionsOnlyWhenTheServerSaysKeepAlive() throws Exception {
        try (var server = WireServer.start(ex -> ex.send("HTTP/1.0 200 OK\r\nConnection: Keep-Alive\r\nContent-Length: 2\r\n\r\nok"))) {
            get(server.url("/a"));
            assertThat(body(get(server.url("/b")))).isEqualTo("ok");
            assertThat(server.connections()).isEqualTo(1);
        }
    }

    @Test
    void opensANewConnectionAfterConnectionClose() throws Exception {
        try (var server = WireServer.start(ex -> ex.send(OK_HEAD + "Connection: close\r\nContent-Length: 2\r\n\r\nok"))) {
            assertThat(body(get(server.url("/a")))).isEqualTo("ok");
            assertThat(body(get(server.url("/b")))).isEqualTo("ok");
            assertThat(server.connections()).isEqualTo(2);
        }
    }

    @Test
    void chunkedWinsOverContentLengthButTheConnectionIsNotTrustedAfterwards() throws Exception {
        try (var server = WireServer.start(ex -> ex.send(OK_HEAD + "Content-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "5\r\nhello\r\n0\r\n\r\n"))) {
            assertThat(body(get(server.url("/a")))).isEqualTo("hello");
            assertThat(body(get(server.url("/b")))).isEqualTo("hello");
            assertThat(server.connections()).isEqualTo(2);
        }
    }

    @Test
    void skipsInterimResponsesBeforeTheFinalOne() throws Exception {
        try (var server = WireServer.start(ex -> ex.send("HTTP/1.1 100 Continue\r\n\r\n"
                + "HTTP/1.1 103 Early Hints\r\nLink: </style.css>; rel=preload\r\n\r\n" + fixed("final")))) {
            var answer = response(get(server.url("/")));
            assertThat(answer.status()).isEqualTo(200);
            assertThat(body(answer)).isEqualTo("final");
        }
    }

    @Test
    void readsNoBodyFor204And304AndTheConnectionStaysInStep() throws Exception {
        try (var server = WireServer.start(ex -> ex.send(switch (ex.number()) {
            case 0 -> "HTTP/1.1 204 No Content\r\n\r\n";
            case 1 -> "HTTP/1.1 304 Not Modified\r\nContent-Length: 1234\r\n\r\n";
            default -> fixed("after");
        }))) {
            assertThat(response(get(server.url("/a"))).status()).isEqualTo(204);
            assertThat(response(get(server.url("/b"))).status()).isEqualTo(304);
            assertThat(body(get(server.url("/c")))).isEqualTo("after");
            assertThat(server.connections()).isEqualTo(1);
        }
    }

    @Test
    void malformedResponsesAreProtocolErrors() throws Exception {
        String[] answers = {
            "HTTP/1.1 2OO OK\r\n\r\n",
            "ICY 200 OK\r\n\r\n",
            "<html>no status line</html>\r\n\r\n",
            "HTTP/1.1 200 OK\r\nNo-Colon-Here\r\n\r\n",
            "HTTP/1.1 200 OK\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello",
            "HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n",
            "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nhello\r\n0\r\n\r\n",
            "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello, too long\r\n0\r\n\r\n",
            "HTTP/1.1 200 OK\r\nX-Big: " + "x".repeat(70_000) + "\r\n\r\n",
            "HTTP/1.1 200 OK\r\n" + "X-Many: 0123456789012345678901234567890123456789\r\n".repeat(2000) + "\r\n",
        };
        for (String wire : answers) {
            try (var server = WireServer.start(ex -> ex.send(wire))) {
                assertThat(error(get(server.url("/")))).as(ResponseHead.abbreviate(wire)).isEqualTo(FetchError.PROTOCOL);
            }
        }
    }

    @Test
    void retriesOnceOnANewConnectionWhenTheServerClosedAnIdleOne() throws Exception {
        try (var server = WireServer.start(ex -> {
            ex.send(fixed("fine")); // keep-alive promised, then the server drops the idle connection
            ex.close();
        })) {
            assertThat(body(get(server.url("/a")))).isEqualTo("fine");
            assertThat(fetcher.idleHttpConnections()).as("pooled, its close not yet seen").isEqualTo(1);
            Thread.sleep(50); // let the FIN arrive, as it would after an idle timeout
            assertThat(body(get(server.url("/b")))).isEqualTo("fine");
            assertThat(server.connections()).isEqualTo(2);
            assertThat(server.heads()).hasSize(2);
        }
    }

    @Test
    void aConnectionThatBreaksMidBodyIsAResetAndIsNotRetried() throws Exception {
        try (var server = WireServer.start(ex -> {
            ex.send(OK_HEAD + "Content-Length: 1000\r\n\r\nonly a little");
            ex.close();
        })) {
            assertThat(error(get(server.url("/")))).isEqualTo(FetchError.RESET);
            assertThat(server.heads()).hasSize(1);
        }
        try (var server = WireServer.start(WireServer.Exchange::close)) {
            assertThat(error(get(server.url("/")))).as("closed before answering, new connection").isEqualTo(FetchError.RESET);
            assertThat(server.connections()).isEqualTo(1);
        }
    }

    @Test
    void aTricklingBodyEndsAtTheWholeRequestDeadline() throws Exception {
        fetcher = fetcher(Duration.ofSeconds(1), 1 << 20);
        try (var server = WireServer.start(ex -> {
            ex.send(OK_HEAD + "Content-Length: 10000\r\n\r\n<");
            for (int i = 0; i < 10_000; i++) {
                Thread.sleep(50);
                ex.send(" ");
            }
        })) {
            long started = System.nanoTime();
            var answer = get(server.url("/"));
            long millis = (System.nanoTime() - started) / 1_000_000;

            assertThat(error(answer)).isEqualTo(FetchError.TIMEOUT);
            assertThat(millis).as("ms for a 1 s deadline").isBetween(950L, 1500L);
        }
    }

    @Test
    void aServerThatNeverAnswersTimesOut() throws Exception {
        fetcher = fetcher(Duration.ofMillis(300), 1 << 20);
        try (var server = WireServer.start(ex -> Thread.sleep(10_000))) {
            long started = System.nanoTime();
            assertThat(error(get(server.url("/")))).isEqualTo(FetchError.TIMEOUT);
            assertThat((System.nanoTime() - started) / 1_000_000).isBetween(280L, 800L);
        }
    }

    @Test
    void bodiesPastTheLimitAreTooLargeByContentLengthAndWhenChunked() throws Exception {
        fetcher = fetcher(Duration.ofSeconds(5), 100);
        try (var server = WireServer.start(ex -> {
            if (ex.head().startsWith("GET /length")) {
                ex.send(OK_HEAD + "Content-Length: 5000000\r\n\r\n"); // and never the body: must not be waited for
            } else {
                ex.send(OK_HEAD + "Transfer-Encoding: chunked\r\n\r\n");
                for (int i = 0; i < 10; i++) ex.send("14\r\n" + "x".repeat(20) + "\r\n");
                ex.send("0\r\n\r\n");
            }
        })) {
            long started = System.nanoTime();
            assertThat(error(get(server.url("/length")))).isEqualTo(FetchError.TOO_LARGE);
            assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(2000);
            assertThat(error(get(server.url("/chunked")))).isEqualTo(FetchError.TOO_LARGE);
            assertThat(error(fetcher.get(server.url("/chunked"), (s, t) -> false))).as("unwanted bodies count too").isEqualTo(FetchError.TOO_LARGE);
        }
    }

    @Test
    void unwantedBodiesAreCountedAndDroppedAndTheConnectionReused() throws Exception {
        try (var server = WireServer.start(ex -> ex.send("HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\nContent-Length: 9\r\n\r\nnot found"))) {
            for (int i = 0; i < 3; i++) {
                var answer = response(fetcher.get(server.url("/x" + i), (status, type) -> status == 200));
                assertThat(answer.status()).isEqualTo(404);
                assertThat(answer.body()).isNull();
                assertThat(answer.bodyLength()).isEqualTo(9);
            }
            assertThat(server.connections()).isEqualTo(1);
        }
    }

    @Test
    void decodesRawDeflateAsWellAsZlib() throws Exception {
        byte[] zlib = deflate("zlib wrapped", false);
        byte[] raw = deflate("raw stream", true);
        try (var server = WireServer.start(ex -> {
            byte[] body = ex.head().startsWith("GET /zlib") ? zlib : raw;
            ex.send(OK_HEAD + "Content-Encoding: deflate\r\nContent-Length: " + body.length + "\r\n\r\n");
            ex.send(body);
        })) {
            assertThat(body(get(server.url("/zlib")))).isEqualTo("zlib wrapped");
            assertThat(body(get(server.url("/raw")))).isEqualTo("raw stream");
        }
    }

    private static byte[] deflate(String text, boolean nowrap) throws Exception {
        var buffer = new ByteArrayOutputStream();
        var deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, nowrap);
        try (var out = new DeflaterOutputStream(buffer, deflater)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        } finally {
            deflater.end();
        }
        return buffer.toByteArray();
    }
}
