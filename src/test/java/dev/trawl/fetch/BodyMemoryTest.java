package dev.trawl.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trawl.memory.MemoryBudget;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/**
 * What a body costs while it is read and decoded, over real sockets: charged to the page's claim as it grows, never
 * sized from what the server announces; decoded bytes counted as well.
 */
class BodyMemoryTest {
    private static final long TEN_MB = 10L * 1024 * 1024;

    private static HttpAnswer fetch(Fetcher fetcher, String url, MemoryBudget.Claim claim) throws Exception {
        return ScopedValue.where(MemoryBudget.CURRENT, claim).call(() -> fetcher.get(url, (status, type) -> true));
    }

    /** Forty responses that announce 10 MB and stall: 40 × 10 MB would pass the 192 MB heap; they hold 16 KB each. */
    @Test
    void stalledResponsesThatAnnounceTenMegabytesHoldOneSmallBufferEach() throws Exception {
        var budget = new MemoryBudget(1L << 30, 1L << 30, Duration.ofSeconds(30));
        try (var server = WireServer.start(ex -> {
                    ex.send("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: " + TEN_MB + "\r\n\r\n<html>");
                    Thread.sleep(5_000);
                    ex.close();
                });
             var fetcher = new Fetcher(new FetchSettings("trawl-test", Duration.ofSeconds(2), TEN_MB));
             var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<HttpAnswer>> answers = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String url = server.url("/stall/" + i);
                answers.add(threads.submit(() -> {
                    try (var claim = budget.open()) {
                        return fetch(fetcher, url, claim);
                    }
                }));
            }
            for (Future<HttpAnswer> answer : answers) {
                assertThat(answer.get()).isInstanceOfSatisfying(HttpAnswer.Failure.class,
                        f -> assertThat(f.error()).isEqualTo(FetchError.TIMEOUT));
            }
        }
        assertThat(budget.peak()).as("bytes held at once by 40 stalled 10 MB responses")
                .isLessThanOrEqualTo(40L * BodyBuffer.INITIAL);
        assertThat(budget.used()).isZero();
    }

    /**
     * A body that must wait for memory mid-read (another page holds the budget for 2.5 × --timeout) is stored whole: the
     * wait is not the server's time. Before, the deadline ran on and the page became a timeout.
     */
    @Test
    void aWaitForMemoryMidBodyDoesNotCountAgainstTheTimeout() throws Exception {
        byte[] page = "<p>waited</p>".repeat(4_000).getBytes(StandardCharsets.ISO_8859_1); // 52 KB: grows past 16 KB
        var budget = new MemoryBudget(100 * 1024, 100 * 1024, Duration.ofSeconds(30));
        var timeout = Duration.ofMillis(800);
        try (var server = serving(page);
             var fetcher = new Fetcher(new FetchSettings("trawl-test", timeout, TEN_MB));
             var other = budget.open();
             var claim = budget.open()) {
            other.adopt(80 * 1024); // another page's bytes: 16 KB fit, 32 KB do not until they go
            Thread.ofVirtual().start(() -> {
                sleep(timeout.multipliedBy(5).dividedBy(2));
                other.release(80 * 1024);
            });
            long start = System.nanoTime();
            var answer = fetch(fetcher, server.url("/waits"), claim);
            long tookMillis = (System.nanoTime() - start) / 1_000_000;
            assertThat(Answered.body(answer)).hasSize(page.length);
            assertThat(tookMillis).as("the fetch waited for memory past its timeout").isGreaterThan(timeout.toMillis() * 2);
        }
        assertThat(budget.used()).isZero();
    }

    /** The wait is bounded still: memory that never comes ends the request within 5 × --timeout, as a timeout. */
    @Test
    void aWaitForMemoryEndsWithinFiveTimesTheTimeout() throws Exception {
        byte[] page = "<p>never</p>".repeat(4_000).getBytes(StandardCharsets.ISO_8859_1);
        var budget = new MemoryBudget(100 * 1024, 100 * 1024, Duration.ofSeconds(60));
        var timeout = Duration.ofMillis(400);
        try (var server = serving(page);
             var fetcher = new Fetcher(new FetchSettings("trawl-test", timeout, TEN_MB));
             var other = budget.open();
             var claim = budget.open()) {
            other.adopt(80 * 1024); // never given back
            long start = System.nanoTime();
            var answer = fetch(fetcher, server.url("/never"), claim);
            long tookMillis = (System.nanoTime() - start) / 1_000_000;
            assertThat(Answered.error(answer)).isEqualTo(FetchError.TIMEOUT);
            assertThat(tookMillis).isBetween(timeout.toMillis() * 4, timeout.toMillis() * 5 + 1_500);
        }
    }

    /** A server that answers every request with page, 52 KB: its buffer grows past the first 16 KB. */
    private static WireServer serving(byte[] page) throws IOException {
        return WireServer.start(ex -> ex.send("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: "
                + page.length + "\r\n\r\n" + new String(page, StandardCharsets.ISO_8859_1)));
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aKeptBodyIsChargedExactlyWhileItLivesAndItsGrowthStaysWithinTwiceItsSize() throws Exception {
        byte[] page = "<a href=x>".repeat(100_000).getBytes(StandardCharsets.ISO_8859_1); // 1 MB, chunked
        var budget = new MemoryBudget(1L << 30, 1L << 30, Duration.ofSeconds(30));
        try (var server = WireServer.start(ex -> {
                    ex.send("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nConnection: close\r\n\r\n");
                    ex.send(page);
                    ex.close();
                });
             var fetcher = new Fetcher(new FetchSettings("trawl-test", Duration.ofSeconds(5), TEN_MB));
             var claim = budget.open()) {
            var answer = (HttpAnswer.Response) fetch(fetcher, server.url("/"), claim);
            assertThat(answer.body()).hasSize(page.length);
            assertThat(claim.held()).isEqualTo(page.length);
            assertThat(budget.peak()).isLessThanOrEqualTo(3L * page.length);
        }
        assertThat(budget.used()).isZero();
    }

    /** 1 GB of zeros in 1 MB of gzip: too large for the page's share long before --max-body, and never allocated. */
    @Test
    void inflatedBytesCountAgainstThePageShare() throws Exception {
        byte[] bomb = gzipZeros(64L << 20);
        var budget = new MemoryBudget(8L << 20, 4L << 20, Duration.ofSeconds(30));
        try (var server = WireServer.start(ex -> {
                    ex.send("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\nContent-Length: "
                            + bomb.length + "\r\n\r\n");
                    ex.send(bomb);
                });
             var fetcher = new Fetcher(new FetchSettings("trawl-test", Duration.ofSeconds(5), 1L << 30));
             var claim = budget.open()) {
            HttpAnswer answer = fetch(fetcher, server.url("/bomb"), claim);
            assertThat(answer).isInstanceOfSatisfying(HttpAnswer.Failure.class,
                    f -> assertThat(f.error()).isEqualTo(FetchError.TOO_LARGE));
            assertThat(budget.peak()).isLessThanOrEqualTo(4L << 20);
        }
        assertThat(budget.used()).isZero();
    }

    private static byte[] gzipZeros(long n) throws IOException {
        var out = new ByteArrayOutputStream();
        byte[] block = new byte[1 << 16];
        try (var gz = new GZIPOutputStream(out)) {
            for (long written = 0; written < n; written += block.length) gz.write(block);
        }
        return out.toByteArray();
    }
}
