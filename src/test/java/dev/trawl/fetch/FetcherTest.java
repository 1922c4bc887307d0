package dev.trawl.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trawl.testsite.TestSite;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Fetcher.get over http:// against the JDK's HttpServer: what the crawler sees of a response. */
class FetcherTest {
    private final Fetcher fetcher = new Fetcher(new FetchSettings("trawl-test", Duration.ofSeconds(2), 100_000));

    @AfterEach
    void closeFetcher() {
        fetcher.close();
    }

    private HttpAnswer.Response fetchHtml(String url) throws InterruptedException {
        var answer = fetcher.get(url, (status, type) -> status == 200 && type != null && type.startsWith("text/html"));
        assertThat(answer).isInstanceOf(HttpAnswer.Response.class);
        return (HttpAnswer.Response) answer;
    }

    private FetchError failure(String url) throws InterruptedException {
        var answer = fetcher.get(url, (status, type) -> true);
        assertThat(answer).isInstanceOf(HttpAnswer.Failure.class);
        return ((HttpAnswer.Failure) answer).error();
    }

    @Test
    void givesStatusTypeAndBodyOfAPageAndTheHeadersTheCrawlerActsOn() throws Exception {
        try (var site = TestSite.start()) {
            site.html("/", "<title>Home</title>");
            site.redirect("/moved", 301, "/");
            site.retryAfter("/busy", 503, "120", 1, "");

            var page = fetchHtml(site.url("/"));
            var moved = fetchHtml(site.url("/moved"));
            var busy = fetchHtml(site.url("/busy"));

            assertThat(page.status()).isEqualTo(200);
            assertThat(page.contentType()).isEqualTo("text/html; charset=utf-8");
            assertThat(new String(page.body(), StandardCharsets.UTF_8)).isEqualTo("<title>Home</title>");
            assertThat(page.bodyLength()).isEqualTo(19);
            assertThat(moved.isRedirect()).isTrue();
            assertThat(moved.location()).isEqualTo("/");
            assertThat(busy.status()).isEqualTo(503);
            assertThat(busy.retryAfter()).isEqualTo("120");
            assertThat(busy.body()).as("not wanted").isNull();
            assertThat(busy.bodyLength()).isEqualTo(9);
        }
    }

    @Test
    void decodesGzipAndCountsTheDecodedBytesAgainstTheLimit() throws Exception {
        try (var site = TestSite.start()) {
            site.gzipped("/gz", "<title>Squeezed</title>");
            site.gzipped("/bomb", " ".repeat(1_000_000));

            assertThat(new String(fetchHtml(site.url("/gz")).body(), StandardCharsets.UTF_8)).isEqualTo("<title>Squeezed</title>");
            assertThat(failure(site.url("/bomb"))).isEqualTo(FetchError.TOO_LARGE);
        }
    }

    @Test
    void servesConcurrentRequestsOverPooledConnections() throws Exception {
        try (var site = TestSite.start()) {
            site.html("/", "<title>Home</title>");
            var ok = new AtomicInteger();
            try (var threads = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
                for (int i = 0; i < 200; i++) {
                    threads.submit(() -> {
                        if (fetchHtml(site.url("/")).status() == 200) ok.incrementAndGet();
                        return null;
                    });
                }
            }
            assertThat(ok).hasValue(200);
            assertThat(fetcher.idleHttpConnections()).isBetween(1, 64);
        }
    }

    @Test
    void aTricklingBodyFromTheTestSiteTimesOut() throws Exception {
        try (var site = TestSite.start()) {
            site.trickle("/stall", 10_000, 100);
            long started = System.nanoTime();
            assertThat(failure(site.url("/stall"))).isEqualTo(FetchError.TIMEOUT);
            assertThat((System.nanoTime() - started) / 1_000_000).as("ms for a 2 s deadline").isLessThan(2500);
        }
    }

    @Test
    void refusedConnectionsUnknownHostsAndBadUrlsHaveTheirCodes() throws Exception {
        int closedPort;
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        assertThat(failure("http://127.0.0.1:" + closedPort + "/")).isEqualTo(FetchError.CONNECT);
        assertThat(failure("http://no-such-host.invalid/")).isEqualTo(FetchError.DNS);
        assertThat(failure("http:///no-host")).isEqualTo(FetchError.BAD_URL);
        assertThat(failure("http://exa mple.com/")).isEqualTo(FetchError.BAD_URL);
        assertThat(failure("http://127.0.0.1:99999/")).isEqualTo(FetchError.BAD_URL);
        assertThat(failure("ftp://127.0.0.1/")).isEqualTo(FetchError.BAD_URL);
    }

    @Test
    void interruptingTheCallerAbandonsTheRequestWithInterruptedException() throws Exception {
        try (var server = WireServer.start(ex -> Thread.sleep(30_000))) {
            var outcome = new CompletableFuture<Object>();
            Thread caller = Thread.ofVirtual().start(() -> {
                try {
                    outcome.complete(fetcher.get(server.url("/"), (s, t) -> true));
                } catch (InterruptedException e) {
                    outcome.complete(e);
                }
            });
            while (server.heads().isEmpty()) Thread.sleep(5);
            long started = System.nanoTime();
            caller.interrupt();

            assertThat(outcome.get(5, TimeUnit.SECONDS)).isInstanceOf(InterruptedException.class);
            assertThat((System.nanoTime() - started) / 1_000_000).as("ms to stop").isLessThan(1000);
        }
    }

    @Test
    void anAlreadyInterruptedCallerSendsNothing() throws Exception {
        try (var server = WireServer.start(ex -> ex.send("HTTP/1.1 204 No Content\r\n\r\n"))) {
            var outcome = new CompletableFuture<Object>();
            Thread.ofVirtual().start(() -> {
                Thread.currentThread().interrupt();
                try {
                    outcome.complete(fetcher.get(server.url("/"), (s, t) -> true));
                } catch (InterruptedException e) {
                    outcome.complete(e);
                }
            });
            assertThat(outcome.get(5, TimeUnit.SECONDS)).isInstanceOf(InterruptedException.class);
            assertThat(server.connections()).isZero();
        }
    }

    @Test
    void closingTheFetcherClosesItsIdleConnections() throws Exception {
        try (var server = WireServer.start(ex -> ex.send("HTTP/1.1 204 No Content\r\n\r\n"))) {
            fetcher.get(server.url("/"), (s, t) -> true);
            assertThat(fetcher.idleHttpConnections()).isEqualTo(1);
            fetcher.close();
            assertThat(fetcher.idleHttpConnections()).isZero();
        }
    }
}
